import ShiftcastCore

/// One concrete shift the optimizer may staff: a family's shift starting at a given interval of the
/// horizon with a given length. Its coverage is the run of intervals from `startSlot`, `lengthSlots`
/// long; on a cyclic horizon the run wraps past the end to the start, otherwise it is cut at the end
/// (the agent is still paid for the whole shift).
public struct ShiftCandidate: Hashable, Sendable {
    /// Index of the family in the list the candidate was built from.
    public var family: Int
    /// Interval of the horizon in which the shift starts.
    public var startSlot: Int
    /// Length in intervals.
    public var lengthSlots: Int
    /// Start as the wall clock shows it.
    public var start: CivilDateTime
    /// Length in seconds.
    public var length: Int
    /// Cost of one agent on this shift: the family's cost per hour times the paid hours.
    public var cost: Double

    public init(family: Int, startSlot: Int, lengthSlots: Int, start: CivilDateTime, length: Int, cost: Double) {
        self.family = family
        self.startSlot = startSlot
        self.lengthSlots = lengthSlots
        self.start = start
        self.length = length
        self.cost = cost
    }

    /// The distinct-shift key of SPEC's objective: start time of day and length.
    public var pattern: ShiftPattern { ShiftPattern(startTimeOfDay: start.secondOfDay, length: length) }

    /// The horizon's intervals this shift covers, in order: at most `lengthSlots` of them.
    /// - Complexity: O(lengthSlots).
    public func coveredSlots(horizonCount: Int, cyclic: Bool) -> [Int] {
        if cyclic { return (0..<min(lengthSlots, horizonCount)).map { (startSlot + $0) % horizonCount } }
        return Array(startSlot..<min(startSlot + lengthSlots, horizonCount))
    }
}

/// A shift as the distinct-shift penalty counts it: a start time of day and a length, whatever the day.
public struct ShiftPattern: Hashable, Sendable, Comparable {
    /// Seconds since midnight.
    public var startTimeOfDay: Int
    /// Seconds.
    public var length: Int

    public static func < (lhs: ShiftPattern, rhs: ShiftPattern) -> Bool {
        (lhs.startTimeOfDay, lhs.length) < (rhs.startTimeOfDay, rhs.length)
    }
}
