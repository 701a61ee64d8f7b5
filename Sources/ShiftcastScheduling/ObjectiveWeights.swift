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
    /// Weights that are not finite or below 0 are refused by the search that uses them
    /// (``ShiftMixOptimizer/solve(families:curve:options:)`` throws), not here: the properties can be set
    /// at any time.
    public init(underWeight: Double = 1, overWeight: Double = 0, distinctShiftPenalty: Double = 0) {
        self.underWeight = underWeight
        self.overWeight = overWeight
        self.distinctShiftPenalty = distinctShiftPenalty
    }

    /// Why these weights cannot be used, or `nil`: each must be a finite number of at least 0.
    public var problem: String? {
        for (name, value) in [("under-staffing weight", underWeight), ("over-staffing weight", overWeight),
                              ("distinct-shift penalty", distinctShiftPenalty)] where !(value.isFinite && value >= 0) {
            return "the \(name) is \(value); expected a finite number of at least 0"
        }
        return nil
    }
}
