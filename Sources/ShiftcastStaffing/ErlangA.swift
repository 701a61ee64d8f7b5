import Foundation
import ShiftcastCore

/// Erlang A: the M/M/N+M queue. Poisson arrivals at rate `lambda`, exponential handle times with mean `aht`,
/// `N` agents, first come first served, and each waiting contact abandons after an exponential patience with
/// mean `p` (Palm 1946; Garnett, Mandelbaum & Reiman 2002, "Designing a call center with impatient customers";
/// Mandelbaum & Zeltyn 2004, "The M/M/n+G queue: summary of performance measures").
///
/// The number in system is a birth-death chain with death rate `j / aht` up to `N` and `N / aht + (j - N) / p`
/// above. With `r = p / aht`, `x = N r`, `y = A r` (A the traffic in erlangs), `theta t = t / p`:
///
///     pi_{N+k} / pi_N = y^k / ((x+1)(x+2)...(x+k)),  J = sum_k pi_{N+k} / pi_N = M(1, x+1, y) = P(x, y) / D(x, y)
///     Z = (R - 1) + J,   R = 1 / B(N, A)  (so pi_N = 1 / Z)
///     probability of waiting   = J / Z
///     probability of abandon   = (x + (y - x) J) / (y Z)       (= E[queue] / (lambda p), by Little's law)
///     average speed of answer  = probability of abandon * p    (mean time in queue over all arrivals)
///     occupancy                = A (1 - probability of abandon) / N
///
/// Service level is the chance an arrival is *answered* within `t`; a contact that abandons counts as not
/// answered within `t` whenever it leaves (this is the definition whose value pyworkforce publishes, 0.916792 in
/// its README example). A contact that finds `k` others waiting is answered within `t` with probability
/// `x / (x + k + 1) * I_{1 - z}(k + 1, x + 1)`, `z = exp(-theta t)` (the ahead-of-it queue thins at rates
/// `N / aht + i / p`, a sum of exponentials whose law is a beta law). Summed over `k` with the chain's weights,
///
///     service level = (R - 1) / Z + (x / Z) * integral from z to 1 of s^x e^(y (1 - s)) ds
///
/// and the integral is `(J(x+1, y) - e^E J(x+1, yz)) / (x+1) = (e^E K(x+1, yz) - K(x+1, y)) / (x+1)` with
/// `J = P/D`, `K = Q/D`, `E = y (1 - z) - (x + 1) theta t`. Whichever difference cancels less is used; when
/// both would lose more than one bit the integrand is nearly flat on `[z, 1]` and 20-point Gauss-Legendre
/// quadrature is exact to rounding.
///
/// All sums are carried as logarithms, and in one of two frames (see `State`) so that figures come from ratios of
/// numbers of similar size: nothing overflows or loses digits for 100 000 agents at 50 000 erlangs. The
/// abandonment formula subtracts when `y < x`; when that would lose more than four digits (few contacts
/// waiting, each briefly) the queue tail `sum_k k pi_{N+k} / pi_N` is summed directly instead, which then
/// converges fast.
///
/// - Accuracy: relative error below 1e-10 in every figure (largest seen 1.8e-12), for 0.01 to 50 000 erlangs,
///   1 to 100 000 agents and patience from 0.01 to 100 handle times, checked against the closed forms at 60 digits
///   (`Fixtures/reference/erlang-reference.csv`), which its generator checks against the birth-death chain
///   itself; figures below 1e-300 may round to 0.
/// - Complexity: O(1) per evaluation (four incomplete gamma ratios); the direct tail sum, when used, takes
///   O(1 / (1 - A/N)) terms.
public enum ErlangA {
    /// Every Erlang A figure for `agents` agents.
    ///
    /// - Parameters:
    ///   - agents: at least 0.
    ///   - traffic: offered load in erlangs, finite and at least 0.
    ///   - averageHandleTime: seconds, finite and above 0.
    ///   - meanPatience: seconds, finite and above 0.
    ///   - answerWithin: the service level's `t`, seconds, finite and at least 0.
    /// - Throws: `ShiftcastError(.badData)` for any input outside those ranges.
    public static func performance(agents: Int, traffic: Double, averageHandleTime: Double, meanPatience: Double,
                                   answerWithin: Double) throws -> QueuePerformance {
        try ErlangC.validate(agents: agents, traffic: traffic, averageHandleTime: averageHandleTime,
                             answerWithin: answerWithin)
        guard meanPatience.isFinite, meanPatience > 0 else {
            throw ShiftcastError(.badData, "mean patience must be a finite number of seconds above 0; got \(meanPatience)")
        }
        return State(agents: agents, traffic: traffic, averageHandleTime: averageHandleTime,
                     meanPatience: meanPatience).performance(answerWithin: answerWithin)
    }

