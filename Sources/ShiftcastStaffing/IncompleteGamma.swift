import Foundation
import ShiftcastCore

/// The regularized incomplete gamma functions `P(a, x)` and `Q(a, x) = 1 - P(a, x)`.
///
///     P(a, x) = 1 / Gamma(a) * integral from 0 to x of t^(a-1) e^(-t) dt
///
/// They carry the whole of Erlang B, C and A: `1 / B(n, A) = 1 + Q(n, A) / D(n, A)` and the Erlang A sums are
/// ratios such as `P(x, y) / D(x, y)`, where `D(a, x) = x^a e^(-x) / Gamma(a + 1)` is the Poisson-type term.
///
/// - Domain: `a > 0` and `x >= 0`, both finite.
/// - Range: `P` and `Q` in [0, 1]; values below the smallest positive `Double` are returned as 0.
/// - Accuracy: relative error below 1e-13 in whichever of `P` and `Q` is smaller, and below 1e-14 in the larger,
///   checked against mpmath at 60 digits (`Fixtures/reference/incomplete-gamma-reference.csv`). Tails below
///   1e-100 carry their exponent's rounding: relative error up to about 5e-16 x |ln value|.
/// - Method: the power series of `P` for `x < a + 1`, Legendre's continued fraction for `Q` (modified Lentz)
///   above, and Temme's uniform asymptotic expansion for `a >= 20` with `|x / a - 1| <= 0.3`, where both of the
///   others slow down (Temme 1979, "The asymptotic expansion of the incomplete gamma functions"; the division of
///   labour follows Gil, Segura & Temme 2012, "Efficient and accurate algorithms for the computation and
///   inversion of the incomplete gamma function ratios"). `D(a, x)` is computed as Loader (2000), "Fast and
///   accurate computation of binomial probabilities", computes the Poisson probability: from the deviance
///   `a ln(a/x) + x - a` and Stirling's error term, so it stays accurate when `a` and `x` are both near 10^9.
/// - Complexity: O(1) in the asymptotic region; otherwise at most a few hundred iterations, fewer the farther
///   `x` lies from `a`.
public enum IncompleteGamma {
    /// `(P(a, x), Q(a, x))`.
    ///
    /// - Throws: `ShiftcastError(.badData)` when `a` is not a finite number above 0 or `x` is not a finite number
    ///   at least 0.
    public static func regularized(_ a: Double, _ x: Double) throws -> (lower: Double, upper: Double) {
        guard a.isFinite, a > 0 else {
            throw ShiftcastError(.badData, "the incomplete gamma function needs a finite a above 0; got \(a)")
        }
        guard x.isFinite, x >= 0 else {
            throw ShiftcastError(.badData, "the incomplete gamma function needs a finite x at least 0; got \(x)")
        }
        let tails = tails(a, x)
        return (tails.lower, tails.upper)
    }

    /// Both tails and their ratios to the Poisson-type term, in whichever form keeps them finite.
    ///
    /// Requires `a > 0` and `x >= 0`, both finite (callers validate).
    static func tails(_ a: Double, _ x: Double) -> GammaTails {
        if x == 0 {
            return GammaTails(lower: 0, upper: 1, logTerm: -.infinity, logScaledLower: 0, logScaledUpper: .infinity)
        }
        let logTerm = logPoissonTerm(a, x)
        if a >= 20, abs(x - a) <= 0.3 * a {
            return UniformAsymptoticGamma.tails(a, x, logTerm: logTerm)
        }
        // Below the diagonal, the series of P; above it, the continued fraction of Q. For a < 1 the continued
        // fraction takes over from x = 0.5 (where it needs under 200 terms), so that Q, small there, is not
        // found as 1 - P.
        if x < a + 1, a >= 1 || x < 0.5 {
            // P(a, x) = D(a, x) * sum_k x^k / ((a + 1) ... (a + k)); the sum is M(1, a + 1, x).
            let sum = lowerSeries(a, x)
            let lower = exp(logTerm + log(sum))
            let upper = 1 - lower
            return GammaTails(lower: lower, upper: upper, logTerm: logTerm, logScaledLower: log(sum),
                              logScaledUpper: log(upper) - logTerm)
        }
        // Q(a, x) = a * D(a, x) * F, F Legendre's continued fraction.
        let scaledUpper = a * upperContinuedFraction(a, x)
        let upper = exp(logTerm + log(scaledUpper))
        let lower = 1 - upper
        return GammaTails(lower: lower, upper: upper, logTerm: logTerm, logScaledLower: log(lower) - logTerm,
                          logScaledUpper: log(scaledUpper))
    }

