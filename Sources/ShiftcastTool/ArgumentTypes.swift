import ArgumentParser
import Shiftcast

// Command-line spellings of the library's value types (SPEC section 2).

extension TimeSpan: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Fraction: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// How `erlang` and `backtest` print their results.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
