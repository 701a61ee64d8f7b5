import Foundation
import ShiftcastCore

/// One interval of a deferred-work plan or replay.
public struct DeferredInterval: Hashable, Sendable {
    /// Agents working the queue in the interval.
    public var agents: Int
    /// Contacts arriving in the interval.
    public var volume: Double
    /// Their work, `volume x averageHandleTime`, in agent-seconds.
    public var workload: Double
    /// Work handled in the interval, in agent-seconds: at most `agents x intervalLength x maxOccupancy`.
    public var handledWork: Double
    /// Contacts still waiting (not fully answered) at the end of the interval; fractions of contacts in progress
    /// count as their unfinished fraction.
    public var backlog: Double
    /// The work those contacts still need, in agent-seconds.
    public var backlogWork: Double
    /// `handledWork / (agents x intervalLength)`, in [0, maxOccupancy]; 0 with no agents.
    public var occupancy: Double

    public init(agents: Int, volume: Double, workload: Double, handledWork: Double, backlog: Double,
                backlogWork: Double, occupancy: Double) {
        self.agents = agents
        self.volume = volume
        self.workload = workload
        self.handledWork = handledWork
        self.backlog = backlog
        self.backlogWork = backlogWork
        self.occupancy = occupancy
    }
}

/// The result of replaying a staffing plan against a forecast (`DeferredWorkPlanner.replay`).
public struct DeferredReplay: Hashable, Sendable {
    /// Per interval, the latest answer delay of the contacts that arrived in it, in seconds: from the start of
    /// that interval to the moment its last contact is answered (handled completely). 0 for an interval with no
    /// contacts; +infinity when some of its contacts are still waiting at the end of the horizon. Measured from
    /// the interval's start, it bounds the delay of every contact of the interval wherever in the interval it
    /// arrived.
    public var latestAnswerDelays: [Double]
    /// Per interval: agents, arrivals, handled work, backlog.
    public var intervals: [DeferredInterval]
}

/// Staffing for deferred work (email, tickets, back-office cases): contacts that must be answered within a
/// response time `R` of hours, not seconds, and can therefore wait for a quieter interval.
///
/// The model, a fluid first-in-first-out queue (see `Docs/QueueingModels.md`, "Deferred work"):
///
/// - Agents work the queue at `maxOccupancy`: `N` agents handle `N x intervalLength x maxOccupancy`
///   agent-seconds of work per interval, continuously (a contact may be part-handled at an interval's end).
/// - Contacts are answered in order of arrival. A contact counts as answered when its handling is complete.
/// - Arrival time, the conservative choice: every contact of an interval is due `R` after the *start* of its
///   interval (the earliest any of them can have arrived), rounded down to an interval boundary when `R` is not a
///   whole number of intervals; and, for the work it makes available, it is treated as arriving at that start.
///   Backlogs at interval boundaries are the same whether arrivals come at the start or spread evenly over the
///   interval (the rates are constant within it), so with `R >= intervalLength` the guarantee holds for evenly
///   spread arrivals too.
/// - Nothing is left over: the plan answers every contact by the end of the horizon, even those due later.
///
/// Among the plans that meet every due time, `plan` returns one with the fewest agent-hours (the minimum is
/// exact: the due-time constraints are interval covering constraints, whose matrix is totally unimodular, and the
/// latest-first greedy solves them), and among those the one whose busiest interval has the fewest agents (a
/// binary search on that cap); within the cap, work is done as late as the due times allow.
///
/// - Complexity: O(intervals x log(peak agents)).
public struct DeferredWorkPlanner: Sendable {
    /// `R`, in seconds: finite, at least one interval length.
    public var responseTime: Double
    /// The share of agent time spent on contacts, in (0, 1].
    public var maxOccupancy: Double

    public init(responseTime: Double, maxOccupancy: Double = 1) {
        self.responseTime = responseTime
        self.maxOccupancy = maxOccupancy
    }