    /// `sum_{k >= 0} x^k / ((a + 1)(a + 2) ... (a + k))` for `x < a + 1`.
    ///
    /// Every term is positive and the ratio of successive terms, `x / (a + k + 1)`, is below 1: no cancellation.
    static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var denominator = a
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term <= sum * 1e-17 { break }
        }
        return sum
    }

    /// Legendre's continued fraction `1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...)))`,
    /// evaluated by the modified Lentz method (Lentz 1976; Thompson & Barnett 1986). Used for `x >= a + 1`.
    static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var value = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            value *= delta
            if abs(delta - 1) <= 1e-16 { break }
        }
        return value
    }

    /// `ln D(a, x)`, `D(a, x) = x^a e^(-x) / Gamma(a + 1)`, for `a > 0`, `x > 0`.
    ///
    /// For `a >= 10`, `-stirlingError(a) - deviance(a, x) - ln(2 pi a) / 2` (Loader 2000): no large terms cancel.
    static func logPoissonTerm(_ a: Double, _ x: Double) -> Double {
        if a < 10 {
            return a * log(x) - x - lgamma(a + 1)
        }
        return -stirlingError(a) - deviance(a, x) - 0.5 * log(2 * Double.pi * a)
    }

    /// `a ln(a / x) + x - a >= 0`, accurate also when `x` is close to `a` (Loader 2000).
    static func deviance(_ a: Double, _ x: Double) -> Double {
        let difference = a - x
        let total = a + x
        if abs(difference) < 0.2 * total {
            // With v = (a - x) / (a + x): a ln(a / x) = 2a atanh(v) = 2a (v + v^3/3 + v^5/5 + ...), and
            // 2a v - (a - x) = (a - x) v.
            let v = difference / total
            let v2 = v * v
            var sum = difference * v
            var power = 2 * a * v
            var j = 1.0
            while true {
                power *= v2
                let next = sum + power / (2 * j + 1)
                if next == sum { return next }
                sum = next
                j += 1
            }
        }
        return a * log(a / x) + x - a
    }

    /// `ln Gamma(a + 1) - (a + 1/2) ln a + a - ln(2 pi) / 2`, the error of Stirling's formula.
    static func stirlingError(_ a: Double) -> Double {
        if a <= 15 {
            return lgamma(a + 1) - (a + 0.5) * log(a) + a - 0.5 * log(2 * Double.pi)
        }
        // 1/(12a) - 1/(360a^3) + 1/(1260a^5) - 1/(1680a^7) + 1/(1188a^9) - 691/(360360a^11)
        let inverse = 1 / a
        let inverse2 = inverse * inverse
        let series = 1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 * (1.0 / 1680
            - inverse2 * (1.0 / 1188 - inverse2 * (691.0 / 360_360)))))
        return series * inverse
    }
}

/// `P(a, x)`, `Q(a, x)` and their ratios to `D(a, x) = x^a e^(-x) / Gamma(a + 1)`, as logarithms.
///
/// `P / D = M(1, a + 1, x) = sum_k x^k / ((a + 1) ... (a + k))` is the Erlang A tail sum; either ratio may exceed
/// the range of `Double` (or `D` underflow) while the logarithms stay finite.
struct GammaTails: Sendable {
    var lower: Double
    var upper: Double
    /// `ln D(a, x)`; `-infinity` at `x = 0`.
    var logTerm: Double
    /// `ln(P(a, x) / D(a, x))`, at least 0.
    var logScaledLower: Double
    /// `ln(Q(a, x) / D(a, x))`; `+infinity` at `x = 0`.
    var logScaledUpper: Double
}

/// Small helpers for sums held as logarithms.
enum LogSpace {
    /// `ln(e^a + e^b)` without overflow.
    static func add(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let high = max(a, b)
        return high + log1p(exp(min(a, b) - high))
    }

    /// `ln(1 + e^a)`.
    static func onePlusExp(_ a: Double) -> Double {
        a > 0 ? a + log1p(exp(-a)) : log1p(exp(a))
    }

    /// `ln(e^a - e^b)` for `a >= b`; `-infinity` when they are equal.
    static func subtract(_ a: Double, _ b: Double) -> Double {
        if b == -.infinity { return a }
        let gap = b - a
        if gap >= 0 { return -.infinity }
        return a + log(-expm1(gap))
    }
}
