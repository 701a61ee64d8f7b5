/// How a command prints a small report (`erlang`, `backtest`): a table for people, JSON or CSV for programs.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, json, csv
}
