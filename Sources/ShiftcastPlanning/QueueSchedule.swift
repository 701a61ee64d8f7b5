import ShiftcastCore
import ShiftcastScheduling

/// One queue's schedule: the shifts as a mix (coverage, objective, bound) and the agents who work them,
/// anonymous (`A0001`, ...) or named by an Agents file.
public struct QueueSchedule: Sendable {
    /// The queue's name; `nil` for requirements without queues.
    public var name: String?
    /// The schedule as a shift mix; its coverage and objective are those of the agents' shifts.
    public var result: ShiftMixResult
    /// Each agent's shifts with their breaks, agents in order (by number, or as in the Agents file).
    public var agentShifts: [(agent: String, shifts: [PlacedShift])]
    /// The named agents' schedule, when an Agents file was given.
    public var named: AgentScheduleResult?
    /// Contracts that no week of shifts can satisfy (located in the Agents file when they came from one): warnings,
    /// since their agents are scheduled as far as the rules allow (Docs/Scheduling.md).
    public var contractWarnings: [ShiftcastError] = []

    /// Anonymous agents, from a mix (`AnonymousRoster`).
    public init(name: String?, result: ShiftMixResult) {
        self.name = name
        self.result = result
        agentShifts = Self.agentShifts(of: AnonymousRoster.assign(result))
    }

    /// Named agents.
    public init(name: String?, named: AgentScheduleResult) {
        self.name = name
        result = named.schedule
        agentShifts = Self.agentShifts(of: named)
        self.named = named
    }

    /// Agents with at least one shift.
    public var agentCount: Int { agentShifts.filter { !$0.shifts.isEmpty }.count }

    /// The lines of the `schedule` summary for this queue, with at most `lines` short intervals listed.
    public func summary(lines: Int = 20) -> String {
        named?.summary(lines: lines) ?? result.summary(agents: agentCount, shortfallLines: lines)
    }

    /// The intervals left short of the requirement, first to last (`ShiftMixResult.shortfalls`): the slot,
    /// the agents short and the cause in words; with named agents, their cause (`nil` past the intervals
    /// whose cause was worked out: `AgentScheduleResult.shortfalls`).
    /// - Complexity: O(intervals + candidates' covered slots).
    public var shortIntervals: [(slot: Int, agents: Double, cause: String?)] {
        var named: [Int: String]?
        if let causes = self.named?.shortfalls {
            named = Dictionary(causes.map { ($0.slot, $0.cause.description) }, uniquingKeysWith: { first, _ in first })
        }
        return result.shortfalls.map { shortfall in
            (shortfall.slot, shortfall.agents, named == nil ? shortfall.cause.rawValue : named?[shortfall.slot])
        }
    }

    public static func agentShifts(of assignments: [AnonymousRoster.Assignment]) -> [(agent: String, shifts: [PlacedShift])] {
        var byAgent: [Int: [PlacedShift]] = [:]
        for assignment in assignments {
            byAgent[assignment.agent, default: []].append(PlacedShift(candidate: assignment.candidate, breaks: assignment.breaks))
        }
        return byAgent.keys.sorted().map { (AnonymousRoster.agentName($0), byAgent[$0]!) }
    }

    public static func agentShifts(of named: AgentScheduleResult) -> [(agent: String, shifts: [PlacedShift])] {
        zip(named.contracts, named.assignments).map { ($0.agent, $1) }
    }
}
