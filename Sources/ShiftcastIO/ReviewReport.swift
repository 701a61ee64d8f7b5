import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastStaffing

/// `shiftcast review`: a plan folder judged against what actually arrived (``PlanReview``), its file and
/// its summary.
public struct ReviewReport: Sendable {
    public let review: PlanReview
    public let clock: WallClock
    /// Hours the plan's schedule pays in its horizon (every row of its Schedule file).
    public let paidHours: Double

    /// Reads the plan in `folder` (`forecast.csv`, `requirements.csv`, `schedule.csv`, `plan.json`) and
    /// replays `actuals` against its schedule.
    /// - Throws: `ShiftcastError` located in the file at fault; `.badData` when the actuals miss an
    ///   interval of the plan's horizon.
    public init(folder: String, actuals: VolumeFile, clock: WallClock, replications: Int, seed: UInt64) throws {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let settings = try PlanSettings.read(folder: folder)
        let policy = try settings.policy(file: path("plan.json"))
        let forecastFile = try VolumeFile.read(path: path("forecast.csv"), clock: clock)
        guard forecastFile.queues.count == 1, let planned = forecastFile.queues.first else {
            throw ShiftcastError(.badData, "has \(forecastFile.queues.count) queues; review takes a plan of one queue", file: forecastFile.name)
        }
        let curve = try RequirementsReader.readQueues(path: path("requirements.csv"), cyclic: settings.cyclic, clock: clock)
            .first { $0.name == planned.name }?.curve
        let work = try ScheduleFile.readWork(path: path("schedule.csv"), clock: clock, queue: planned.name)
        let arrived = try Self.actuals(for: planned, from: actuals)
        let forecast = planned.forecastIntervals
        let required = planned.intervals.map { interval in
            curve.flatMap { curve in curve.grid.position(of: interval.start).map { Int(curve.required[$0]) } } ?? 0
        }
        do {
            review = try PlanReview(forecast: forecast, required: required, actuals: arrived, work: work.agents, policy: policy,
                                    cyclic: settings.cyclic, replications: replications, seed: seed)
        } catch let problem as InputProblem {
            if problem.input == .schedule, let agent = problem.item {
                throw problem.located(file: work.name, lines: [work.lines[agent].first ?? 0])
            }
            throw problem.located(file: forecastFile.name, lines: planned.intervals.map(\.line))
        }
        self.clock = clock
        paidHours = work.paidHours(from: planned.grid.start, to: planned.grid.timestamp(at: planned.grid.count), unpaid: [])
    }

    /// The actual interval for each interval of the plan, from the actuals' queue of the same name.
    private static func actuals(for planned: VolumeFile.Queue, from file: VolumeFile) throws -> [ForecastIntervals.Interval] {
        guard let queue = file.queues.first(where: { $0.name == planned.name }) ?? (file.queues.count == 1 ? file.queues.first : nil) else {
            throw ShiftcastError(.badData, "has no queue '\(planned.name ?? "")', the plan's", file: file.name)
        }
        var byStart: [Timestamp: VolumeFile.Interval] = [:]
        for interval in queue.intervals { byStart[interval.start] = interval }
        return try planned.intervals.map { interval in
            guard let actual = byStart[interval.start] else {
                throw ShiftcastError(.badData, "has no row for \(planned.grid.clock.format(interval.start)), an interval of the plan's "
                    + "horizon; give the actual contacts of every interval the plan covers (0 for none)", file: file.name)
            }
            return actual.forecastInterval
        }
    }

    /// One row per interval: `timestamp`, `forecast`, `actual`, `required`, `required_actual`, `at_work`,
    /// `service_level` with its `_low` and `_high` bounds, and `cause` where it fell below target.
    public func csvBytes() -> [UInt8] {
        var writer = CSVWriter(header: ["timestamp", "forecast", "actual", "required", "required_actual", "at_work", "service_level",
                                        "service_level_low", "service_level_high", "cause"], capacity: review.intervals.count * 96)
        for interval in review.intervals {
            writer.append(field: clock.format(interval.start))
            writer.append(field: interval.forecast, decimals: 3)
            writer.append(field: interval.actual, decimals: 3)
            writer.append(field: interval.required)
            writer.append(field: interval.requiredForActual)
            writer.append(field: interval.atWork, decimals: 3)
            for value in [interval.serviceLevel.mean, interval.serviceLevel.low, interval.serviceLevel.high] {
                writer.append(field: value, decimals: 6)
            }
            writer.append(field: interval.cause?.rawValue ?? "")
            writer.endRow()
        }
        return writer.bytes
    }

    /// For standard error: the horizon, where service was lost and why, then each day.
    public var summary: String {
        let total = review.total
        let percent = ErlangReport.percent
        var lines = ["review: delivered service level \(percent(total.serviceLevel.mean)) within \(TimeSpan.spelling(seconds: review.answerWithin))"
            + " (95% interval \(percent(total.serviceLevel.low)) to \(percent(total.serviceLevel.high)))"
            + (review.target.map { " against a target of \(percent($0))" } ?? "")
            + "; forecast WAPE \(percent(total.weightedAbsolutePercentageError)), bias \(percent(total.bias)); paid hours \(ErlangReport.fixed(paidHours, 1))"]
        let short = total.causes.values.reduce(0, +)
        if review.target != nil {
            lines.append("  \(short) of \(review.intervals.count) intervals below target: "
                + "\(total.causes[.forecast] ?? 0) by the forecast (the contacts that came needed more agents than planned), "
                + "\(total.causes[.schedule] ?? 0) by the schedule (fewer agents at work than the plan required), "
                + "\(total.causes[.variability] ?? 0) by variability (enough agents on paper; the queue carried over, breaks or chance)")
        }
        for (date, day) in review.days {
            let causes = Cause.allCases.compactMap { cause in day.causes[cause].map { "\($0) by \(Self.phrase(cause))" } }
            lines.append("  \(date): service level \(percent(day.serviceLevel.mean)), forecast \(ErlangReport.fixed(day.forecast, 0)) "
                + "against \(ErlangReport.fixed(day.actual, 0)) arrived (WAPE \(percent(day.weightedAbsolutePercentageError)), "
                + "bias \(percent(day.bias)))" + (causes.isEmpty ? "" : "; below target: " + causes.joined(separator: ", ")))
        }
        return lines.joined(separator: "\n")
    }

    private typealias Cause = PlanReview.Cause

    private static func phrase(_ cause: Cause) -> String {
        switch cause {
        case .forecast: "the forecast"
        case .schedule: "the schedule"
        case .variability: "variability"
        }
    }
}
