import Foundation
import ShiftcastCore

/// The volume of an interval as a forecast gives it: a mean and the bounds of a prediction interval.
///
/// Staffing for the forecast's uncertainty reads the volume as normal with that mean and the standard
/// deviation the bounds imply, `(upper - lower) / (2 z)` with `z` the normal quantile of the interval's
/// level (1.2816 for 80%), cut at 0 contacts. A normal is the simplest law with a mean and a spread; the
/// prediction interval itself comes from the backtest's errors (Docs/Forecasting.md).
public struct VolumeUncertainty: Sendable, Equatable {
    /// The two-sided level of the bounds (0.8 for an 80% interval).
    public var level: Double

    public init(level: Double) throws {
        guard level > 0, level < 1 else {
            throw ShiftcastError(.invalidArgument, "a prediction interval's level must be above 0 and below 100%; got \(level)")
        }
        self.level = level
    }

    /// The standard deviation of a volume whose `level` prediction interval is `lower ... upper`.
    public func standardDeviation(lower: Double, upper: Double) -> Double {
        guard lower.isFinite, upper.isFinite, upper > lower else { return 0 }
        return (upper - lower) / (2 * StudentT.normalQuantile((1 + level) / 2))
    }
}

extension StaffingCalculator {
    /// Equiprobable points of the standard normal: the quantiles at (i - 1/2) / 20, i = 1 ... 20.
    private static let normalPoints: [Double] = (1...20).map { index in
        let p = (Double(index) - 0.5) / 20
        return p >= 0.5 ? StudentT.normalQuantile(p) : -StudentT.normalQuantile(1 - p)
    }

    /// The fewest agents whose service, expected over the volume's distribution, meets the targets:
    /// service level and abandonment as shares of all contacts over the distribution (a busier outcome
    /// weighs more, as its contacts do), average speed of answer likewise; occupancy at the mean. Never
    /// fewer than ``agentsNeeded(for:)`` gives at the mean: the uncertainty only adds agents.
    ///
    /// The expectation is over 20 equiprobable points of the normal law of ``VolumeUncertainty``, each
    /// cut at 0 contacts (the midpoint rule on its quantiles).
    /// - Parameter standardDeviation: of the interval's volume, in contacts; 0 staffs at the mean.
    /// - Returns: the performance of the agents chosen, at the mean volume.
    /// - Throws: as ``agentsNeeded(for:)``; `.badData` when more than `maximumAgents` would be needed.
    public func agentsNeeded(for workload: Workload, volumeStandardDeviation standardDeviation: Double) throws -> QueuePerformance {
        let atMean = try agentsNeeded(for: workload)
        guard standardDeviation.isFinite, standardDeviation > 0, workload.volume > 0 else { return atMean }
        let outcomes = Self.normalPoints.map { point -> Workload in
            var outcome = workload
            outcome.volume = max(0, workload.volume + standardDeviation * point)
            return outcome
        }
        var agents = atMean.agents
        while try !meetsTargetsOnAverage(outcomes, agents: agents) {
            agents += 1
            guard agents <= maximumAgents else {
                throw ShiftcastError(.badData, "the forecast's uncertainty needs more than \(maximumAgents) agents in one interval")
            }
        }
        return try performance(of: workload, agents: agents)
    }

    /// Whether `agents` meet the service level, ASA and abandonment targets on average over `outcomes`,
    /// each weighted by its contacts.
    private func meetsTargetsOnAverage(_ outcomes: [Workload], agents: Int) throws -> Bool {
        var contacts = 0.0, inTime = 0.0, waiting = 0.0, abandoned = 0.0
        for outcome in outcomes where outcome.volume > 0 {
            let performance = try performance(of: outcome, agents: agents)
            contacts += outcome.volume
            inTime += outcome.volume * performance.serviceLevel
            waiting += outcome.volume * performance.averageSpeedOfAnswer
            abandoned += outcome.volume * (performance.probabilityOfAbandoning ?? 0)
        }
        guard contacts > 0 else { return true }
        if let target = targets.serviceLevel, inTime / contacts < target { return false }
        if let target = targets.maxAverageSpeedOfAnswer, !(waiting / contacts <= target) { return false }
        if let target = targets.maxAbandonRate, abandoned / contacts > target { return false }
        return true
    }
}
