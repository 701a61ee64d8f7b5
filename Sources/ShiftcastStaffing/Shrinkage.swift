import ShiftcastCore

/// Shrinkage: the share of paid time not available for contacts (breaks, training, meetings, absence).
///
/// SPEC section 4: `scheduled_agents = ceil(agents / (1 - shrinkage))`.
public enum Shrinkage {
    /// Agents to schedule so that `agents` remain productive after `shrinkage`.
    ///
    /// - Parameters:
    ///   - agents: productive agents needed; finite and not negative.
    ///   - shrinkage: in [0, 1). A shrinkage of 1 leaves nobody productive and is rejected.
    /// - Returns: the smallest whole number of agents `S` with `S * (1 - shrinkage) >= agents`, forgiving a
    ///   relative 1e-9 to rounding (14 / 0.7 = 20.000000000000004 gives 20, not 21).
    /// - Throws: `ShiftcastError(.badData)` for agents that are negative, not finite or beyond 10^15;
    ///   `.invalidArgument` for a shrinkage outside [0, 1).
    public static func scheduledAgents(for agents: Double, shrinkage: Double) throws -> Int {
        guard agents.isFinite, agents >= 0 else {
            throw ShiftcastError(.badData, "agents must be a finite number not below 0; got \(agents)")
        }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw ShiftcastError(.invalidArgument, "shrinkage must be at least 0 and below 100%; got \(shrinkage)")
        }
        let exact = agents / (1 - shrinkage)
        guard exact <= 1e15 else {
            throw ShiftcastError(.badData, "\(agents) agents at \(shrinkage * 100)% shrinkage is more than 10^15 agents to schedule")
        }
        let nearest = exact.rounded()
        if abs(exact - nearest) <= 1e-9 * max(1, nearest) { return Int(nearest) }
        return Int(exact.rounded(.up))
    }
}
