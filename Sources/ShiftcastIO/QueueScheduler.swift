import ShiftcastCore
import ShiftcastScheduling

/// One queue's schedule: the optimizer's result and the shifts handed to agents.
public struct QueueSchedule: Sendable {
    /// The queue's name; `nil` when the Requirements file has no `queue` column.
    public var name: String?
    public var result: ShiftMixResult
    public var roster: [AnonymousRoster.Assignment]

    /// Agents with at least one shift.
    public var agentCount: Int { Set(roster.map(\.agent)).count }
}

/// Schedules every queue of a Requirements file in turn with the same shift families and options (SPEC
/// section 2: a `queue` column splits the work per queue).
///
/// The time limit bounds the whole run: each queue gets an equal share of the time still left when its
/// turn comes, so a queue that finishes early leaves its time to the ones after it. Queues are solved one
/// after another because CBC runs one solve at a time in a process (`LinearProgram`).
public enum QueueScheduler {
    /// Schedules every queue with the families of a Shifts file and the rules of a Breaks file, once
    /// every queue's grid is known to hold them.
    /// - Throws: `ShiftcastError` located in the Shifts or Breaks file when a queue's grid cannot hold
    ///   them; what the search throws.
    public static func schedule(_ queues: [RequirementsReader.Queue], shifts: ShiftsFile, breaks: BreaksFile?,
                                options: ShiftMixOptimizer.Options,
                                progress: (@Sendable (_ queue: String?, _ phase: String) -> Void)? = nil) throws -> [QueueSchedule] {
        var families: [ShiftFamily] = [], options = options
        for queue in queues {
            families = try shifts.families(fitting: queue.curve)
            options.breaks = try breaks?.rules(fitting: families, slotSeconds: queue.curve.slotSeconds) ?? []
        }
        return try schedule(queues, families: families, options: options, progress: progress)
    }

    /// - Parameter progress: told which queue is being scheduled and what its search is doing.
    /// - Throws: what ``ShiftMixOptimizer/solve(families:curve:options:)`` throws.
    public static func schedule(_ queues: [RequirementsReader.Queue], families: [ShiftFamily],
                                options: ShiftMixOptimizer.Options,
                                progress: (@Sendable (_ queue: String?, _ phase: String) -> Void)? = nil) throws -> [QueueSchedule] {
        let clock = ContinuousClock()
        let began = clock.now
        var schedules: [QueueSchedule] = []
        for (index, queue) in queues.enumerated() {
            let elapsed = began.duration(to: clock.now).components
            let left = options.timeLimit - (Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
            var queueOptions = options
            queueOptions.timeLimit = max(left / Double(queues.count - index), 0.05)
            if let progress {
                let name = queue.name
                queueOptions.progress = { phase in progress(name, phase) }
            }
            let result = try ShiftMixOptimizer.solve(families: families, curve: queue.curve, options: queueOptions)
            schedules.append(QueueSchedule(name: queue.name, result: result, roster: AnonymousRoster.assign(result)))
        }
        return schedules
    }
}
