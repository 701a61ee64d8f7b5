/// A regular sequence of intervals: a start, a step, a count, on a wall clock.
///
/// Every interval starts at `timestamp(at:)` and lasts until the next one. A grid of whole days steps
/// in calendar days, so under a time zone a daylight-saving day is 23 or 25 hours long; every other step
/// is a fixed number of seconds, so such a day has 92 or 100 fifteen-minute intervals.
public struct TimeGrid: Sendable, Equatable {
    /// The spacing between consecutive intervals.
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        /// A fixed number of seconds (minutes, hours).
        case seconds(Int)
        /// A number of calendar days.
        case days(Int)

        /// The nominal length in seconds (a calendar day counts 86 400).
        public var nominalSeconds: Int {
            switch self {
            case .seconds(let seconds): return seconds
            case .days(let days): return days * 86_400
            }
        }

        public var description: String { TimeSpan.spelling(seconds: Double(nominalSeconds)) }
    }

    public let start: Timestamp
    public let step: Step
    public let count: Int
    public let clock: WallClock

    /// - Throws: `ShiftcastError(.invalidArgument)` for a step that is not above 0 or a count below 0.
    public init(start: Timestamp, step: Step, count: Int, clock: WallClock = .naive) throws {
        guard step.nominalSeconds > 0, count >= 0 else {
            throw ShiftcastError(.invalidArgument, "a grid of intervals needs a step above 0 and a count of at least 0; got \(step.nominalSeconds) s and \(count)")
        }
        self.init(start: start, validStep: step, count: count, clock: clock)
    }

    /// A grid whose step the caller has already checked to be above 0 and whose count is at least 0.
    package init(start: Timestamp, validStep step: Step, count: Int, clock: WallClock = .naive) {
        self.start = start
        self.step = step
        self.count = count
        self.clock = clock
    }

    /// The start of interval `index` (any integer: before 0 and past `count` extend the grid).
    public func timestamp(at index: Int) -> Timestamp {
        switch step {
        case .seconds(let seconds): return start.adding(seconds: Int64(seconds) * Int64(index))
        case .days(let days): return clock.adding(days: days * index, to: start)
        }
    }

    /// The grid's intervals grouped by the calendar date they start on (on its clock), with that date:
    /// the days of a horizon, for figures per day.
    public var days: [(date: String, range: Range<Int>)] {
        clock.days(of: (0..<count).map(timestamp(at:)))
    }

    /// The length of interval `index` in seconds.
    public func length(at index: Int) -> Int {
        switch step {
        case .seconds(let seconds): return seconds
        case .days: return Int(timestamp(at: index).seconds(to: timestamp(at: index + 1)))
        }
    }

    /// The position of the interval starting exactly at `instant`, if `instant` lies on the grid's
    /// steps (inside or outside `0..<count`); `nil` when it falls between two steps.
    public func position(of instant: Timestamp) -> Int? {
        switch step {
        case .seconds(let seconds):
            let offset = start.seconds(to: instant)
            guard offset % Int64(seconds) == 0 else { return nil }
            return Int(offset / Int64(seconds))
        case .days(let days):
            let startCivil = clock.civil(at: start)
            let civil = clock.civil(at: instant)
            let dayOffset = civil.daysSinceEpoch - startCivil.daysSinceEpoch
            guard dayOffset % Int64(days) == 0 else { return nil }
            let index = Int(dayOffset / Int64(days))
            return timestamp(at: index) == instant ? index : nil
        }
    }

    /// Whether a whole number of intervals makes one day (24 hours of wall-clock time).
    public var dividesDay: Bool {
        switch step {
        case .seconds(let seconds): return 86_400 % seconds == 0
        case .days(let days): return days == 1
        }
    }

    /// The step of a series from its sorted, distinct instants: the greatest common divisor of the
    /// gaps between them, so a series with missing intervals still shows its true spacing. For a
    /// series of dates, the step is counted in calendar days.
    /// - Returns: `nil` when there are fewer than two instants.
    /// - Complexity: O(n).
    public static func inferStep(from instants: [Timestamp], datesOnly: Bool, clock: WallClock = .naive) -> Step? {
        guard instants.count >= 2 else { return nil }
        if datesOnly {
            var divisor: Int64 = 0
            var previousDay = clock.civil(at: instants[0]).daysSinceEpoch
            for instant in instants.dropFirst() {
                let day = clock.civil(at: instant).daysSinceEpoch
                divisor = greatestCommonDivisor(divisor, day - previousDay)
                previousDay = day
            }
            return divisor > 0 ? .days(Int(divisor)) : nil
        }
        var divisor: Int64 = 0
        for (earlier, later) in zip(instants, instants.dropFirst()) {
            divisor = greatestCommonDivisor(divisor, earlier.seconds(to: later))
        }
        guard divisor > 0 else { return nil }
        if divisor % 86_400 == 0, clock.timeZone == nil { return .days(Int(divisor / 86_400)) }
        return .seconds(Int(divisor))
    }
}

/// Euclid's algorithm on magnitudes.
func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
