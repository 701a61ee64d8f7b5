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

    /// Days of history shown before the forecast.
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
        let names = forecast.queues.map(\.name)
        let coverage = try CoverageFile.read(table: table("coverage.csv"), clock: clock, queues: names)
        let backtests = try files["backtest.csv"].map { _ in try BacktestFoldsFile.read(table: table("backtest.csv"), queues: names) } ?? []
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
                                                          lower: $0.bounds?.lower, upper: $0.bounds?.upper)
                             },
                             events: events(calendar, around: queue, clock: clock),
                             backtests: Self.models(backtests.filter { $0.queue == queue.name }),
                             coverage: coverage.filter { $0.queue == queue.name }.map {
                                 PlanReport.CoveragePoint(start: clock.civil(at: $0.start), required: $0.required, scheduled: $0.scheduled,
                                                          serviceLevel: $0.serviceLevel, cause: $0.cause)
                             })
        }
        let agents = try agents(queues: forecast.queues.map(\.name), clock: clock)
        return PlanReport(title: title(queues), serviceLevelTarget: settings?.serviceLevel, answerWithin: settings?.answerWithin,
                          queues: queues, agents: agents)
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
            return PlanReport.ModelBacktest(model: model, folds: rows.map { .init(number: $0.fold, origin: $0.origin, wape: $0.wape) },
                                            chosen: rows.contains(where: \.chosen))
        }
    }

    /// Every agent of the Schedule file (of each queue, named `queue/agent` when there are queues), with
    /// their activities and the start of each shift: a shift is a run of an agent's rows, in time order,
    /// each starting where the one before ended, of one date and shift name (a file without those columns
    /// is split at the gaps alone).
    private func agents(queues: [String?], clock: WallClock) throws -> [PlanReport.Agent] {
        let table = try table("schedule.csv")
        let queueColumn = try table.column("queue"), agentColumn = try table.requireColumn("agent")
        try table.forEachRow { _ = try $0.queue(queueColumn, among: queues, otherwise: agentColumn) }
        let named = queueColumn != nil
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
                var starts: [CivilDateTime] = []
                var previous: ScheduleFile.Row?
                for row in rows[agent]!.sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
                    let continues = previous.map {
                        $0.span.upperBound == row.span.lowerBound && $0.date == row.date && $0.shift == row.shift
                    } ?? false
                    if !continues { starts.append(clock.civil(at: row.span.lowerBound)) }
                    previous = row
                }
                return PlanReport.Agent(name: queue.map { "\($0)/\(agent)" } ?? agent, activities: activities, shiftStarts: starts)
            }
        }
    }
}