    /// The chain for one agent count; figures are computed on demand, so a search asks only for what its
    /// targets need. Inputs already validated.
    ///
    /// The sums are held in one of two frames, so that the figures come out of ratios of numbers of similar size
    /// instead of differences of huge logarithms:
    /// - the *probability frame* (every weight multiplied by `D(x, y)`), when `P(x, y)` is representable: then
    ///   `J D = P(x, y)`, and the tail sums are plain incomplete gamma values (this covers every case where `J`
    ///   is huge: busy queues, many agents, long patience);
    /// - the *sum frame* (weights as they are), otherwise: `P(x, y)` underflows only when `y` is well below `x`,
    ///   and then `J` is moderate.
    struct State {
        let agents: Int
        let traffic: Double
        let averageHandleTime: Double
        let meanPatience: Double
        /// `x = N p / aht` and `y = A p / aht`.
        let x: Double
        let y: Double
        /// Whether the weights are multiplied by `D(x, y)` (see above).
        let probabilityFrame: Bool
        /// `ln D(x, y)`.
        let logTerm: Double
        /// The frame's logarithm of the constant 1: `ln D(x, y)` or 0.
        let logOne: Double
        /// `ln` of the frame's `R - 1` and `J`, and their larger value `scale`.
        let logExcess: Double
        let logTail: Double
        /// `ln J` itself, in either frame.
        let logTailSum: Double
        let scale: Double
        /// `(R - 1)` and `J` in the frame, divided by `e^scale` (one of them is 1), and their sum.
        let excessShare: Double
        let tailShare: Double
        let shareSum: Double

        init(agents: Int, traffic: Double, averageHandleTime: Double, meanPatience: Double) {
            self.agents = agents
            self.traffic = traffic
            self.averageHandleTime = averageHandleTime
            self.meanPatience = meanPatience
            let ratio = meanPatience / averageHandleTime
            x = Double(agents) * ratio
            y = traffic * ratio
            guard agents > 0, traffic > 0 else {
                (probabilityFrame, logTerm, logOne, logExcess, logTail, scale) = (false, 0, 0, -.infinity, 0, 0)
                logTailSum = 0
                (excessShare, tailShare, shareSum) = (0, 1, 1)
                return
            }
            let blocking = InverseBlocking(servers: agents, traffic: traffic).logExcess
            let tails = IncompleteGamma.tails(x, y)
            logTerm = tails.logTerm
            logTailSum = tails.logScaledLower
            probabilityFrame = tails.lower >= 1e-200
            if probabilityFrame {
                logOne = tails.logTerm
                logExcess = blocking + tails.logTerm
                logTail = log(tails.lower)
            } else {
                logOne = 0
                logExcess = blocking
                logTail = tails.logScaledLower
            }
            scale = max(logExcess, logTail)
            excessShare = exp(logExcess - scale)
            tailShare = exp(logTail - scale)
            shareSum = excessShare + tailShare
        }

        var probabilityOfWaiting: Double {
            if traffic == 0 { return 0 }
            if agents == 0 { return 1 }
            return min(1, tailShare / shareSum)
        }

        var probabilityOfAbandoning: Double {
            if traffic == 0 { return 0 }
            if agents == 0 { return 1 }
            return min(1, exp(logQueue - log(y) - scale) / shareSum)
        }

