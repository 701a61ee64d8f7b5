import ShiftcastCore

/// What a simulation replays: the contacts of each interval of a horizon and the agents at work in it.
///
/// Times are whole seconds from the start of the horizon, like every interval length in Shiftcast. An
/// agent's working spans are the times they take new contacts (a shift's work, without its breaks); one
/// still on a contact when a span ends finishes it.
public struct SimulationInput: Sendable, Equatable {
    /// One interval's contacts.
    public struct Interval: Sendable, Equatable {
        /// Contacts offered: the mean of a Poisson count, or the count replayed (``SimulationSettings/Arrivals``).
        public var volume: Double
        /// Mean handle time of one contact, in seconds (of one chat at the concurrency, for chat).
        public var averageHandleTime: Double

        public init(volume: Double, averageHandleTime: Double) {
            self.volume = volume
            self.averageHandleTime = averageHandleTime
        }
    }

    /// One agent and the spans in which they take new contacts.
    public struct Agent: Sendable, Equatable {
        public var name: String
        /// Seconds from the start of the horizon, in order, none overlapping another.
        public var working: [Range<Int>]

        public init(name: String, working: [Range<Int>]) {
            self.name = name
            self.working = working
        }
    }

    public let intervalSeconds: Int
    public let intervals: [Interval]
    public let agents: [Agent]

    /// - Throws: `ShiftcastError(.invalidArgument)` for an interval length not above 0; `.badData` for a
    ///   volume or handle time outside its range (Docs/Limits.md), or an agent whose spans are empty,
    ///   out of order or overlapping.
    public init(intervalSeconds: Int, intervals: [Interval], agents: [Agent]) throws {
        guard intervalSeconds > 0 else {
            throw ShiftcastError(.invalidArgument, "intervals must be at least 1 second long; got \(intervalSeconds)")
        }
        for (index, interval) in intervals.enumerated() {
            guard interval.volume.isFinite, interval.volume >= 0, interval.volume <= InputLimits.maximumVolume else {
                throw ShiftcastError(.badData, "interval \(index + 1) has a volume of \(interval.volume); expected 0 to \(Int(InputLimits.maximumVolume))")
            }
            guard interval.averageHandleTime.isFinite, interval.averageHandleTime > 0,
                  interval.averageHandleTime <= InputLimits.maximumHandleTime || interval.volume == 0 else {
                throw ShiftcastError(.badData, "interval \(index + 1) has a handle time of \(interval.averageHandleTime) s; expected above 0 and at most \(Int(InputLimits.maximumHandleTime)) s")
            }
        }
        for agent in agents {
            for (span, next) in zip(agent.working, agent.working.dropFirst()) where next.lowerBound < span.upperBound {
                throw ShiftcastError(.badData, "agent '\(agent.name)' works \(span) and \(next), which overlap or are out of order")
            }
            if let empty = agent.working.first(where: \.isEmpty) {
                throw ShiftcastError(.badData, "agent '\(agent.name)' has an empty working span at \(empty.lowerBound) s")
            }
        }
        self.intervalSeconds = intervalSeconds
        self.intervals = intervals
        self.agents = agents
    }

    /// Seconds of the horizon: its intervals end to end.
    public var horizonSeconds: Int { intervalSeconds * intervals.count }

    /// Agents at work in each interval, on average over its time (all of them, before shrinkage).
    public var agentsAtWork: [Double] {
        workedSeconds(agents.map(\.working)).map { $0 / Double(intervalSeconds) }
    }

    /// Seconds worked in each interval by the agents' spans `working` (the agents' own, or those a
    /// replication keeps under shrinkage).
    /// - Complexity: O(spans + intervals they cover).
    public func workedSeconds(_ working: [[Range<Int>]]) -> [Double] {
        var seconds = [Double](repeating: 0, count: intervals.count)
        for span in working.joined() {
            let first = max(0, span.lowerBound / intervalSeconds)
            let last = min(seconds.count - 1, (span.upperBound - 1) / intervalSeconds)
            guard first <= last else { continue }
            for index in first...last {
                let overlap = min(span.upperBound, (index + 1) * intervalSeconds) - max(span.lowerBound, index * intervalSeconds)
                if overlap > 0 { seconds[index] += Double(overlap) }
            }
        }
        return seconds
    }
}

