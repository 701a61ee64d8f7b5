import ShiftcastCore

/// How a centre staffs a queue: a queueing model with service targets, or deferred work answered within
/// a response time; and the shrinkage that turns productive agents into agents to schedule.
public struct StaffingPolicy: Sendable {
    public enum Method: Sendable {
        /// Contacts answered as they arrive (voice, chat): the fewest agents meeting every target.
        case queueing(model: QueueModel, targets: ServiceTargets)
        /// Contacts that may wait (email, tickets): every one answered within `responseTime` seconds,
        /// first in first out, at no more than `maxOccupancy`.
        case deferred(responseTime: Double, maxOccupancy: Double)
    }

    public var method: Method
    /// Share of paid time not available for contacts, in [0, 1).
    public var shrinkage: Double
    /// When set, a queueing method staffs each interval for the service expected over its forecast's
    /// prediction interval (``StaffingCalculator/agentsNeeded(for:volumeStandardDeviation:)``) rather
    /// than at its point forecast; `nil` staffs the point forecast.
    public var uncertainty: VolumeUncertainty?

    public init(method: Method, shrinkage: Double = 0, uncertainty: VolumeUncertainty? = nil) {
        self.method = method
        self.shrinkage = shrinkage
        self.uncertainty = uncertainty
    }

    /// The requirement of one interval under a queueing method.
    /// - Throws: `ShiftcastError` when a target cannot be met (the message names it), or under the
    ///   deferred method, whose intervals depend on each other (staff them with
    ///   ``requirements(forConsecutive:)``).
    /// - Parameter bounds: the volume's prediction interval, read under ``uncertainty`` (ignored without it).
    public func requirement(for workload: Workload, bounds: (lower: Double, upper: Double)? = nil) throws -> Requirement {
        guard case .queueing(let model, let targets) = method else {
            throw ShiftcastError(.invalidArgument, "deferred work is staffed over consecutive intervals, not one at a time: "
                + "use requirements(forConsecutive:)")
        }
        let calculator = StaffingCalculator(model: model, targets: targets)
        let spread = uncertainty.flatMap { uncertainty in bounds.map { uncertainty.standardDeviation(lower: $0.lower, upper: $0.upper) } } ?? 0
        let performance = try calculator.agentsNeeded(for: workload, volumeStandardDeviation: spread)
        return Requirement(workload: workload, agents: performance.agents,
                           scheduledAgents: try Shrinkage.scheduledAgents(for: Double(performance.agents), shrinkage: shrinkage),
                           performance: performance, deferred: nil)
    }

    /// The requirements of consecutive intervals with no gap between them, in time order.
    /// - Complexity: O(n) calls of the queueing model; deferred work as its planner states.
    public func requirements(forConsecutive workloads: [Workload]) throws -> [Requirement] {
        switch method {
        case .queueing:
            return try workloads.map { try requirement(for: $0) }
        case .deferred(let responseTime, let maxOccupancy):
            let planner = DeferredWorkPlanner(responseTime: responseTime, maxOccupancy: maxOccupancy)
            // The planner works on one interval length; a calendar-day grid under a time zone has
            // 23- and 25-hour days, which it counts as 24.
            let plan = try planner.plan(volumes: workloads.map(\.volume),
                                        averageHandleTimes: workloads.map(\.averageHandleTime),
                                        intervalLength: workloads.first?.intervalLength ?? 1)
            return try zip(workloads, plan).map { workload, interval in
                Requirement(workload: workload, agents: interval.agents,
                            scheduledAgents: try Shrinkage.scheduledAgents(for: Double(interval.agents), shrinkage: shrinkage),
                            performance: nil, deferred: interval)
            }
        }
    }
}

/// The staffing one interval needs.
public struct Requirement: Sendable, Equatable {
    public var workload: Workload
    /// Productive agents needed.
    public var agents: Int
    /// Agents to schedule after shrinkage.
    public var scheduledAgents: Int
    /// What `agents` achieve under a queueing method; `nil` for deferred work.
    public var performance: QueuePerformance?
    /// Deferred work: the work done and the backlog left at the end of the interval; `nil` for queueing.
    public var deferred: DeferredInterval?

    public init(workload: Workload, agents: Int, scheduledAgents: Int, performance: QueuePerformance?, deferred: DeferredInterval?) {
        self.workload = workload
        self.agents = agents
        self.scheduledAgents = scheduledAgents
        self.performance = performance
        self.deferred = deferred
    }

    /// The share of the agents' time spent on contacts (0 when nobody is needed).
    public var occupancy: Double { performance?.occupancy ?? deferred?.occupancy ?? 0 }
}
