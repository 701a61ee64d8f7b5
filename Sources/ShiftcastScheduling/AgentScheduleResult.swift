import ShiftcastCore

/// A schedule of named agents, with the quality figures and the explanations of the `schedule` summary.
public struct AgentScheduleResult: Sendable {
    /// An agent left below their minimum weekly hours, and why.
    public struct BelowMinimum: Sendable, Equatable {
        /// Index of the agent in `contracts`.
        public var agent: Int
        /// Week of the horizon (0 for the first seven days).
        public var week: Int
        /// Paid seconds the agent works that week, below their `minimumWeekSeconds`.
        public var paidSeconds: Int
        /// The rule that kept every further shift (or longer shift) from them.
        public var cause: AgentRule?
    }

    /// An interval short of its requirement, by how many agents, and why.
    public struct Shortfall: Sendable, Equatable {
        public var slot: Int
        public var agents: Double
        /// Why: no shift reaches it, or the agents who could cover it are all held back by a rule
        /// (`blocked`, agents per rule, most first), or an agent could still cover it (`free`).
        public var cause: Cause
    }

    public enum Cause: Sendable, Equatable {
        case noShiftReachesIt
        /// No agent can be added: `working` agents already work the interval (or are on a break in it), and
        /// every other agent is held back from every shift covering it; per rule, how many agents it holds back
        /// (each agent counted under the rule that blocks most of those shifts for them).
        case tooFewAgents(working: Int, blocked: [(rule: AgentRule, agents: Int)])
        /// Some agent could still take a shift covering it: the search stopped, or it would cost more than the shortfall.
        case notWorthCoveringOrSearchStopped(proven: Bool)

        public static func == (lhs: Cause, rhs: Cause) -> Bool {
            switch (lhs, rhs) {
            case (.noShiftReachesIt, .noShiftReachesIt): return true
            case let (.tooFewAgents(w, a), .tooFewAgents(v, b)): return w == v && a.map(\.rule) == b.map(\.rule) && a.map(\.agents) == b.map(\.agents)
            case let (.notWorthCoveringOrSearchStopped(a), .notWorthCoveringOrSearchStopped(b)): return a == b
            default: return false
            }
        }
    }

    /// The schedule as a shift mix: counts per candidate, coverage after breaks, objective, lower bound
    /// (the shift-mix program's, with the agents' capacity rows: valid for named agents), seconds.
    public var schedule: ShiftMixResult
    public var contracts: [AgentContract]
    /// Each agent's shifts with their breaks, in order of start (aligned with `contracts`).
    public var assignments: [[PlacedShift]]
    public var belowMinimum: [BelowMinimum]
    /// The intervals left short, with their cause: the first 20, then as many as the time limit leaves
    /// room for, up to 2 000 (`AgentScheduler.solve`'s `explainedShortfalls`).
    public var shortfalls: [Shortfall]
    /// How many intervals are short in all.
    public var shortIntervalCount: Int
    /// Shifts of the mix that no agent could take.
    public var droppedMixShifts: Int
    /// The mix program's objective before agents were assigned.
    public var mixObjective: Double
    /// Moves the local search tried and kept.
    public var movesTried: Int
    public var movesKept: Int

    /// Agents with at least one shift.
    public var agentsUsed: Int { assignments.filter { !$0.isEmpty }.count }
}
