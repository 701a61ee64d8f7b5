import Foundation
import ShiftcastCore

/// Agents needed for a queue, and how a queue performs with a given number of agents.
///
///     let calculator = StaffingCalculator(model: .erlangC,
///                                         targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85))
///     let needed = try calculator.agentsNeeded(for: Workload(volume: 100, averageHandleTime: 180, intervalLength: 1800))
///     needed.agents                                   // 14
///     try needed.scheduledAgents(shrinkage: 0.3)      // 20
///
/// `agentsNeeded` returns the fewest agents `N` that meet every target set, with the figures at that `N`. Each
/// figure is monotone in `N` (more agents never make service worse), so the set of agent counts that meet all
/// targets is `N...maximumAgents`:
///
/// - Erlang C and chat start at the least stable, occupancy-compliant count and step up one agent at a time,
///   each step O(concurrency) (the recursion of `InverseBlocking`); the distance to the answer is about
///   `sqrt(traffic)`.
/// - Erlang A (which needs no stability and whose figures cost four incomplete gamma ratios each) gallops from
///   the traffic and then bisects: O(log N) evaluations of O(1) each.
///
/// A target that cannot be met throws `ShiftcastError` naming it: `.infeasible` when the target itself is
/// impossible with any traffic (100% service level, 0s average speed of answer, 0% abandonment),
/// `.badData` when the load needs more than `maximumAgents`.
public struct StaffingCalculator: Sendable {
    public var model: QueueModel
    public var targets: ServiceTargets
    /// The most agents `agentsNeeded` will consider. Default 100 000.
    public var maximumAgents: Int

    public init(model: QueueModel = .erlangC, targets: ServiceTargets = ServiceTargets(),
                maximumAgents: Int = 100_000) {
        self.model = model
        self.targets = targets
        self.maximumAgents = maximumAgents
    }

    /// The figures for `agents` agents (the `--agents N` mode). The service level refers to
    /// `targets.answerWithin`; other targets are ignored.
    ///
    /// - Parameter agents: 0 to 10 000 000.
    /// - Throws: `ShiftcastError` for an invalid workload (`.badData`), model or answer-within time
    ///   (`.invalidArgument`), or agent count (`.invalidArgument`).
    /// - Complexity: O(1).
    public func performance(of workload: Workload, agents: Int) throws -> QueuePerformance {
        try model.validate()
        try workload.validate()
        try targets.validate()
        guard (0...10_000_000).contains(agents) else {
            throw ShiftcastError(.invalidArgument, "agents must be a whole number from 0 to 10000000; got \(agents)")
        }
        return evaluate(workload, agents: agents)
    }

    /// The fewest agents that meet every target, with the figures at that count.
    ///
    /// With no traffic the answer is 0 agents (no target asks for an agent when there is nothing to answer).
    ///
    /// - Throws: `ShiftcastError(.invalidArgument)` when no target is set, a target is out of range, an abandon
    ///   rate target is set without Erlang A, or a target cannot be met at any load; `.badData` for an invalid
    ///   workload or when the targets need more than `maximumAgents`. The message names the target.
    /// - Complexity: O(sqrt(traffic) x concurrency) for Erlang C and chat, O(log(maximumAgents)) for Erlang A.
    public func agentsNeeded(for workload: Workload) throws -> QueuePerformance {
        try model.validate()
        try workload.validate()
        try targets.validate()
        guard maximumAgents >= 0, maximumAgents <= 10_000_000 else {
            throw ShiftcastError(.invalidArgument, "maximum agents must be from 0 to 10000000; got \(maximumAgents)")
        }
        guard !targets.isEmpty else {
            throw ShiftcastError(.invalidArgument, "no target given: set a service level, an average speed of answer, a maximum occupancy or a maximum abandon rate")
        }
        var abandonment = false
        if case .erlangA = model { abandonment = true }
        if targets.maxAbandonRate != nil, !abandonment {
            throw ShiftcastError(.invalidArgument, "an abandon rate target needs Erlang A: give the mean patience of waiting contacts")
        }
        let traffic = workload.trafficIntensity
        if traffic == 0 {
            return .idle(agents: 0, answerWithin: targets.answerWithin, abandonment: abandonment)
        }
        try rejectImpossibleTargets()
        switch model {
        case .erlangC, .chat:
            return try searchStepwise(workload)
        case .erlangA(let patience):
            return try searchBisecting(workload, meanPatience: patience)
        }
    }

    // MARK: - Evaluation

    func evaluate(_ workload: Workload, agents: Int) -> QueuePerformance {
        let traffic = workload.trafficIntensity
        let abandonment: Bool
        if case .erlangA = model { abandonment = true } else { abandonment = false }
        if traffic == 0 {
            return .idle(agents: agents, answerWithin: targets.answerWithin, abandonment: abandonment)
        }
        switch model {
        case .erlangC:
            return ErlangC.evaluate(servers: agents, traffic: traffic, averageHandleTime: workload.averageHandleTime,
                                    answerWithin: targets.answerWithin)
        case .chat(let concurrency):
            var performance = ErlangC.evaluate(servers: agents * concurrency, traffic: traffic,
                                               averageHandleTime: workload.averageHandleTime,
                                               answerWithin: targets.answerWithin)
            performance.agents = agents
            return performance
        case .erlangA(let patience):
            return ErlangA.State(agents: agents, traffic: traffic, averageHandleTime: workload.averageHandleTime,
                                 meanPatience: patience).performance(answerWithin: targets.answerWithin)
        }
    }

    // MARK: - Search

