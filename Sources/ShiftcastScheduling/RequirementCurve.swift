import ShiftcastCore

/// Agents required per interval over the planning horizon: the `scheduled_agents` (or `required`)
/// column of a Requirements file on its regular grid of time.
///
/// The grid is regular in elapsed time; `clock` says what the wall clock shows at each interval. On naive
/// time every day has `86 400 / slotSeconds` intervals; under a time zone a daylight-saving day has an
/// hour more or less (a 25-hour autumn day of 100 quarter-hours), and shift families, whose start times
/// are wall-clock times, start at the instants the clock shows those times.
///
/// Requirements are finite and not negative; fractional values are valid (a shortfall of 0.3 agents
/// counts as 0.3). With `cyclic`, the horizon is a repeating pattern: its last interval is followed by
/// its first, so a shift that starts on the last night covers the first morning (SPEC: `--cyclic`).
public struct RequirementCurve: Sendable, Equatable {
    /// Start of the first interval: an instant on `clock`.
    public var start: Timestamp
    /// Length of every interval, in seconds, above 0.
    public var slotSeconds: Int
    /// Agents required in each interval.
    public var required: [Double]
    /// Whether the horizon repeats (its end wraps to its start).
    public var cyclic: Bool
    /// The clock the times of day are read on: naive, or an IANA zone (`--timezone`).
    public var clock: WallClock

    /// - Throws: `.invalidArgument` for intervals of 0 seconds or less, or a requirement that is not a
    ///   finite number of at least 0.
    public init(start: Timestamp, slotSeconds: Int, required: [Double], cyclic: Bool = false, clock: WallClock = .naive) throws {
        guard slotSeconds > 0 else {
            throw ShiftcastError(.invalidArgument, "requirement intervals must be longer than 0 seconds; got \(slotSeconds)")
        }
        if let bad = required.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw ShiftcastError(.invalidArgument, "requirement \(bad) is \(required[bad]); expected a finite number of agents, at least 0")
        }
        self.start = start
        self.slotSeconds = slotSeconds
        self.required = required
        self.cyclic = cyclic
        self.clock = clock
    }

    public var count: Int { required.count }

    /// The instant `seconds` after the start of the horizon (any number, also past its end).
    public func instant(secondsFromStart seconds: Int) -> Timestamp { start.adding(seconds: Int64(seconds)) }

    /// What the wall clock shows `seconds` after the start of the horizon.
    public func civil(secondsFromStart seconds: Int) -> CivilDateTime { clock.civil(at: instant(secondsFromStart: seconds)) }

    /// The instant as the files write it: wall-clock time, with its UTC offset under a zone.
    public func formatted(secondsFromStart seconds: Int) -> String { clock.format(instant(secondsFromStart: seconds)) }

    /// The grid of the intervals.
    public var grid: TimeGrid { TimeGrid(start: start, validStep: .seconds(slotSeconds), count: count) }

    /// The reason shift families cannot be laid on the curve's grid, or `nil` when they can: the
    /// intervals must divide a day and start on a multiple of their length after midnight, so that a
    /// time of day on the grid is on it every day.
    public var gridProblem: String? {
        let slot = TimeSpan.spelling(seconds: Double(slotSeconds))
        if 86_400 % slotSeconds != 0 { return "the intervals of \(slot) do not divide a day; expected 5m, 10m, 15m, 30m, 1h or another divisor of 24h" }
        let startOfDay = clock.civil(at: start).secondOfDay
        if startOfDay % slotSeconds != 0 {
            return "the first interval starts at \(clock.civil(at: start).formatted()), "
                + "off the \(slot) grid that starts at midnight"
        }
        // Under a zone whose clocks move by a part of an interval (30 minutes on an hourly grid), times of
        // day after the change are off the grid.
        let end = instant(secondsFromStart: count * slotSeconds)
        if clock.utcOffset(at: start) % slotSeconds != clock.utcOffset(at: end) % slotSeconds {
            return "the clocks of \(clock) change by a part of the \(slot) interval within the horizon, so times of day leave the grid"
        }
        return nil
    }

    /// The reason the curve cannot be planned as a repeating pattern, or `nil` when it can: a cyclic
    /// horizon must start at midnight and last a whole number of days, so that shifts repeat at the
    /// same time of day.
    public var cyclicProblem: String? {
        guard cyclic else { return nil }
        if clock.civil(at: start).secondOfDay != 0 {
            return "a repeating week needs requirements that start at midnight; they start at "
                + clock.civil(at: start).formatted()
        }
        if let change = (0..<count).first(where: { clock.utcOffset(at: instant(secondsFromStart: $0 * slotSeconds)) != clock.utcOffset(at: start) }) {
            return "a repeating week needs a period that repeats, but the clocks of \(clock) change for daylight saving at "
                + formatted(secondsFromStart: change * slotSeconds) + "; plan that week as one that does not repeat"
        }
        if (count * slotSeconds) % 86_400 != 0 {
            return "a repeating week needs requirements covering whole days; they cover \(count) intervals of "
                + "\(TimeSpan.spelling(seconds: Double(slotSeconds)))"
        }
        return nil
    }
}
