import Foundation

/// One replication of a simulation: every contact of the horizon, first come first served.
///
/// With agents alike and contacts served in the order they arrive, a contact's fate depends only on when
/// each server (an agent's chat slot, or the agent) can next take a contact: it goes to the one free
/// soonest, waits until then, and abandons instead if its patience runs out first. So the run keeps one
/// time per server in a binary heap and never simulates a queue: the workload-vector recursion of Kiefer
/// and Wolfowitz (1955, "On the theory of queues with many servers", Trans. AMS 78:1), with abandonment
/// as in Garnett, Mandelbaum and Reiman (2002, M/M/N+M). A server's time is always one at which its
/// agent works (or infinity after their last span): a server that frees up during a break, or after the
/// shift's end, is next free when the agent's next span starts. The queue carries from one interval to
/// the next because nothing resets at an interval's edge.
struct SimulationRun {
    /// The counts of one replication, per interval of arrival (busy time per interval in which it fell).
    struct Counts {
        var offered: [Double]
        var answeredInTime: [Double]
        var abandoned: [Double]
        /// Contacts that found every server busy (waited more than 0 s), abandoning or not.
        var waited: [Double]
        /// Seconds in queue summed over all contacts: to the answer, or to abandoning.
        var waitSeconds: [Double]
        /// Server-seconds spent on contacts.
        var busySeconds: [Double]
        /// Seconds agents worked (took contacts), after shrinkage.
        var agentSeconds: [Double]

        init(intervals: Int) {
            offered = Array(repeating: 0, count: intervals)
            answeredInTime = offered
            abandoned = offered
            waited = offered
            waitSeconds = offered
            busySeconds = offered
            agentSeconds = offered
        }
    }

    let input: SimulationInput
    let settings: SimulationSettings

    /// The servers' agents: agent `i` provides servers `i * concurrency ..< (i + 1) * concurrency`.
    private var serverCount: Int { input.agents.count * settings.concurrency }

    /// Runs replication `stream`. `observe`, when given, is told of each contact in arrival order: when it
    /// arrived and when it left the queue (answered, abandoned, or the horizon's end when no agent was
    /// left to answer it), and whether it was answered.
    func counts(stream: Int, observe: ((_ arrival: Double, _ leftQueue: Double, _ answered: Bool) -> Void)? = nil) -> Counts {
        var random = RandomSource(seed: settings.seed, stream: stream)
        var counts = Counts(intervals: input.intervals.count)
        let working = workingSpans(random: &random)
        counts.agentSeconds = input.workedSeconds(working)
        var servers = ServerHeap(working: working, concurrency: settings.concurrency)
        let length = Double(input.intervalSeconds)
        let horizonEnd = Double(input.horizonSeconds)
        var arrivals: [Double] = []
        for (index, interval) in input.intervals.enumerated() {
            let start = Double(index) * length
            arrivalTimes(of: interval, from: start, length: length, random: &random, into: &arrivals)
            for arrival in arrivals {
                counts.offered[index] += 1
                let (server, answer) = servers.earliestStart(atOrAfter: arrival)
                let wait = answer - arrival
                if wait > 0 { counts.waited[index] += 1 }
                if let patience = settings.meanPatience.map({ random.exponential(mean: $0) }), patience < wait {
                    counts.abandoned[index] += 1
                    counts.waitSeconds[index] += patience
                    observe?(arrival, arrival + patience, false)
                    continue
                }
                guard answer.isFinite else {  // no agent works again: waits until the horizon ends, unanswered
                    counts.waitSeconds[index] += max(0, horizonEnd - arrival)
                    observe?(arrival, max(arrival, horizonEnd), false)
                    continue
                }
                observe?(arrival, answer, true)
                counts.waitSeconds[index] += wait
                if wait <= settings.answerWithin { counts.answeredInTime[index] += 1 }
                let end = answer + handleTime(mean: interval.averageHandleTime, random: &random)
                addBusy(from: answer, to: end, length: length, into: &counts.busySeconds)
                servers.take(server, until: end)
            }
        }
        return counts
    }

    /// Each agent's working spans in this replication: all of them, or under shrinkage each kept with
    /// probability 1 - shrinkage.
    private func workingSpans(random: inout RandomSource) -> [[Range<Int>]] {
        guard settings.shrinkage > 0 else { return input.agents.map(\.working) }
        return input.agents.map { agent in agent.working.filter { _ in random.uniform() >= settings.shrinkage } }
    }