    /// Targets no number of agents can meet while there is traffic.
    private func rejectImpossibleTargets() throws {
        if let level = targets.serviceLevel, level >= 1 {
            throw ShiftcastError(.infeasible, "\(targets.serviceLevelPhrase) cannot be met: with random arrivals some contacts always wait longer, so the service level only approaches 100% as agents are added; ask for less than 100%")
        }
        if let asa = targets.maxAverageSpeedOfAnswer, asa <= 0 {
            throw ShiftcastError(.infeasible, "\(targets.averageSpeedOfAnswerPhrase) cannot be met: with random arrivals some contacts always wait, so the average speed of answer is above 0; ask for more than 0s")
        }
        if let abandon = targets.maxAbandonRate, abandon <= 0 {
            throw ShiftcastError(.infeasible, "\(targets.abandonPhrase) cannot be met: some waiting contacts always run out of patience, so the abandon rate is above 0; ask for more than 0%")
        }
    }

    /// Throws, naming the targets missed, unless `maximumAgents` meets them all.
    private func requireFeasible(_ workload: Workload) throws {
        let best = evaluate(workload, agents: maximumAgents)
        let missed = targets.unmet(by: best)
        guard !missed.isEmpty else { return }
        var figures = "service level \(ServiceTargets.percent(best.serviceLevel)), average speed of answer "
            + (best.averageSpeedOfAnswer.isFinite ? ServiceTargets.seconds(best.averageSpeedOfAnswer) : "infinite")
            + ", occupancy \(ServiceTargets.percent(best.occupancy))"
        if let abandon = best.probabilityOfAbandoning { figures += ", abandon rate \(ServiceTargets.percent(abandon))" }
        throw ShiftcastError(.badData, "\(missed.joined(separator: " and ")) cannot be met with up to \(maximumAgents) agents: the traffic is \(best.traffic) erlangs, and \(maximumAgents) agents give \(figures)")
    }

    /// Erlang C and chat: from the least stable and occupancy-compliant count, one agent at a time.
    private func searchStepwise(_ workload: Workload) throws -> QueuePerformance {
        let traffic = workload.trafficIntensity
        let concurrency = model.serversPerAgent
        // Stability: servers > traffic, so servers >= floor(traffic) + 1.
        let leastServers = traffic.rounded(.down) + 1
        var start = (leastServers / Double(concurrency)).rounded(.up)
        if let occupancy = targets.maxOccupancy {
            // traffic / (N K) <= occupancy, allowing the same 1e-12 as `ServiceTargets.unmet`.
            start = max(start, (traffic / (Double(concurrency) * occupancy) * (1 - 1e-12)).rounded(.up))
        }
        try requireFeasible(workload)       // so the loop below ends by maximumAgents
        var agents = Int(min(start, Double(maximumAgents)))
        var load = InverseBlocking(servers: agents * concurrency, traffic: traffic)
        while agents < maximumAgents {
            let performance = ErlangC.evaluate(load, averageHandleTime: workload.averageHandleTime,
                                               answerWithin: targets.answerWithin)
            if meets(performance) { break }
            agents += 1
            for _ in 0..<concurrency { load.addServer() }
        }
        return evaluate(workload, agents: agents)
    }

    /// Erlang A: gallop from the traffic, then bisect on "meets every target", which is monotone in N.
    private func searchBisecting(_ workload: Workload, meanPatience: Double) throws -> QueuePerformance {
        try requireFeasible(workload)
        let traffic = workload.trafficIntensity
        func meetsAll(_ agents: Int) -> Bool {
            let state = ErlangA.State(agents: agents, traffic: traffic, averageHandleTime: workload.averageHandleTime,
                                      meanPatience: meanPatience)
            if let level = targets.serviceLevel,
               state.serviceLevel(answerWithin: targets.answerWithin) < level * (1 - 1e-12) { return false }
            if targets.maxAverageSpeedOfAnswer != nil || targets.maxOccupancy != nil || targets.maxAbandonRate != nil {
                let abandon = state.probabilityOfAbandoning
                if let asa = targets.maxAverageSpeedOfAnswer, abandon * meanPatience > asa * (1 + 1e-12) { return false }
                if let limit = targets.maxAbandonRate, abandon > limit * (1 + 1e-12) { return false }
                if let occupancy = targets.maxOccupancy, agents > 0,
                   min(1, traffic * (1 - abandon) / Double(agents)) > occupancy * (1 + 1e-12) { return false }
            }
            return true
        }
        // Invariant: `failing` fails (or is -1), `passing` passes.
        let guess = traffic < Double(maximumAgents) ? Int(traffic.rounded()) : maximumAgents
        var failing: Int
        var passing: Int
        if meetsAll(guess) {
            passing = guess
            failing = -1
            var step = 1
            while passing > 0 {
                let probe = max(0, guess - step)
                if meetsAll(probe) { passing = probe } else { failing = probe; break }
                step *= 2
            }
        } else {
            failing = guess
            passing = maximumAgents
            var step = 1
            while guess + step < maximumAgents {
                let probe = guess + step
                if meetsAll(probe) { passing = probe; break }
                failing = probe
                step *= 2
            }
        }
        while passing - failing > 1 {
            let middle = failing + (passing - failing) / 2
            if meetsAll(middle) { passing = middle } else { failing = middle }
        }
        return evaluate(workload, agents: passing)
    }

    /// Every target met (Erlang C and chat figures; abandonment is not modelled there).
    private func meets(_ performance: QueuePerformance) -> Bool {
        if let level = targets.serviceLevel, performance.serviceLevel < level * (1 - 1e-12) { return false }
        if let asa = targets.maxAverageSpeedOfAnswer, performance.averageSpeedOfAnswer > asa * (1 + 1e-12) { return false }
        if let occupancy = targets.maxOccupancy, performance.occupancy > occupancy * (1 + 1e-12) { return false }
        return true
    }
}
