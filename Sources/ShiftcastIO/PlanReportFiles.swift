import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastForecasting
import ShiftcastReport

/// `report.html` from the files of a plan folder (`forecast.csv`, `coverage.csv`, `schedule.csv`, and
/// `backtest.csv` and `plan.json` when there), with the history and events when given: what `plan` writes
/// beside its other files and `shiftcast report` writes from a folder, by one path.
public struct PlanReportFiles: Sendable {
    /// The folder, for messages and the title.
    public var folder: String
    /// Each file's bytes by name.
    public var files: [String: [UInt8]]

    /// Weeks of history shown before the forecast.
    public static let historyDays = 14

    /// The files a plan just computed.
    public init(folder: String, files: [(name: String, bytes: [UInt8])]) {
        self.folder = folder
        self.files = Dictionary(files.map { ($0.name, $0.bytes) }, uniquingKeysWith: { _, last in last })
    }

    /// Reads the plan's files from `folder`.
    /// - Throws: `.inputUnavailable` when `forecast.csv`, `coverage.csv` or `schedule.csv` is missing or
    ///   unreadable; the optional files are skipped when missing.
    public static func read(folder: String) throws -> PlanReportFiles {
        var files: [(name: String, bytes: [UInt8])] = []
        for name in ["forecast.csv", "coverage.csv", "schedule.csv", "backtest.csv", "plan.json"] {
            let path = (folder as NSString).appendingPathComponent(name)
            let optional = name == "backtest.csv" || name == "plan.json"
            if optional, !FileManager.default.fileExists(atPath: path) { continue }
            files.append((name, try InputFile.read(path)))
        }
        return PlanReportFiles(folder: folder, files: files)
    }

