import ShiftcastCore
import ShiftcastCSV

/// A file of volumes per interval: the History file and the Forecast file of SPEC section 3 share these
/// columns (`timestamp` or `date`, `volume`, optional `aht` in seconds, optional `queue`; `lower`, `upper`
/// and other columns ignored), so one reader serves `forecast --history` and `staff --forecast`.
///
/// Each queue's rows must be in increasing time order with no timestamp twice; volumes and AHTs are
/// finite and not negative. Missing intervals are allowed: the queue's grid step is the greatest common
/// divisor of the gaps (``TimeGrid/inferStep(from:datesOnly:clock:)``) unless an interval is given.
public struct VolumeFile: Sendable {
    /// One interval of one queue.
    public struct Interval: Sendable, Equatable {
        public var start: Timestamp
        public var volume: Double
        /// Seconds; `nil` when the file has no `aht` column or the field is blank.
        public var averageHandleTime: Double?
        /// The physical line of the row, for messages.
        public var line: Int
        /// A Forecast file's prediction interval (`lower`, `upper`), when it has both columns.
        public var bounds: (lower: Double, upper: Double)? = nil

        public static func == (left: Interval, right: Interval) -> Bool {
            left.start == right.start && left.volume == right.volume && left.averageHandleTime == right.averageHandleTime
                && left.line == right.line && left.bounds?.lower == right.bounds?.lower && left.bounds?.upper == right.bounds?.upper
        }
    }

    /// The rows of one queue, in time order.
    public struct Queue: Sendable {
        /// The queue's name; `nil` when the file has no `queue` column.
        public var name: String?
        public var intervals: [Interval]
        /// The regular grid the intervals lie on, from the first interval to the last.
        public var grid: TimeGrid
    }

    /// The file's name, as given.
    public var name: String
    /// The queues in order of first appearance.
    public var queues: [Queue]
    /// Whether the time column holds dates (`2025-03-03`) rather than times.
    public var datesOnly: Bool
    /// Whether the file has an `aht` column.
    public var hasAverageHandleTime: Bool

    /// Reads and checks a volume file, or standard input for `-`.
    ///
    /// - Parameters:
    ///   - interval: the length of each interval; when `nil`, the spacing of the timestamps.
    /// - Throws: `ShiftcastError` located at the file, line and column of the first problem.
    /// - Complexity: O(rows).
    public static func read(path: String, clock: WallClock = .naive, interval: TimeSpan? = nil) throws -> VolumeFile {
        try VolumeFile(table: CSVTable.read(path: path), clock: clock, interval: interval)
    }

