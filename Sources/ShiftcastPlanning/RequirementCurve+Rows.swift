import ShiftcastCore
import ShiftcastScheduling

extension RequirementCurve {
    /// The curve of one queue's requirement rows, checked for scheduling: a grid from the first row with
    /// the step of the rows (or `step`), each row on it, an interval missing between two rows requiring
    /// nobody; within `InputLimits` and, for a repeating week, exactly one week.
    ///
    /// - Parameters:
    ///   - instants: the rows' start times, strictly increasing.
    ///   - values: agents required per row, finite and not negative.
    ///   - step: the interval length in seconds when known; else read from the rows (two or more).
    ///   - cyclic: whether the horizon is a week that repeats (then it must be one, from midnight).
    ///   - clock: the wall clock the times are read on.
    ///   - queueNote: appended to messages, naming the queue (` (queue 'sales')`).
    /// - Throws: ``InputProblem`` (input `.requirements`) naming the row and the field (`timestamp` or
    ///   `scheduled_agents`) at fault.
    /// - Complexity: O(rows + intervals).
    public static func checked(instants: [Timestamp], values: [Double], step: Int? = nil, cyclic: Bool, clock: WallClock,
                               queueNote: String = "") throws -> RequirementCurve {
        func problem(_ message: String, row: Int, field: String? = nil) -> InputProblem {
            InputProblem(ShiftcastError(.badData, message), input: .requirements, item: row, field: field)
        }
        guard let start = instants.first, let last = instants.last else {
            throw InputProblem(ShiftcastError(.badData, "has no intervals; expected one row per interval"), input: .requirements)
        }
        let inferred: Int? = switch TimeGrid.inferStep(from: instants, datesOnly: false) {
        case .seconds(let seconds): seconds
        case .days(let days): days * 86_400  // rows whole days apart: the grid check below refuses more than one
        case nil: nil
        }
        guard let step = step ?? inferred else {
            throw problem("has a single row\(queueNote), so the interval length cannot be read from the timestamps; give two or more intervals", row: 0)
        }
        let span = start.seconds(to: last) / Int64(step) + 1
        guard span <= InputLimits.maximumScheduleIntervals else {
            throw problem("the rows\(queueNote) span \(span) intervals of \(TimeSpan.spelling(seconds: Double(step)));"
                + " a schedule takes at most \(InputLimits.maximumScheduleIntervals) (Docs/Limits.md): check the dates, or schedule a shorter horizon",
                row: instants.count - 1, field: "timestamp")
        }
        let agentHours = values.reduce(0, +) * Double(step) / 3600
        guard agentHours <= InputLimits.maximumRequiredAgentHours else {
            throw problem("the requirements\(queueNote) add up to \(Int64(agentHours)) agent-hours; a schedule takes at most "
                + "\(Int64(InputLimits.maximumRequiredAgentHours)) (Docs/Limits.md): schedule a shorter horizon or fewer queues at once",
                row: 0, field: "scheduled_agents")
        }
        var required = [Double](repeating: 0, count: Int(span))
        for (instant, value) in zip(instants, values) { required[Int(start.seconds(to: instant) / Int64(step))] = value }
        let curve = try RequirementCurve(start: start, slotSeconds: step, required: required, cyclic: cyclic, clock: clock)
        if let message = curve.gridProblem ?? curve.cyclicProblem {
            throw problem(message + queueNote, row: 0, field: "timestamp")
        }
        return curve
    }
}
