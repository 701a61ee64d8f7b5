import Foundation
import ShiftcastCore

/// The service a schedule gives: a discrete-event simulation of a horizon's contacts against its agents,
/// replicated in parallel, each replication on its own seeded stream (``SimulationRun``).
///
/// Where the Erlang formulas assume a steady state inside each interval, the simulation carries the queue
/// from one interval into the next, lets agents go on breaks and end their shifts, draws handle times
/// that need not be exponential, and counts what each interval actually got. On a stationary horizon with
/// exponential handle times it agrees with Erlang C (and, with patience, Erlang A) within its
/// confidence intervals (`SimulationTests`).
///
///     let input = try SimulationInput(intervalSeconds: 900, intervals: intervals, agents: agents)
///     let result = try ServiceSimulation.run(input, settings: SimulationSettings(replications: 100))
///     result.total.serviceLevel.mean   // answered within 20 s over offered, the whole horizon
public enum ServiceSimulation {
    /// Simulates `input` under `settings`.
    ///
    /// - Parameters:
    ///   - spans: ranges of interval indices to report as a whole besides each interval and the horizon
    ///     (the days of a week).
    /// - Throws: `ShiftcastError(.invalidArgument)` for settings out of range, or a horizon whose expected
    ///   contacts times the replications exceed ``InputLimits/maximumSimulatedContacts``; `.badData` for a
    ///   span outside the horizon.
    /// - Complexity: O(replications x contacts x log(agents x concurrency)), over the cores.
    public static func run(_ input: SimulationInput, settings: SimulationSettings, spans: [Range<Int>] = []) throws
        -> SimulationResult {
        try settings.validate()
        let contacts = input.intervals.reduce(0) { $0 + $1.volume }
        guard contacts * Double(settings.replications) <= InputLimits.maximumSimulatedContacts else {
            throw ShiftcastError(.invalidArgument, "\(Int(contacts)) contacts times \(settings.replications) replications is more than "
                + "the \(Int(InputLimits.maximumSimulatedContacts)) one simulation draws (Docs/Limits.md); give fewer replications or a shorter horizon")
        }
        if let outside = spans.first(where: { $0.lowerBound < 0 || $0.upperBound > input.intervals.count }) {
            throw ShiftcastError(.badData, "the span of intervals \(outside) is outside the horizon's \(input.intervals.count)")
        }
        let run = SimulationRun(input: input, settings: settings)
        var reduction = Reduction(input: input, concurrency: settings.concurrency, spans: spans)
        // Batches of replications run over the cores, then join the sums in replication order.
        let batch = max(1, 4 * ProcessInfo.processInfo.activeProcessorCount)
        for first in stride(from: 0, to: settings.replications, by: batch) {
            let count = min(batch, settings.replications - first)
            let results = ConcurrentResults<SimulationRun.Counts>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                results[offset] = run.counts(stream: first + offset)
            }
            for counts in results.values { reduction.add(counts!) }
        }
        return reduction.result(replications: settings.replications)
    }
}

/// The replications' counts turned into figures: per interval, per span and over the horizon.
private struct Reduction {
    /// The sums of one replication over some intervals.
    struct Sums {
        var offered = 0.0, inTime = 0.0, abandoned = 0.0, waited = 0.0, waitSeconds = 0.0, busy = 0.0, agentSeconds = 0.0

        init(_ counts: SimulationRun.Counts, _ range: Range<Int>) {
            for index in range {
                offered += counts.offered[index]
                inTime += counts.answeredInTime[index]
                abandoned += counts.abandoned[index]
                waited += counts.waited[index]
                waitSeconds += counts.waitSeconds[index]
                busy += counts.busySeconds[index]
                agentSeconds += counts.agentSeconds[index]
            }
        }
    }

    /// The accumulators of one interval or span.
    struct Figures {
        let range: Range<Int>
        let seconds: Double, concurrency: Double
        var volume = EstimateAccumulator(), agents = EstimateAccumulator(), serviceLevel = EstimateAccumulator()
        var speed = EstimateAccumulator(), abandoned = EstimateAccumulator(), waiting = EstimateAccumulator()
        var occupancy = EstimateAccumulator()

        mutating func add(_ sums: Sums) {
            volume.add(sums.offered)
            agents.add(sums.agentSeconds / seconds)
            if sums.offered > 0 {
                serviceLevel.add(sums.inTime / sums.offered)
                speed.add(sums.waitSeconds / sums.offered)
                abandoned.add(sums.abandoned / sums.offered)
                waiting.add(sums.waited / sums.offered)
            }
            let serverSeconds = sums.agentSeconds * concurrency
            occupancy.add(serverSeconds > 0 ? min(1, sums.busy / serverSeconds) : 0)
        }

        var figures: SimulationResult.Figures {
            SimulationResult.Figures(
                volume: volume.estimate(empty: 0), agents: agents.estimate(empty: 0).mean,
                serviceLevel: serviceLevel.estimate(empty: 1, range: 0...1), averageSpeedOfAnswer: speed.estimate(empty: 0),
                abandonRate: abandoned.estimate(empty: 0, range: 0...1), probabilityOfWaiting: waiting.estimate(empty: 0, range: 0...1),
                occupancy: occupancy.estimate(empty: 0, range: 0...1))
        }
    }

    var intervals: [Figures], spans: [Figures], total: Figures

    init(input: SimulationInput, concurrency: Int, spans ranges: [Range<Int>]) {
        func figures(_ range: Range<Int>) -> Figures {
            Figures(range: range, seconds: Double(max(1, range.count * input.intervalSeconds)), concurrency: Double(concurrency))
        }
        intervals = input.intervals.indices.map { figures($0..<($0 + 1)) }
        spans = ranges.map(figures)
        total = figures(0..<input.intervals.count)
    }

    mutating func add(_ counts: SimulationRun.Counts) {
        for index in intervals.indices { intervals[index].add(Sums(counts, intervals[index].range)) }
        for index in spans.indices { spans[index].add(Sums(counts, spans[index].range)) }
        total.add(Sums(counts, total.range))
    }

    func result(replications: Int) -> SimulationResult {
        SimulationResult(replications: replications, intervals: intervals.map(\.figures), spans: spans.map(\.figures),
                         total: total.figures)
    }
}
