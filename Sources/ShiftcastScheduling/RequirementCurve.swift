import ShiftcastCore

/// Agents required per interval over the planning horizon: the `scheduled_agents` (or `required`)
/// column of a Requirements file on its regular grid of wall-clock time.
///
/// Requirements are finite and not negative; fractional values are valid (a shortfall of 0.3 agents
/// counts as 0.3). With `cyclic`, the horizon is a repeating pattern: its last interval is followed by
/// its first, so a shift that starts on the last night covers the first morning (SPEC: `--cyclic`).
public struct RequirementCurve: Sendable, Equatable {
    /// Start of the first interval, on naive wall-clock time.
    public var start: Timestamp
    /// Length of every interval, in seconds, above 0.
    public var slotSeconds: Int
    /// Agents required in each interval.
    public var required: [Double]
    /// Whether the horizon repeats (its end wraps to its start).
    public var cyclic: Bool

    public init(start: Timestamp, slotSeconds: Int, required: [Double], cyclic: Bool = false) {
        precondition(slotSeconds > 0, "RequirementCurve needs intervals longer than 0 seconds")
        self.start = start
        self.slotSeconds = slotSeconds
        self.required = required
        self.cyclic = cyclic
    }

    public var count: Int { required.count }

    /// The grid of the intervals.
    public var grid: TimeGrid { TimeGrid(start: start, step: .seconds(Int64(slotSeconds)), count: count) }

    /// The reason shift families cannot be laid on the curve's grid, or `nil` when they can: the
    /// intervals must divide a day and start on a multiple of their length after midnight, so that a
    /// time of day on the grid is on it every day.
    public var gridProblem: String? {
        let slot = TimeSpan(seconds: Double(slotSeconds))
        if 86_400 % slotSeconds != 0 { return "the intervals of \(slot) do not divide a day; expected 5m, 10m, 15m, 30m, 1h or another divisor of 24h" }
        let startOfDay = CivilDateTime(secondsSinceEpoch: start.secondsSinceEpoch).secondOfDay
        if startOfDay % slotSeconds != 0 {
            return "the first interval starts at \(CivilDateTime(secondsSinceEpoch: start.secondsSinceEpoch).formatted()), "
                + "off the \(slot) grid that starts at midnight"
        }
        return nil
    }

    /// The reason the curve cannot be planned as a repeating pattern, or `nil` when it can: a cyclic
    /// horizon must start at midnight and last a whole number of days, so that shifts repeat at the
    /// same time of day.
    public var cyclicProblem: String? {
        guard cyclic else { return nil }
        if CivilDateTime(secondsSinceEpoch: start.secondsSinceEpoch).secondOfDay != 0 {
            return "--cyclic needs requirements that start at midnight; they start at "
                + CivilDateTime(secondsSinceEpoch: start.secondsSinceEpoch).formatted()
        }
        if (count * slotSeconds) % 86_400 != 0 {
            return "--cyclic needs requirements covering whole days; they cover \(count) intervals of "
                + "\(TimeSpan(seconds: Double(slotSeconds)))"
        }
        return nil
    }
}
