import ShiftcastCore
import ShiftcastScheduling
import ShiftcastStaffing

/// The service a schedule is projected to give, interval by interval: the queueing model staffing used
/// (Erlang C, Erlang A or chat), with the agents the schedule has at work after shrinkage.
///
/// Where staffing asked how many agents each interval needs, this asks what the agents the schedule
/// actually put there achieve: more where shifts overlap, less where the mix could not follow the curve.
/// The figures are the steady-state ones of each interval alone; `ServiceSimulation` gives what
/// carries from one interval to the next.
public struct ProjectedService: Sendable {
    public struct Interval: Sendable, Equatable {
        public var start: Timestamp
        /// Contacts offered.
        public var volume: Double
        /// Agents at work in the schedule (not on a break).
        public var atWork: Int
        /// Productive agents: those at work times 1 - shrinkage, rounded down (staffing rounded the
        /// other way, so an interval scheduled exactly as required keeps at least the agents it needed).
        public var productive: Int
        public var performance: QueuePerformance
    }

    public let intervals: [Interval]
    public let model: QueueModel
    public let targets: ServiceTargets
    public let shrinkage: Double
    public let clock: WallClock

    /// The projection of `schedule` against the workload of `requirements`; `nil` for deferred work,
    /// which has no service level to project.
    /// - Throws: `ShiftcastError` when a workload cannot be evaluated (it was staffed, so it can).
    public init?(requirements: QueueRequirements, schedule: QueueSchedule, policy: StaffingPolicy) throws {
        guard case .queueing(let model, let targets) = policy.method else { return nil }
        let curve = schedule.result.curve, coverage = schedule.result.coverage
        let calculator = StaffingCalculator(model: model, targets: targets)
        let keep = 1 - policy.shrinkage
        intervals = try requirements.rows.map { row in
            let slot = curve.grid.position(of: row.start)
            let atWork = slot.flatMap { coverage.indices.contains($0) ? coverage[$0] : nil } ?? 0
            let productive = Int((Double(atWork) * keep + 1e-9).rounded(.down))
            return Interval(start: row.start, volume: row.requirement.workload.volume, atWork: atWork, productive: productive,
                            performance: try calculator.performance(of: row.requirement.workload, agents: productive))
        }
        self.model = model
        self.targets = targets
        shrinkage = policy.shrinkage
        clock = curve.clock
    }

    /// Contacts answered within the target time over contacts offered, the intervals weighted by their
    /// volume; 1 with no contacts.
    public var serviceLevel: Double { Self.weighted(intervals[...]) }

    /// The service level of each calendar day (on the schedule's clock), in order.
    public var days: [(date: String, serviceLevel: Double)] {
        clock.days(of: intervals.map(\.start)).map { ($0.date, Self.weighted(intervals[$0.range])) }
    }

    /// Intervals with contacts whose projected service level is below the target's (none without one).
    public var intervalsBelowTarget: Int {
        guard let target = targets.serviceLevel else { return 0 }
        return intervals.filter { $0.volume > 0 && $0.performance.serviceLevel < target - 1e-12 }.count
    }

    /// One line for a summary: the horizon, the worst day, the intervals below target.
    public var summary: String {
        let percent = { (value: Double) in DecimalRounding.rounded(value * 100, decimals: 1).description + "%" }
        var line = "projected service level: \(percent(serviceLevel)) within \(TimeSpan.spelling(seconds: targets.answerWithin))"
            + " over the horizon (\(Self.name(of: model)), the agents at work after \(percent(shrinkage)) shrinkage)"
        if let worst = days.min(by: { $0.serviceLevel < $1.serviceLevel }), days.count > 1 {
            line += "; worst day \(worst.date) at \(percent(worst.serviceLevel))"
        }
        if let target = targets.serviceLevel {
            line += "; \(intervalsBelowTarget) of \(intervals.count) intervals below \(percent(target))"
        }
        return line
    }

    private static func weighted(_ intervals: ArraySlice<Interval>) -> Double {
        var offered = 0.0, inTime = 0.0
        for interval in intervals {
            offered += interval.volume
            inTime += interval.volume * interval.performance.serviceLevel
        }
        return offered > 0 ? inTime / offered : 1
    }

    private static func name(of model: QueueModel) -> String {
        switch model {
        case .erlangC: "Erlang C"
        case .erlangA: "Erlang A"
        case .chat(let concurrency): "chat at \(concurrency) at once"
        }
    }
}
