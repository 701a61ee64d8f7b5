import ShiftcastCore
import ShiftcastScheduling

/// One queue's requirements, ready to schedule.
public struct RequirementQueue: Sendable {
    /// The queue's name; `nil` for requirements without queues.
    public var name: String?
    public var curve: RequirementCurve

    public init(name: String?, curve: RequirementCurve) {
        self.name = name
        self.curve = curve
    }
}

/// Schedules every queue in turn with the same shift families and options (SPEC section 2: a `queue`
/// column splits the work per queue).
///
/// The time limit bounds the whole run: each queue gets an equal share of the time still left when its
/// turn comes, so a queue that finishes early leaves its time to the ones after it. Queues are solved one
/// after another because CBC runs one solve at a time in a process (`LinearProgram`).
public enum QueueScheduler {
    /// Schedules every queue with `rules`, once every queue's grid is known to hold them; with contracts,
    /// the named agents work the shifts (`AgentScheduler`), which takes a single queue.
    /// - Parameters:
    ///   - queues: the requirements, one curve per queue.
    ///   - rules: the shift families, break rules and contracts.
    ///   - options: the search's weights, time limit (for all queues together) and seed.
    ///   - locate: turns a problem with one of the rules into the error thrown (or warned of): by default
    ///     it names the item by its index; a reader of files says the file, line and column.
    ///   - progress: told which queue is being scheduled and what its search is doing.
    /// - Throws: the located problem of a family or break rule the grid cannot hold, a contract that
    ///   contradicts itself or the families, or every contract unmeetable; `.invalidArgument` for agents
    ///   over several queues; what the search throws. Contracts that cannot be met while others can are
    ///   not thrown: the schedule carries them as warnings (``QueueSchedule/contractWarnings``) and their
    ///   agents get what the rules allow.
    public static func schedule(_ queues: [RequirementQueue], rules: ScheduleRules, options: ShiftMixOptimizer.Options,
                                locate: (InputProblem) -> ShiftcastError = \.unlocated,
                                progress: (@Sendable (_ queue: String?, _ phase: String) -> Void)? = nil) throws -> [QueueSchedule] {
        var options = options
        for queue in queues {
            if let problem = ScheduleRules.familyProblem(rules.families, fitting: queue.curve) { throw locate(problem) }
            if let problem = ScheduleRules.breakProblem(rules.breaks, families: rules.families, slotSeconds: queue.curve.slotSeconds) {
                throw locate(problem)
            }
            options.breaks = rules.breaks
            let columns = ShiftExpansion.columnBound(for: rules.families, breaks: options.breaks, over: queue.curve)
            if columns > InputLimits.maximumProgramColumns {
                throw locate(InputProblem(ShiftcastError(.badData, "the shift families and their breaks make an integer program of up to \(columns) columns "
                    + "over the requirements' horizon; at most \(InputLimits.maximumProgramColumns) fit the memory of a run "
                    + "(Docs/Limits.md): give coarser steps or break windows, or a shorter horizon"), input: rules.breaks.isEmpty ? .shifts : .breaks))
            }
        }
        guard let contracts = rules.contracts else {
            return try schedule(queues, families: rules.families, options: options, progress: progress)
        }
        guard queues.count == 1, let queue = queues.first else {
            throw ShiftcastError(.invalidArgument, "an Agents file schedules one queue, and the requirements have \(queues.count) ("
                + queues.prefix(3).map { "'\($0.name ?? "")'" }.joined(separator: ", ") + (queues.count > 3 ? ", ..." : "")
                + "); schedule each queue with its own agents")
        }
        // A contradiction is bad data: nothing is scheduled. A contract no week of shifts can meet is a
        // warning while other agents can work: they are scheduled, and that agent gets what the rules allow.
        let problems = ScheduleRules.contractProblems(contracts, families: rules.families)
        let contradictions = problems.filter(\.isContradiction).map { locate($0.problem) }
        if let first = contradictions.first { throw first.noting(contradictions.count - 1) }
        let unmeetable = problems.filter { !$0.isContradiction }.map { locate($0.problem) }
        if unmeetable.count == contracts.count, let first = unmeetable.first {
            throw first.noting(unmeetable.count - 1, more: "like it: no agent of the file can work")
        }
        if let progress {
            let name = queue.name
            options.progress = { phase in progress(name, phase) }
        }
        var generator = SplitMixGenerator(seed: UInt64(truncatingIfNeeded: options.seed))
        let named = try AgentScheduler.solve(families: rules.families, curve: queue.curve, contracts: contracts,
                                             options: options, using: &generator)
        var schedule = QueueSchedule(name: queue.name, named: named)
        schedule.contractWarnings = unmeetable
        return [schedule]
    }

    /// Schedules every queue with anonymous agents.
    /// - Parameters:
    ///   - queues: the requirements, one curve per queue.
    ///   - families: the shift families, already checked against every queue's grid.
    ///   - options: the search's weights, break rules, time limit (for all queues together) and seed.
    ///   - progress: told which queue is being scheduled and what its search is doing.
    /// - Throws: what `ShiftMixOptimizer.solve(families:curve:options:)` throws.
    public static func schedule(_ queues: [RequirementQueue], families: [ShiftFamily],
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
            schedules.append(QueueSchedule(name: queue.name, result: result))
        }
        return schedules
    }
}