    public init(table: CSVTable, clock: WallClock = .naive, interval: TimeSpan? = nil) throws {
        name = table.name
        let time = try TimestampColumn(in: table, clock: clock)
        let volumeColumn = try table.requireColumn("volume")
        let ahtColumn = try table.column("aht")
        let queueColumn = try table.column("queue")
        let boundColumns = try table.column("lower").flatMap { lower in try table.column("upper").map { (lower, $0) } }
        hasAverageHandleTime = ahtColumn != nil

        var order: [String?] = []
        var rowsByQueue: [String?: [Interval]] = [:]
        var firstDatesOnly: Bool?
        for row in table.rows {
            let queue = queueColumn.map { row.text($0) }
            let previous = rowsByQueue[queue]?.last
            let (parsed, instant) = try time.read(row, after: previous?.start)
            if let expected = firstDatesOnly, expected != parsed.isDateOnly {
                throw row.error(time.index, "mixes dates and times in one file; write every \(time.name) as "
                    + (expected ? "a date" : "a date and time"))
            }
            firstDatesOnly = parsed.isDateOnly
            // The queue's rows so far are in order, so a repeated instant is found by bisection.
            if let previous, instant <= previous.start, let line = Self.line(of: instant, in: rowsByQueue[queue]!) {
                throw row.error(time.index, "\(clock.format(instant, dateOnly: parsed.isDateOnly)) appears twice"
                    + Self.queueSuffix(queue) + " (first on line \(line)); keep one row per interval")
            }
            if let previous, instant < previous.start {
                throw row.error(time.index, "\(clock.format(instant, dateOnly: parsed.isDateOnly)) comes after "
                    + "\(clock.format(previous.start, dateOnly: parsed.isDateOnly)) (line \(previous.line))"
                    + Self.queueSuffix(queue) + "; sort the rows by time")
            }
            let volume = try row.number(volumeColumn, in: 0...InputLimits.maximumVolume, expected: "a number of contacts")
            let averageHandleTime = try ahtColumn.flatMap {
                try row.optionalNumber($0, in: 0...InputLimits.maximumHandleTime, expected: "seconds of handle time")
            }
            let bounds = try boundColumns.flatMap { columns -> (lower: Double, upper: Double)? in
                let expected = "a number of contacts"
                guard let lower = try row.optionalNumber(columns.0, in: 0...InputLimits.maximumVolume, expected: expected),
                      let upper = try row.optionalNumber(columns.1, in: 0...InputLimits.maximumVolume, expected: expected) else { return nil }
                guard lower <= upper else { throw row.error(columns.1, "upper \(upper) is below lower \(lower)") }
                return (lower, upper)
            }
            if rowsByQueue[queue] == nil { order.append(queue) }
            rowsByQueue[queue, default: []].append(
                Interval(start: instant, volume: volume, averageHandleTime: averageHandleTime, line: row.line, bounds: bounds))
        }
        guard !order.isEmpty else {
            throw ShiftcastError(.badData, "has a header but no rows; expected one row per interval", file: table.name,
                                 line: table.headerLine)
        }
        datesOnly = firstDatesOnly ?? false
        let datesOnly = self.datesOnly
        var totalIntervals = 0
        queues = try order.map { queue in
            let intervals = rowsByQueue[queue]!
            let step: TimeGrid.Step
            if let interval {
                guard let seconds = Int(exactly: interval.seconds), seconds > 0 else {
                    throw ShiftcastError(.invalidArgument, "the interval length \(interval) is not a whole number of seconds above 0")
                }
                step = datesOnly && seconds % 86_400 == 0 ? .days(seconds / 86_400) : .seconds(seconds)
            } else if let inferred = TimeGrid.inferStep(from: intervals.map(\.start), datesOnly: datesOnly, clock: clock) {
                step = inferred
            } else {
                throw ShiftcastError(.badData, "has a single row" + Self.queueSuffix(queue)
                    + ", so the interval length cannot be read from the timestamps; give the interval length",
                    file: table.name, line: intervals[0].line)
            }
            let grid = try TimeGrid(start: intervals[0].start, step: step, count: 0, clock: clock)
            for interval in intervals where grid.position(of: interval.start) == nil {
                throw ShiftcastError(.badData, "\(clock.format(interval.start)) is not on the \(step) grid that starts at "
                    + "\(clock.format(intervals[0].start))" + Self.queueSuffix(queue), file: table.name, line: interval.line,
                    column: time.index + 1)
            }
            let count = (grid.position(of: intervals.last!.start) ?? 0) + 1
            if count > InputLimits.maximumHistoryIntervals {
                throw ShiftcastError(.badData, "the rows\(Self.queueSuffix(queue)) span \(count) intervals of \(step) from "
                    + "\(clock.format(intervals[0].start)) to \(clock.format(intervals.last!.start)); at most "
                    + "\(InputLimits.maximumHistoryIntervals) fit the memory of a run (Docs/Limits.md): check the dates, or give fewer years",
                    file: table.name, line: intervals.last!.line, column: time.index + 1)
            }
            totalIntervals += count
            if totalIntervals > InputLimits.maximumTotalHistoryIntervals {
                throw ShiftcastError(.badData, "the queues up to this one\(Self.queueSuffix(queue)) span \(totalIntervals) intervals in all; "
                    + "at most \(InputLimits.maximumTotalHistoryIntervals) fit the memory of a run (Docs/Limits.md): split the file by queue",
                    file: table.name, line: intervals.last!.line, column: time.index + 1)
            }
            return Queue(name: queue, intervals: intervals,
                         grid: try TimeGrid(start: intervals[0].start, step: step, count: count, clock: clock))
        }
    }

    /// The line of the interval starting at `instant` among `intervals`, which are in time order.
    private static func line(of instant: Timestamp, in intervals: [Interval]) -> Int? {
        var low = 0, high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].start < instant { low = middle + 1 } else { high = middle }
        }
        return low < intervals.count && intervals[low].start == instant ? intervals[low].line : nil
    }

    private static func queueSuffix(_ queue: String?) -> String {
        queue.map { " in queue '\($0)'" } ?? ""
    }
}
