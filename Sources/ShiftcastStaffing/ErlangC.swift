import Foundation
import ShiftcastCore

/// Erlang C: the M/M/N queue. Poisson arrivals, exponential handle times, `N` agents, first come first served,
/// nobody abandons (Erlang 1917; see e.g. Gross, Shortle, Thompson & Harris 2008, "Fundamentals of Queueing
/// Theory", section 2.3).
///
/// With traffic `A` erlangs and `R = 1 / B(N, A)` (`ErlangB`), for `N > A`:
///
///     probability of waiting  C = N / ((N - A) R + A)
///     1 - C                     = (N - A)(R - 1) / ((N - A) R + A)
///     service level             = 1 - C exp(-(N - A) t / aht)  = (1 - C) + C (1 - exp(-(N - A) t / aht))
///     average speed of answer   = C aht / (N - A)
///     occupancy                 = A / N
///
/// When more than half the contacts wait longer than `t`, the service level is summed from its two non-negative
/// parts, so it keeps full relative accuracy even close to 0 (`N` just above `A`, small `t`); otherwise it is
/// `1 - C exp(...)`, exact to rounding near 1. With `N <= A` the queue is unstable: C = 1, service level 0,
/// average speed of answer +infinity, every agent always busy (occupancy 1).
///
/// - Accuracy: relative error below 1e-12 in every figure (largest seen 2.3e-13) for up to 100 000 agents and
///   0.01 to 50 000 erlangs, checked against mpmath at 60 digits (`Fixtures/reference/erlang-reference.csv`).
/// - Complexity: O(1) per evaluation; O(1) per extra agent when stepping through `N` (see `InverseBlocking`).
public enum ErlangC {
    /// `C(agents, traffic)`, the probability that an arrival waits, in [0, 1].
    ///
    /// - Throws: `ShiftcastError(.badData)` for negative agents or a traffic that is negative or not finite.
    public static func probabilityOfWaiting(agents: Int, traffic: Double) throws -> Double {
        try performance(agents: agents, traffic: traffic, averageHandleTime: 1, answerWithin: 0).probabilityOfWaiting
    }

    /// Every Erlang C figure for `agents` agents.
    ///
    /// - Parameters:
    ///   - agents: at least 0.
    ///   - traffic: offered load in erlangs, finite and at least 0.
    ///   - averageHandleTime: seconds, finite and above 0.
    ///   - answerWithin: the service level's `t`, seconds, finite and at least 0.
    /// - Throws: `ShiftcastError(.badData)` for any input outside those ranges.
    public static func performance(agents: Int, traffic: Double, averageHandleTime: Double,
                                   answerWithin: Double) throws -> QueuePerformance {
        try validate(agents: agents, traffic: traffic, averageHandleTime: averageHandleTime,
                     answerWithin: answerWithin)
        return evaluate(servers: agents, traffic: traffic, averageHandleTime: averageHandleTime,
                        answerWithin: answerWithin)
    }

    /// Throws `ShiftcastError(.badData)` unless agents >= 0, traffic finite >= 0, handle time finite > 0 and
    /// answer-within time finite >= 0.
    static func validate(agents: Int, traffic: Double, averageHandleTime: Double, answerWithin: Double) throws {
        guard agents >= 0 else {
            throw ShiftcastError(.badData, "agents must be at least 0; got \(agents)")
        }
        guard traffic.isFinite, traffic >= 0 else {
            throw ShiftcastError(.badData, "traffic must be a finite number of erlangs, at least 0; got \(traffic)")
        }
        guard averageHandleTime.isFinite, averageHandleTime > 0 else {
            throw ShiftcastError(.badData, "average handle time must be a finite number of seconds above 0; got \(averageHandleTime)")
        }
        guard answerWithin.isFinite, answerWithin >= 0 else {
            throw ShiftcastError(.badData, "answer-within time must be a finite number of seconds, at least 0; got \(answerWithin)")
        }
    }

    /// The figures for `servers` servers, built from a fresh `1 / B`. Inputs already validated.
    static func evaluate(servers: Int, traffic: Double, averageHandleTime: Double,
                         answerWithin: Double) -> QueuePerformance {
        if traffic == 0 {
            return .idle(agents: servers, answerWithin: answerWithin, abandonment: false)
        }
        if Double(servers) <= traffic {
            return unstable(servers: servers, traffic: traffic, answerWithin: answerWithin)
        }
        return evaluate(InverseBlocking(servers: servers, traffic: traffic), averageHandleTime: averageHandleTime,
                        answerWithin: answerWithin)
    }

    /// The figures for `load.servers > load.traffic > 0`.
    static func evaluate(_ load: InverseBlocking, averageHandleTime: Double, answerWithin: Double) -> QueuePerformance {
        let servers = Double(load.servers)
        let traffic = load.traffic
        let headroom = servers - traffic
        let logHeadroom = log(headroom)
        // ln((N - A) R + A)
        let logDenominator = LogSpace.add(logHeadroom + load.logValue, log(traffic))
        let wait = exp(log(servers) - logDenominator)
        let noWait = exp(logHeadroom + load.logExcess - logDenominator)
        let decay = -headroom * answerWithin / averageHandleTime
        let late = wait * exp(decay)
        // 1 - late keeps full accuracy near 1; the sum of the two non-negative parts keeps it near 0.
        let serviceLevel = late < 0.5 ? 1 - late : noWait + wait * -expm1(decay)
        return QueuePerformance(
            agents: load.servers, traffic: traffic,
            probabilityOfWaiting: min(1, wait),
            serviceLevel: min(1, serviceLevel),
            answerWithin: answerWithin,
            averageSpeedOfAnswer: wait * averageHandleTime / headroom,
            occupancy: min(1, traffic / servers),
            probabilityOfAbandoning: nil, isStable: true)
    }

    static func unstable(servers: Int, traffic: Double, answerWithin: Double) -> QueuePerformance {
        QueuePerformance(agents: servers, traffic: traffic, probabilityOfWaiting: 1, serviceLevel: 0,
                         answerWithin: answerWithin, averageSpeedOfAnswer: .infinity,
                         occupancy: servers == 0 ? 0 : 1, probabilityOfAbandoning: nil, isStable: false)
    }
}
