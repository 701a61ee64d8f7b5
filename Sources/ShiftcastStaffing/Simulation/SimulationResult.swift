import Foundation

/// What a simulation found: per interval, per span of intervals asked for (a day), and over the
/// horizon, each figure the mean over the replications with its 95% interval.
public struct SimulationResult: Sendable, Equatable {
    /// A mean over replications and the bounds of its 95% confidence interval (Student's t with one
    /// fewer degrees of freedom than replications; the mean alone when there was one).
    public struct Estimate: Sendable, Equatable {
        public var mean: Double
        public var low: Double
        public var high: Double

        public init(mean: Double, low: Double, high: Double) {
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    /// The figures of one interval or span (SPEC section 3, Simulation file; section 4's definitions).
    public struct Figures: Sendable, Equatable {
        /// Contacts offered.
        public var volume: Estimate
        /// Agents at work, on average over the time (a half-hour worked in a one-hour interval is 0.5).
        public var agents: Double
        /// Answered within the target time, over offered (1 with nothing offered).
        public var serviceLevel: Estimate
        /// Seconds in queue, on average over the contacts offered: to the answer, or to abandoning.
        public var averageSpeedOfAnswer: Estimate
        /// Abandoned, over offered.
        public var abandonRate: Estimate
        /// Found every agent busy (waited), over offered.
        public var probabilityOfWaiting: Estimate
        /// Time on contacts over the time agents were at work (capped at 1: an agent finishing a contact
        /// after their shift works beyond it); 0 with no agent at work.
        public var occupancy: Estimate
    }

    public let replications: Int
    public let intervals: [Figures]
    /// The spans asked for, in their order.
    public let spans: [Figures]
    /// The whole horizon.
    public let total: Figures
}

/// Means and 95% intervals of figures over replications, added in replication order so that the
/// result is the same to the last bit however the replications were scheduled.
struct EstimateAccumulator {
    private var count = 0.0, sum = 0.0, sumOfSquares = 0.0

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        sumOfSquares += value * value
    }

    /// The estimate; `empty` when no replication had a value (nothing offered in any). The interval's
    /// bounds are kept within `range`, where the figure lives (a share cannot pass 1, a wait cannot go
    /// below 0, whatever the t interval's symmetry says).
    func estimate(empty: Double, range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude) -> SimulationResult.Estimate {
        guard count > 0 else { return SimulationResult.Estimate(mean: empty, low: empty, high: empty) }
        let mean = sum / count
        guard count > 1 else { return SimulationResult.Estimate(mean: mean, low: mean, high: mean) }
        let variance = max(0, (sumOfSquares - sum * mean) / (count - 1))
        let half = StudentT.quantile(probability: 0.975, degreesOfFreedom: count - 1) * (variance / count).squareRoot()
        return SimulationResult.Estimate(mean: mean, low: max(range.lowerBound, mean - half), high: min(range.upperBound, mean + half))
    }
}
