/// The weights of the scheduling objective (SPEC section 3, "Objective"):
/// `underWeight` per agent-minute short of the requirement, `overWeight` per agent-minute above it,
/// each family's `cost_per_hour` per paid agent-hour, and `distinctShiftPenalty` per distinct shift
/// (start time of day, length) used anywhere in the horizon.
public struct ObjectiveWeights: Sendable, Equatable {
    public var underWeight: Double
    public var overWeight: Double
    public var distinctShiftPenalty: Double

    /// Defaults: a missing agent-minute costs 1, a surplus one 0 (the agent is paid anyway), no penalty
    /// for distinct shifts. With a family's default cost of 1 per hour (1/60 per minute), covering an
    /// interval always beats leaving it short.
    public init(underWeight: Double = 1, overWeight: Double = 0, distinctShiftPenalty: Double = 0) {
        precondition([underWeight, overWeight, distinctShiftPenalty].allSatisfy { $0.isFinite && $0 >= 0 },
                      "objective weights must be finite and not negative")
        self.underWeight = underWeight
        self.overWeight = overWeight
        self.distinctShiftPenalty = distinctShiftPenalty
    }
}
