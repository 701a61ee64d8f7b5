import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

extension QueueScheduler {
    /// Schedules every queue with the families of a Shifts file, the rules of a Breaks file and the
    /// contracts of an Agents file (``QueueScheduler/schedule(_:rules:options:locate:progress:)``), each
    /// problem located at its file, line and column.
    public static func schedule(_ queues: [RequirementQueue], shifts: ShiftsFile, breaks: BreaksFile?,
                                agents: AgentsFile? = nil, options: ShiftMixOptimizer.Options,
                                progress: (@Sendable (_ queue: String?, _ phase: String) -> Void)? = nil) throws -> [QueueSchedule] {
        let rules = ScheduleRules(families: shifts.families, breaks: breaks?.rules ?? [], contracts: agents?.contracts)
        return try schedule(queues, rules: rules, options: options, locate: { locate($0, shifts: shifts, breaks: breaks, agents: agents) },
                            progress: progress)
    }

    /// A problem with the schedule rules, at its place in the file it came from.
    static func locate(_ problem: InputProblem, shifts: ShiftsFile, breaks: BreaksFile?, agents: AgentsFile?) -> ShiftcastError {
        switch problem.input {
        case .shifts: shifts.locate(problem)
        case .breaks: breaks?.locate(problem) ?? shifts.locate(problem)
        case .agents: agents?.locate(problem) ?? problem.unlocated
        case .forecast, .requirements, .schedule: problem.unlocated
        }
    }
}