    /// The arrival times of one interval, in order, into `times` (replacing what it held).
    private func arrivalTimes(of interval: SimulationInput.Interval, from start: Double, length: Double,
                              random: inout RandomSource, into times: inout [Double]) {
        times.removeAll(keepingCapacity: true)
        guard interval.volume > 0 else { return }
        switch settings.arrivals {
        case .poisson:
            // Exponential gaps at the interval's rate; memoryless, so restarting at its edge changes nothing.
            let gap = length / interval.volume
            var time = start + random.exponential(mean: gap)
            while time < start + length {
                times.append(time)
                time += random.exponential(mean: gap)
            }
        case .replay:
            // n sorted uniform times from n + 1 exponential spacings (Devroye 1986, "Non-uniform random
            // variate generation", section V.3), in O(n) rather than sorting.
            let count = Int(interval.volume.rounded())
            guard count > 0 else { return }
            var total = 0.0
            for _ in 0..<count {
                total += random.exponential(mean: 1)
                times.append(total)
            }
            total += random.exponential(mean: 1)
            for index in times.indices { times[index] = start + times[index] / total * length }
        }
    }

    /// A handle time with the given mean.
    @inline(__always)
    private func handleTime(mean: Double, random: inout RandomSource) -> Double {
        switch settings.handleTimes {
        case .exponential:
            return random.exponential(mean: mean)
        case .logNormal(let variation):
            let sigmaSquared = log1p(variation * variation)
            return exp(log(mean) - sigmaSquared / 2 + sigmaSquared.squareRoot() * random.normal())
        }
    }

    /// Adds the busy time `from ..< to` to the intervals it falls in (none past the horizon).
    @inline(__always)
    private func addBusy(from start: Double, to end: Double, length: Double, into busy: inout [Double]) {
        var index = Int(start / length), time = start
        while time < end, index < busy.count {
            let edge = Double(index + 1) * length
            busy[index] += min(end, edge) - time
            time = edge
            index += 1
        }
    }
}

/// The servers, ordered by the time each can next start a contact: a binary min-heap of server numbers
/// over their times, with each server's position in its agent's working spans.
struct ServerHeap {
    private var heap: [Int]
    private var time: [Double]
    private var span: [Int]
    private let agentOf: [Int]
    private let working: [[Range<Int>]]

    init(working: [[Range<Int>]], concurrency: Int) {
        self.working = working
        agentOf = working.indices.flatMap { Array(repeating: $0, count: concurrency) }
        span = Array(repeating: 0, count: agentOf.count)
        time = Array(repeating: 0, count: agentOf.count)
        heap = Array(agentOf.indices)
        for server in heap { time[server] = nextWorking(server, atOrAfter: 0) }
        for position in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(position) }
    }

    /// The server that can start a contact soonest at or after `arrival`, and when (infinity when none
    /// ever can). The server stays in the heap; ``take(_:until:)`` books it.
    mutating func earliestStart(atOrAfter arrival: Double) -> (server: Int, start: Double) {
        guard !heap.isEmpty else { return (-1, .infinity) }
        while true {
            let server = heap[0]
            if time[server] >= arrival { return (server, time[server]) }
            // Free since before the arrival, but maybe on a break at it: its agent's next working moment.
            let start = nextWorking(server, atOrAfter: arrival)
            if start == arrival { return (server, start) }
            time[server] = start
            siftDown(0)
        }
    }

    /// Books the server at the top of the heap until `end`: it is next free when its agent next works.
    mutating func take(_ server: Int, until end: Double) {
        assert(heap.first == server, "take(_:until:) books the server earliestStart returned")
        time[server] = nextWorking(server, atOrAfter: end)
        siftDown(0)
    }

    /// The first moment at or after `moment` at which the server's agent works; infinity after their
    /// last span. Times only move forward, so each server walks its spans once.
    private mutating func nextWorking(_ server: Int, atOrAfter moment: Double) -> Double {
        let spans = working[agentOf[server]]
        var index = span[server]
        while index < spans.count, Double(spans[index].upperBound) <= moment { index += 1 }
        span[server] = index
        guard index < spans.count else { return .infinity }
        return max(moment, Double(spans[index].lowerBound))
    }

    private mutating func siftDown(_ start: Int) {
        var position = start
        let count = heap.count
        while true {
            let left = 2 * position + 1
            guard left < count else { return }
            var smallest = left
            let right = left + 1
            if right < count, time[heap[right]] < time[heap[left]] { smallest = right }
            guard time[heap[smallest]] < time[heap[position]] else { return }
            heap.swapAt(position, smallest)
            position = smallest
        }
    }
}