        /// `ln` of the frame's `T = sum_k k pi_{N+k} / pi_N = x + (y - x) J`.
        private var logQueue: Double {
            let constantPart = log(x) + logOne
            if y >= x {
                return y == x ? constantPart : LogSpace.add(constantPart, log(y - x) + logTail)
            }
            // y < x: J is moderate; work in units of the sum itself, T = x - (x - y) J, and keep the
            // difference only while it loses fewer than four digits; else sum the queue directly.
            let queue = x - (x - y) * exp(logTailSum)
            if queue > 1e-4 * x {
                return log(queue) + logOne
            }
            return log(ErlangA.queueTail(x: x, y: y)) + logOne
        }

        /// `A (1 - P(abandon)) / N`, from `1 - P(abandon) = (y (R - 1) + x (J - 1)) / (y Z)` when abandonment is
        /// likely (that sum has no cancellation; `J - 1` is large there).
        var occupancy: Double {
            if traffic == 0 || agents == 0 { return 0 }
            let abandon = probabilityOfAbandoning
            let carried: Double
            if abandon <= 0.5 {
                carried = 1 - abandon
            } else {
                let tailLessOne = tailShare * -expm1(logOne - logTail)
                carried = (y * excessShare + x * tailLessOne) / (y * shareSum)
            }
            return max(0, min(1, traffic * carried / Double(agents)))
        }

        func serviceLevel(answerWithin t: Double) -> Double {
            if traffic == 0 { return 1 }
            if agents == 0 { return 0 }
            let noWait = excessShare / shareSum
            if t == 0 { return min(1, noWait) }
            let logIntegral = probabilityFrame
                ? ErlangA.logAnsweredIntegralTimesTerm(x: x, y: y, scaledTime: t / meanPatience, logTerm: logTerm)
                : ErlangA.logAnsweredIntegral(x: x, y: y, scaledTime: t / meanPatience)
            return min(1, noWait + exp(log(x) + logIntegral - scale) / shareSum)
        }

        func performance(answerWithin t: Double) -> QueuePerformance {
            let abandon = probabilityOfAbandoning
            return QueuePerformance(
                agents: agents, traffic: traffic, probabilityOfWaiting: probabilityOfWaiting,
                serviceLevel: serviceLevel(answerWithin: t), answerWithin: t,
                averageSpeedOfAnswer: abandon * meanPatience, occupancy: occupancy,
                probabilityOfAbandoning: abandon, isStable: true)
        }
    }

    /// `sum_{k >= 1} k y^k / ((x+1)...(x+k))` for `y < x`: every term positive, ratio below `y / x`.
    static func queueTail(x: Double, y: Double) -> Double {
        var term = 1.0
        var sum = 0.0
        var k = 0.0
        while k < 1e8 {
            k += 1
            term *= y / (x + k)
            let addend = k * term
            sum += addend
            if addend <= sum * 1e-17 { break }
        }
        return sum
    }

    /// `ln(D(x, y) * integral from z to 1 of s^x e^(y (1 - s)) ds) = ln((P(x+1, y) - P(x+1, yz)) / y)`, the
    /// probability-frame form of `logAnsweredIntegral`: the difference of plain incomplete gamma values, as
    /// `P(x+1, y) - P(x+1, yz)` or `Q(x+1, yz) - Q(x+1, y)`, whichever cancels less; Gauss-Legendre when both
    /// would lose more than one bit.
    static func logAnsweredIntegralTimesTerm(x: Double, y: Double, scaledTime: Double, logTerm: Double) -> Double {
        let a = x + 1
        let whole = IncompleteGamma.tails(a, y)
        let part = IncompleteGamma.tails(a, y * exp(-scaledTime))
        let lowerRatio = whole.lower > 0 ? part.lower / whole.lower : 1
        let upperRatio = part.upper > 0 ? whole.upper / part.upper : 1
        if lowerRatio <= upperRatio {
            if lowerRatio <= 0.5 { return log(whole.lower - part.lower) - log(y) }
        } else if upperRatio <= 0.5 {
            return log(part.upper - whole.upper) - log(y)
        }
        return GaussLegendre.logIntegral(from: 0, to: -expm1(-scaledTime)) { u in x * log1p(-u) + y * u } + logTerm
    }

