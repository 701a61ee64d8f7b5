import ShiftcastCore

/// How a queue performs with a given number of agents (SPEC section 4 defines each figure).
public struct QueuePerformance: Hashable, Sendable {
    /// Productive agents (logged in and available for contacts).
    public var agents: Int
    /// Offered load in erlangs (in chat sessions under `QueueModel.chat`).
    public var traffic: Double
    /// Chance an arrival finds every agent (every chat slot) busy, in [0, 1].
    public var probabilityOfWaiting: Double
    /// Chance an arrival is answered within `answerWithin` seconds, in [0, 1]. Under Erlang A a contact that
    /// abandons counts as not answered within `answerWithin`, whenever it abandons. With no traffic it is 1.
    public var serviceLevel: Double
    /// The `t` of `serviceLevel`, in seconds.
    public var answerWithin: Double
    /// Mean wait in queue over all arrivals, in seconds: +infinity for an unstable Erlang C queue. Under
    /// Erlang A the wait of a contact that abandons counts up to the moment it leaves.
    public var averageSpeedOfAnswer: Double
    /// Share of agent time spent on contacts, in [0, 1]: carried load / agents. Erlang C carries the whole load
    /// when stable and keeps every agent busy when not; Erlang A carries `traffic * (1 - probabilityOfAbandoning)`.
    /// 0 with no agents.
    public var occupancy: Double
    /// Chance an arrival abandons before being answered, in [0, 1]; `nil` unless the model is Erlang A.
    public var probabilityOfAbandoning: Double?
    /// False when the queue grows without bound: Erlang C (and chat) with `agents x concurrency <= traffic`
    /// and traffic above 0. Erlang A is always stable.
    public var isStable: Bool

    public init(agents: Int, traffic: Double, probabilityOfWaiting: Double, serviceLevel: Double,
                answerWithin: Double, averageSpeedOfAnswer: Double, occupancy: Double,
                probabilityOfAbandoning: Double?, isStable: Bool) {
        self.agents = agents
        self.traffic = traffic
        self.probabilityOfWaiting = probabilityOfWaiting
        self.serviceLevel = serviceLevel
        self.answerWithin = answerWithin
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.occupancy = occupancy
        self.probabilityOfAbandoning = probabilityOfAbandoning
        self.isStable = isStable
    }

    /// Agents to schedule so that `agents` remain after `shrinkage`: `ceil(agents / (1 - shrinkage))`.
    ///
    /// - Throws: `ShiftcastError(.invalidArgument)` unless `shrinkage` is in [0, 1).
    public func scheduledAgents(shrinkage: Double) throws -> Int {
        try Shrinkage.scheduledAgents(for: Double(agents), shrinkage: shrinkage)
    }

    /// The performance with no traffic: nobody waits, every (vacuous) contact is answered at once.
    static func idle(agents: Int, answerWithin: Double, abandonment: Bool) -> QueuePerformance {
        QueuePerformance(agents: agents, traffic: 0, probabilityOfWaiting: 0, serviceLevel: 1,
                         answerWithin: answerWithin, averageSpeedOfAnswer: 0, occupancy: 0,
                         probabilityOfAbandoning: abandonment ? 0 : nil, isStable: true)
    }
}