/// How a simulation draws its contacts and runs.
public struct SimulationSettings: Sendable, Equatable {
    /// How the contacts of an interval arrive.
    public enum Arrivals: String, Sendable, CaseIterable {
        /// A Poisson process at the interval's rate (volume / interval length): a forecast's volumes.
        case poisson
        /// Exactly the interval's volume (rounded to a whole number), at times drawn uniformly over the
        /// interval: what actually arrived.
        case replay
    }

    /// How long contacts take.
    public enum HandleTimes: Sendable, Equatable {
        /// Exponential with the interval's mean (the Erlang models' assumption).
        case exponential
        /// Log-normal with the interval's mean and this coefficient of variation (standard deviation over
        /// mean): handle times of real centres are closer to this (Brown et al. 2005, "Statistical analysis
        /// of a telephone call center", JASA 100:36).
        case logNormal(coefficientOfVariation: Double)
    }

    public var arrivals: Arrivals
    public var handleTimes: HandleTimes
    /// Mean of the exponential time a contact waits before it abandons, in seconds; `nil`: nobody abandons.
    public var meanPatience: Double?
    /// The service level's `t`, in seconds: a contact answered within it counts as answered in time.
    public var answerWithin: Double
    /// Contacts one agent handles at once (chat); 1 for calls.
    public var concurrency: Int
    /// The share of scheduled work lost to absence, meetings and the like (0 to below 1): each working
    /// span of each agent is kept with probability 1 - shrinkage, independently in each replication, so
    /// that on average the productive agents are the scheduled ones times 1 - shrinkage, as staffing assumed.
    public var shrinkage: Double
    /// Independent runs of the horizon; the figures are their means with 95% intervals.
    public var replications: Int
    /// The seed of the first replication's stream; the same seed gives the same figures to the last bit.
    public var seed: UInt64

    public init(arrivals: Arrivals = .poisson, handleTimes: HandleTimes = .exponential, meanPatience: Double? = nil,
                answerWithin: Double = 20, concurrency: Int = 1, shrinkage: Double = 0, replications: Int = 100, seed: UInt64 = 1) {
        self.shrinkage = shrinkage
        self.arrivals = arrivals
        self.handleTimes = handleTimes
        self.meanPatience = meanPatience
        self.answerWithin = answerWithin
        self.concurrency = concurrency
        self.replications = replications
        self.seed = seed
    }

    /// - Throws: `ShiftcastError(.invalidArgument)` for a setting outside its range.
    public func validate() throws {
        guard (1...InputLimits.maximumReplications).contains(replications) else {
            throw ShiftcastError(.invalidArgument, "replications must be a whole number from 1 to \(InputLimits.maximumReplications); got \(replications)")
        }
        guard (1...InputLimits.maximumConcurrency).contains(concurrency) else {
            throw ShiftcastError(.invalidArgument, "concurrency must be a whole number from 1 to \(InputLimits.maximumConcurrency); got \(concurrency)")
        }
        guard answerWithin.isFinite, answerWithin >= 0, answerWithin <= InputLimits.maximumHandleTime else {
            throw ShiftcastError(.invalidArgument, "the answer target must be 0 to \(Int(InputLimits.maximumHandleTime)) seconds; got \(answerWithin)")
        }
        if let meanPatience, !(meanPatience.isFinite && meanPatience > 0 && meanPatience <= InputLimits.maximumHandleTime) {
            throw ShiftcastError(.invalidArgument, "mean patience must be above 0 and at most \(Int(InputLimits.maximumHandleTime)) seconds; got \(meanPatience)")
        }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw ShiftcastError(.invalidArgument, "shrinkage must be at least 0 and below 100%; got \(shrinkage)")
        }
        if case .logNormal(let variation) = handleTimes, !(variation.isFinite && variation > 0 && variation <= 10) {
            throw ShiftcastError(.invalidArgument, "the handle times' coefficient of variation must be above 0 and at most 10; got \(variation)")
        }
    }
}