    /// `ln` of `integral from z to 1 of s^x e^(y (1 - s)) ds`, `z = exp(-scaledTime)`, for `x, y, scaledTime > 0`.
    static func logAnsweredIntegral(x: Double, y: Double, scaledTime: Double) -> Double {
        let a = x + 1
        let z = exp(-scaledTime)
        let exponent = y * -expm1(-scaledTime) - a * scaledTime       // E = y(1 - z) - (x + 1) theta t
        let whole = IncompleteGamma.tails(a, y)
        let part = IncompleteGamma.tails(a, y * z)
        // Lower form: J(a, y) - e^E J(a, yz) (mass on [0, 1] minus mass on [0, z]).
        let lowerFirst = whole.logScaledLower
        let lowerSecond = exponent + part.logScaledLower
        // Upper form: e^E K(a, yz) - K(a, y) (mass on [z, inf) minus mass on [1, inf)).
        let upperFirst = exponent + part.logScaledUpper
        let upperSecond = whole.logScaledUpper
        let lowerRatio = lowerSecond - lowerFirst
        let upperRatio = upperFirst.isFinite ? upperSecond - upperFirst : 0
        let halving = -log(2.0)
        if lowerRatio <= upperRatio {
            if lowerRatio <= halving { return LogSpace.subtract(lowerFirst, lowerSecond) - log(a) }
        } else if upperRatio <= halving {
            return LogSpace.subtract(upperFirst, upperSecond) - log(a)
        }
        // Nearly flat on [z, 1]: integrate over u = 1 - s, so points near s = 1 keep their accuracy.
        return GaussLegendre.logIntegral(from: 0, to: -expm1(-scaledTime)) { u in x * log1p(-u) + y * u }
    }
}

extension ErlangA {
    /// Gauss-Legendre quadrature with 20 points (Gauss 1814; nodes and weights as in Golub & Welsch 1969,
    /// "Calculation of Gauss quadrature rules", here found by Newton's method on the Legendre polynomial).
    ///
    /// Exact for polynomials of degree 39. Used where an integrand's logarithm varies by less than about 1 over the
    /// interval, where the rule is exact to rounding.
    enum GaussLegendre {
        /// Nodes on [-1, 1] and their weights.
        static let rule: [(node: Double, weight: Double)] = {
            let count = 20
            var rule: [(Double, Double)] = []
            for i in 1...count {
                // Tricomi's starting value, then Newton on P_n.
                var x = cos(Double.pi * (Double(i) - 0.25) / (Double(count) + 0.5))
                var derivative = 0.0
                for _ in 0..<100 {
                    var p0 = 1.0
                    var p1 = x
                    for k in 2...count {
                        let p2 = ((2 * Double(k) - 1) * x * p1 - (Double(k) - 1) * p0) / Double(k)
                        p0 = p1
                        p1 = p2
                    }
                    derivative = Double(count) * (x * p1 - p0) / (x * x - 1)
                    let step = p1 / derivative
                    x -= step
                    if abs(step) < 1e-16 { break }
                }
                rule.append((x, 2 / ((1 - x * x) * derivative * derivative)))
            }
            return rule
        }()

        /// `ln` of the integral of `exp(logIntegrand(u))` from `lower` to `upper` (`lower <= upper`), summed relative
        /// to the largest point value so that nothing overflows.
        static func logIntegral(from lower: Double, to upper: Double, _ logIntegrand: (Double) -> Double) -> Double {
            let half = (upper - lower) / 2
            let middle = (upper + lower) / 2
            let values = rule.map { logIntegrand(middle + half * $0.node) }
            let peak = values.max() ?? 0
            var sum = 0.0
            for (value, point) in zip(values, rule) {
                sum += point.weight * exp(value - peak)
            }
            return peak + log(sum * half)
        }
    }
}