    /// Agents per interval answering every contact within `responseTime`, with the fewest agent-hours.
    ///
    /// - Parameters:
    ///   - volumes: contacts arriving per interval, finite and at least 0.
    ///   - averageHandleTimes: seconds per contact, one per interval; finite, above 0 where the volume is.
    ///   - intervalLength: whole seconds, above 0.
    /// - Returns: one `DeferredInterval` per interval, with the backlog at its end.
    /// - Throws: `ShiftcastError(.invalidArgument)` for a response time or occupancy out of range,
    ///   `.badData` for invalid volumes or handle times or a plan beyond a billion agents.
    public func plan(volumes: [Double], averageHandleTimes: [Double],
                     intervalLength: Int) throws -> [DeferredInterval] {
        try Self.validate(volumes: volumes, averageHandleTimes: averageHandleTimes, intervalLength: intervalLength,
                          maxOccupancy: maxOccupancy)
        let length = Double(intervalLength)
        guard responseTime.isFinite, responseTime >= length * (1 - 1e-12) else {
            throw ShiftcastError(.invalidArgument, "response time must be at least one interval (\(intervalLength)s) for deferred work; got \(responseTime)s (for faster answers use Erlang C or Erlang A)")
        }
        let count = volumes.count
        if count == 0 { return [] }
        let unit = length * maxOccupancy          // work one agent handles in one interval
        let work = zip(volumes, averageHandleTimes).map { $0 == 0 ? 0 : $0 * $1 }
        var arrived = [0.0]                              // arrived[k]: work of intervals before k
        arrived.reserveCapacity(count + 1)
        for amount in work { arrived.append(arrived[arrived.count - 1] + amount) }
        // due[k]: work that must be answered by boundary k. Interval i is due at i + whole intervals in R.
        let span = Int((responseTime / length * (1 + 1e-12)).rounded(.down))
        let due = (0...count).map { k in k == count ? arrived[count] : arrived[max(0, k - span + 1)] }
        let slack = 1e-9                                 // agent-intervals forgiven to rounding

        // Uncapped: the least agents meeting each boundary's due work, given what earlier intervals did.
        var uncapped: [Int] = []
        var processed = 0.0
        for k in 0..<count {
            let needed = try Self.agents(for: due[k + 1] - processed, unit: unit, slack: slack)
            uncapped.append(needed)
            processed = min(arrived[k + 1], processed + unit * Double(needed))
        }
        let fewest = uncapped.reduce(0, +)

        // Capped at `cap` agents per interval: the latest cumulative work that still meets every due time,
        // `latest[k] = max(due[k], latest[k+1] - cap x unit)`, followed as closely as whole agents allow.
        func capped(_ cap: Int) -> [Int]? {
            var latest = due
            for k in stride(from: count - 1, through: 0, by: -1) {
                latest[k] = max(due[k], latest[k + 1] - Double(cap) * unit)
                if latest[k] > arrived[k] + slack * unit { return nil }   // would need work before it arrives
            }
            var agents: [Int] = []
            agents.reserveCapacity(count)
            var processed = 0.0
            for k in 0..<count {
                guard let needed = try? Self.agents(for: latest[k + 1] - processed, unit: unit, slack: slack),
                      needed <= cap else { return nil }
                agents.append(needed)
                processed = min(arrived[k + 1], processed + unit * Double(needed))
            }
            return agents.reduce(0, +) == fewest ? agents : nil
        }

        var best = uncapped
        var high = uncapped.max() ?? 0                    // a cap known to work (the uncapped plan)
        if let plan = capped(high) { best = plan }
        var low = Int((Double(fewest) / Double(count)).rounded(.up)) - 1   // a cap known not to work
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if let plan = capped(middle) {
                best = plan
                high = middle
            } else {
                low = middle
            }
        }
        return try Self.replay(agents: best, volumes: volumes, averageHandleTimes: averageHandleTimes,
                               intervalLength: intervalLength, maxOccupancy: maxOccupancy).intervals
    }

    /// Works the queue first in first out with `agents` per interval and reports, per interval, the latest
    /// answer delay of its contacts and the backlog at its end (the conventions of `plan`).
    ///
    /// A cohort counts as answered within an interval when at most a billionth of the interval's capacity (plus
    /// 1e-9 agent-seconds) of its work is left: rounding, not work.
    ///
    /// - Throws: `ShiftcastError(.badData)` for arrays of different lengths, negative agents or invalid volumes
    ///   and handle times; `.invalidArgument` for an occupancy or interval length out of range.
    /// - Complexity: O(intervals).
    public static func replay(agents: [Int], volumes: [Double], averageHandleTimes: [Double],
                              intervalLength: Int, maxOccupancy: Double) throws -> DeferredReplay {
        try validate(volumes: volumes, averageHandleTimes: averageHandleTimes, intervalLength: intervalLength,
                     maxOccupancy: maxOccupancy)
        let intervalLength = Double(intervalLength)
        guard agents.count == volumes.count else {
            throw ShiftcastError(.badData, "replay needs one agent count per interval: \(agents.count) agent counts for \(volumes.count) intervals")
        }
        if let negative = agents.first(where: { $0 < 0 }) {
            throw ShiftcastError(.badData, "agent counts must be at least 0; got \(negative)")
        }
        // The queue: cohorts (interval index, remaining work) in arrival order.
        var queue: [(cohort: Int, remaining: Double)] = []
        var head = 0
        var delays = [Double](repeating: 0, count: volumes.count)
        var intervals: [DeferredInterval] = []
        intervals.reserveCapacity(volumes.count)
        for k in volumes.indices {
            let work = volumes[k] == 0 ? 0 : volumes[k] * averageHandleTimes[k]
            if work > 0 { queue.append((k, work)) }
            let rate = Double(agents[k]) * maxOccupancy          // agent-seconds of work per second
            let capacity = rate * intervalLength
            var used = 0.0
            while head < queue.count {
                let remaining = queue[head].remaining
                let left = capacity - used
                if remaining <= left + 1e-9 * capacity + 1e-9 {
                    used = min(capacity, used + remaining)
                    let finished = Double(k) * intervalLength + (rate > 0 ? used / rate : 0)
                    delays[queue[head].cohort] = finished - Double(queue[head].cohort) * intervalLength
                    head += 1
                } else {
                    queue[head].remaining -= left
                    used = capacity
                    break
                }
            }
            var backlog = 0.0
            var backlogWork = 0.0
            for entry in queue[head...] {
                backlogWork += entry.remaining
                backlog += entry.remaining / averageHandleTimes[entry.cohort]
            }
            intervals.append(DeferredInterval(
                agents: agents[k], volume: volumes[k], workload: work, handledWork: used, backlog: backlog,
                backlogWork: backlogWork, occupancy: agents[k] == 0 ? 0 : used / (Double(agents[k]) * intervalLength)))
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        for entry in queue[head...] { delays[entry.cohort] = .infinity }
        return DeferredReplay(latestAnswerDelays: delays, intervals: intervals)
    }

    /// Whole agents to handle `work` agent-seconds at `unit` per agent, forgiving `slack` of an agent to rounding.
    private static func agents(for work: Double, unit: Double, slack: Double) throws -> Int {
        let exact = work / unit
        if exact <= slack { return 0 }
        guard exact < 1e9 else {
            throw ShiftcastError(.badData, "deferred work needs more than a billion agents in one interval (\(exact)); check the volumes and handle times")
        }
        return Int((exact - slack).rounded(.up))
    }

    private static func validate(volumes: [Double], averageHandleTimes: [Double], intervalLength: Int,
                                 maxOccupancy: Double) throws {
        guard intervalLength > 0 else {
            throw ShiftcastError(.invalidArgument, "interval length must be a whole number of seconds above 0; got \(intervalLength)")
        }
        guard maxOccupancy > 0, maxOccupancy <= 1 else {
            throw ShiftcastError(.invalidArgument, "occupancy for deferred work must be above 0 and at most 100%; got \(maxOccupancy)")
        }
        guard volumes.count == averageHandleTimes.count else {
            throw ShiftcastError(.badData, "deferred work needs one handle time per interval: \(averageHandleTimes.count) handle times for \(volumes.count) volumes")
        }
        for (index, (volume, handleTime)) in zip(volumes, averageHandleTimes).enumerated() {
            guard volume.isFinite, volume >= 0 else {
                throw ShiftcastError(.badData, "interval \(index + 1): volume must be a finite number of contacts, at least 0; got \(volume)")
            }
            guard handleTime.isFinite, handleTime >= 0, volume == 0 || handleTime > 0 else {
                throw ShiftcastError(.badData, "interval \(index + 1): average handle time must be a finite number of seconds above 0; got \(handleTime)")
            }
            guard (volume * handleTime).isFinite else {
                throw ShiftcastError(.badData, "interval \(index + 1): work \(volume) x \(handleTime)s is too large")
            }
        }
    }
}
