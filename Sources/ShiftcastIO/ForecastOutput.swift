import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastForecasting

/// The forecasts of every queue of a History file, and the Forecast file they make (SPEC section 3:
/// `[queue,] timestamp|date, volume, lower, upper[, aht]`).
///
/// Queues are forecast independently and in parallel over the cores; the result does not depend on
/// the order they finish in.
public struct ForecastOutput: Sendable {
    public struct QueueResult: Sendable {
        /// The queue's name; `nil` when the history has no `queue` column.
        public var name: String?
        public var history: HistorySeries
        public var forecast: QueueForecast
    }

    public var queues: [QueueResult]
    public var datesOnly: Bool

    /// Forecasts every queue of `history` with `request` (``Planner/forecast(_:calendar:request:progress:)``).
    /// - Parameter progress: called as each queue is done with (queues done, queues), from any thread.
    /// - Throws: the first queue's error (in file order), located in the history file.
    /// - Complexity: queues x one queue's forecast, over the cores.
    public init(history: VolumeFile, calendar: EventCalendar = EventCalendar(), request: ForecastRequest,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws {
        let histories = try history.queueHistories()
        try self.init(histories, forecasts: Planner.forecast(histories, calendar: calendar, request: request, progress: progress),
                      file: history.name)
    }

    /// The output of forecasts made in memory.
    /// - Parameter forecasts: the forecasts, or the error forecasting threw; a bad-data error is located
    ///   in `file`, the history file.
    public init(_ histories: [QueueHistory], forecasts: @autoclosure () throws -> [QueueForecast], file: String) throws {
        let made: [QueueForecast]
        do {
            made = try forecasts()
        } catch let error as ShiftcastError where error.code == .badData && error.file == nil {
            throw error.located(file: file)
        }
        queues = zip(histories, made).map { QueueResult(name: $0.name, history: $0.history, forecast: $1) }
        datesOnly = histories.first?.datesOnly ?? false
    }

    /// Warnings of every queue, once each.
    public var warnings: [String] {
        var seen: [String] = []
        for queue in queues { for warning in queue.forecast.warnings where !seen.contains(warning) { seen.append(warning) } }
        return seen
    }

    /// One line per queue with outlier days: which days were kept out of the fits.
    public var outlierNotes: [String] {
        queues.compactMap { queue in
            let days = queue.forecast.outlierDays
            guard !days.isEmpty else { return nil }
            let shown = days.prefix(10).map { $0.formatted(dateOnly: true) }.joined(separator: ", ")
            return "kept \(days.count) outlier day\(days.count == 1 ? "" : "s") out of the fits"
                + (queue.name.map { " in queue '\($0)'" } ?? "") + ": " + shown + (days.count > 10 ? ", ..." : "")
                + " (add them to the events file to have them modelled instead)"
        }
    }

    /// Queues beyond which the notes per event kind are not printed (they would be queues x kinds lines).
    public static let eventNoteQueueLimit = 10

    /// One line per queue and event kind: occurrences seen, the evidence, the effect applied or why not
    /// (``EventEvidence``). With more than ``eventNoteQueueLimit`` queues, one line saying they are left out.
    public var eventNotes: [String] {
        let kinds = queues.first?.forecast.eventEvidence.count ?? 0
        guard kinds > 0 else { return [] }
        guard queues.count <= Self.eventNoteQueueLimit else {
            return ["the evidence for each of \(kinds) event kinds is noted for up to \(Self.eventNoteQueueLimit) queues; "
                + "this history has \(queues.count) (forecast one queue to see its notes)"]
        }
        return queues.flatMap { queue in
            queue.forecast.eventEvidence.map { $0.summary + (queue.name.map { " (queue '\($0)')" } ?? "") }
        }
    }

    /// The Forecast file. Volumes and bounds to 3 decimals, AHT to 1. A wall-clock time that does not
    /// exist on the clock (the spring-forward gap) has no row; one that happens twice (the repeated
    /// autumn hour) has two, each with the forecast of that time of day, told apart by their offsets.
    /// - Complexity: O(intervals).
    public func csvBytes() -> [UInt8] {
        let hasQueues = queues.first?.name != nil
        let hasAverageHandleTime = queues.contains { $0.forecast.averageHandleTime != nil }
        var header = [datesOnly ? "date" : "timestamp", "volume", "lower", "upper"]
        if hasAverageHandleTime { header.append("aht") }
        if hasQueues { header.insert("queue", at: 0) }
        var writer = CSVWriter(header: header, capacity: queues.reduce(0) { $0 + $1.forecast.volume.count } * 64)
        for queue in queues {
            let forecast = queue.forecast
            for offset in forecast.volume.indices {
                let position = forecast.origin + offset
                // A day is written by its date; an interval once per instant it happens at.
                let stamps = datesOnly ? [queue.history.civil(at: position).formatted(dateOnly: true)]
                    : queue.history.instants(at: position).map { queue.history.clock.format($0) }
                for stamp in stamps {
                    if hasQueues { writer.append(field: queue.name ?? "") }
                    writer.append(field: stamp)
                    writer.append(field: forecast.volume[offset], decimals: ForecastIntervals.volumeDecimals)
                    writer.append(field: forecast.lower[offset], decimals: 3)
                    writer.append(field: forecast.upper[offset], decimals: 3)
                    if hasAverageHandleTime { writer.append(field: forecast.averageHandleTime?[offset] ?? 0, decimals: ForecastIntervals.averageHandleTimeDecimals) }
                    writer.endRow()
                }
            }
        }
        return writer.bytes
    }
}