    /// The report's content.
    /// - Parameters:
    ///   - history: the plan's History file, for the weeks before the forecast.
    ///   - calendar: the events to mark.
    ///   - clock: the zone of the files' times.
    /// - Throws: `ShiftcastError` located in the file at fault.
    /// - Complexity: O(rows of the files).
    public func report(history: VolumeFile?, calendar: EventCalendar, clock: WallClock) throws -> PlanReport {
        let forecast = try VolumeFile(table: table("forecast.csv"), clock: clock)
        let coverage = try CoverageFile.read(table: table("coverage.csv"), clock: clock)
        let backtests = try files["backtest.csv"].map { _ in try BacktestFoldsFile.read(table: table("backtest.csv")) } ?? []
        let settings = try files["plan.json"].map { bytes -> PlanSettings in
            let settings = try PlanSettings.decode(bytes, file: path("plan.json"))
            _ = try settings.policy(file: path("plan.json"))
            return settings
        }
        let queues = forecast.queues.map { queue in
            PlanReport.Queue(name: queue.name, intervalSeconds: queue.grid.step.nominalSeconds,
                             history: historyPoints(before: queue, from: history, clock: clock),
                             forecast: queue.intervals.map {
                                 PlanReport.ForecastPoint(start: clock.civil(at: $0.start), volume: $0.volume,
                                                          lower: $0.bounds?.lower ?? $0.volume, upper: $0.bounds?.upper ?? $0.volume)
                             },
                             events: events(calendar, around: queue, clock: clock),
                             backtests: Self.models(backtests.filter { $0.queue == queue.name }),
                             coverage: coverage.filter { $0.queue == queue.name }.map {
                                 PlanReport.CoveragePoint(start: clock.civil(at: $0.start), required: $0.required, scheduled: $0.scheduled,
                                                          serviceLevel: $0.serviceLevel, cause: $0.cause)
                             })
        }
        let agents = try agents(queues: forecast.queues.map(\.name), clock: clock)
        return PlanReport(title: title(queues), serviceLevelTarget: settings?.serviceLevel,
                          summary: Self.summary(queues, agents: agents, settings: settings), queues: queues, agents: agents)
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    private func table(_ name: String) throws -> CSVTable {
        guard let bytes = files[name] else {
            throw ShiftcastError(.inputUnavailable, "is missing; a plan folder written by `shiftcast plan` has it", file: path(name))
        }
        return try CSVTable(bytes: bytes, name: path(name))
    }

    private func title(_ queues: [PlanReport.Queue]) -> String {
        let starts = queues.flatMap { $0.forecast.map(\.start) }
        guard let first = starts.min(), let last = starts.max() else { return "Shiftcast plan" }
        return "Shiftcast plan, \(first.formatted(dateOnly: true)) to \(last.formatted(dateOnly: true))"
    }

    /// The last ``historyDays`` days of the history's queue of the same name before the forecast.
    private func historyPoints(before queue: VolumeFile.Queue, from history: VolumeFile?, clock: WallClock) -> [PlanReport.HistoryPoint] {
        guard let history, let origin = queue.intervals.first?.start,
              let past = history.queues.first(where: { $0.name == queue.name }) ?? (history.queues.count == 1 ? history.queues.first : nil)
        else { return [] }
        let from = clock.adding(days: -Self.historyDays, to: origin)
        return past.intervals.filter { $0.start >= from && $0.start < origin }
            .map { PlanReport.HistoryPoint(start: clock.civil(at: $0.start), volume: $0.volume) }
    }

    /// The occurrences that touch the chart: the history shown and the forecast.
    private func events(_ calendar: EventCalendar, around queue: VolumeFile.Queue, clock: WallClock) -> [PlanReport.Event] {
        guard let first = queue.intervals.first?.start, let last = queue.intervals.last?.start else { return [] }
        let from = clock.civil(at: clock.adding(days: -Self.historyDays, to: first))
        let to = clock.civil(at: last).adding(seconds: Int64(queue.grid.step.nominalSeconds))
        return calendar.occurrences.filter { $0.end > from && $0.start < to }
            .map { PlanReport.Event(kind: $0.kind, start: $0.start, end: $0.end) }
    }

    /// The rows of one queue as models, each with its folds in order.
    static func models(_ rows: [BacktestFoldsFile.Row]) -> [PlanReport.ModelBacktest] {
        var order: [String] = [], folds: [String: [BacktestFoldsFile.Row]] = [:]
        for row in rows {
            if folds[row.model] == nil { order.append(row.model) }
            folds[row.model, default: []].append(row)
        }
        return order.map { model in
            let rows = folds[model]!.sorted { $0.fold < $1.fold }
            return PlanReport.ModelBacktest(model: model, folds: rows.map { ($0.origin, $0.wape) }, chosen: rows.contains(where: \.chosen))
        }
    }

    /// Every agent of the Schedule file (of each queue, named `queue/agent` when there are queues), with
    /// their activities and the start of each shift (a shift: the rows of one agent, date and shift name).
    private func agents(queues: [String?], clock: WallClock) throws -> [PlanReport.Agent] {
        let table = try table("schedule.csv")
        let named = try table.column("queue") != nil
        return try (named ? queues : [nil]).flatMap { queue in
            let work = try ScheduleFile.readWork(table: table, clock: clock, queue: queue)
            var order: [String] = [], rows: [String: [ScheduleFile.Row]] = [:]
            for row in work.rows {
                if rows[row.agent] == nil { order.append(row.agent) }
                rows[row.agent, default: []].append(row)
            }
            return order.map { agent in
                let activities = rows[agent]!.map {
                    PlanReport.Activity(activity: $0.activity, shift: $0.shift, start: clock.civil(at: $0.span.lowerBound),
                                        end: clock.civil(at: $0.span.upperBound))
                }
                var starts: [String: CivilDateTime] = [:]
                for (row, activity) in zip(rows[agent]!, activities) {
                    let key = row.date + "\u{0}" + row.shift
                    starts[key] = min(starts[key] ?? activity.start, activity.start)
                }
                return PlanReport.Agent(name: queue.map { "\($0)/\(agent)" } ?? agent, activities: activities,
                                        shiftStarts: starts.values.sorted())
            }
        }
    }

    /// The figures at the top of the report.
    static func summary(_ queues: [PlanReport.Queue], agents: [PlanReport.Agent], settings: PlanSettings?) -> [(label: String, value: String)] {
        var lines: [(String, String)] = []
        let hours = { (queue: PlanReport.Queue, value: (PlanReport.CoveragePoint) -> Double) in
            queue.coverage.reduce(0) { $0 + value($1) } * Double(queue.intervalSeconds) / 3600
        }
        let contacts = queues.reduce(0) { $0 + $1.forecast.reduce(0) { $0 + $1.volume } }
        let required = queues.reduce(0) { $0 + hours($1) { $0.required } }
        let short = queues.reduce(0) { $0 + hours($1) { $0.shortBy } }
        let shortIntervals = queues.reduce(0) { $0 + $1.coverage.filter { $0.shortBy > 0 }.count }
        let chosen = queues.compactMap { queue in queue.backtests.first(where: \.chosen).map { (queue.name, $0) } }
        lines.append(("contacts forecast", grouped(contacts)))
        for (name, model) in chosen {
            let values = model.folds.compactMap(\.wape)
            let mean = values.isEmpty ? "" : ", backtest WAPE \(percent(values.reduce(0, +) / Double(values.count)))"
            lines.append(("forecasting model" + (name.map { " (\($0))" } ?? ""), model.model + mean))
        }
        if let settings, let level = settings.serviceLevel {
            lines.append(("service target", "\(percent(level)) of contacts answered within \(grouped(settings.answerWithin)) s"))
        }
        lines.append(("peak agents required", grouped(queues.flatMap { $0.coverage.map(\.required) }.max() ?? 0)))
        lines.append(("agents with a shift", "\(agents.count) (\(agents.reduce(0) { $0 + $1.shiftStarts.count }) shifts)"))
        lines.append(("required agent-hours covered", required > 0 ? percent(1 - short / required) : "-"))
        lines.append(("short intervals", "\(shortIntervals) (\(grouped(short)) agent-hours short)"))
        var weighted = 0.0, weight = 0.0, below = 0, projected = 0
        for queue in queues {
            let volumes = Dictionary(queue.forecast.map { ($0.start, $0.volume) }, uniquingKeysWith: +)
            for point in queue.coverage {
                guard let level = point.serviceLevel else { continue }
                projected += 1
                weighted += level * (volumes[point.start] ?? 0)
                weight += volumes[point.start] ?? 0
                if let target = settings?.serviceLevel, level < target - 1e-9 { below += 1 }
            }
        }
        if weight > 0 {
            lines.append(("projected service level", percent(weighted / weight) + " of contacts forecast"
                + (settings?.serviceLevel == nil ? "" : "; \(below) of \(projected) intervals below target")))
        }
        return lines
    }

    private static func grouped(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 ? String(Int64(value.rounded())) : "-"
    }

    private static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.1f%%", fraction * 100) : "-"
    }
}
