import Foundation

/// Temme's uniform asymptotic expansion of the incomplete gamma function, for large `a` with `x` near `a`.
///
/// With `lambda = x / a`, `eta^2 / 2 = lambda - 1 - ln(lambda)` and `sign(eta) = sign(lambda - 1)`:
///
///     Q(a, x) = erfc(eta sqrt(a/2)) / 2 + exp(-a eta^2 / 2) / sqrt(2 pi a) * S,   S = sum_k C_k(eta) a^-k
///     P(a, x) = erfc(-eta sqrt(a/2)) / 2 - exp(-a eta^2 / 2) / sqrt(2 pi a) * S
///
/// (Temme 1979; Temme 1996, "Special functions", section 11.2.4). Here it is used for `a >= 20` and
/// `|lambda - 1| <= 0.3`, so `|eta| < 0.36`; each `C_k` is a Taylor polynomial of degree 25 whose coefficients
/// come from `Tests/Reference/temme_coefficients.py`. Ten terms give a relative error below 2e-15 at `a = 20`
/// (fewer are summed for larger `a`, once `a^-k` drops below 1e-17).
///
/// The ratios to `D(a, x) = x^a e^(-x) / Gamma(a + 1)` follow without computing `exp(-a eta^2 / 2)`, because
/// `a eta^2 / 2` is exactly the deviance in `D`: the tail that would underflow is returned through the scaled
/// complementary error function `erfcx`.
///
/// - Complexity: O(1): at most 10 polynomials of degree 25.
enum UniformAsymptoticGamma {
    static func tails(_ a: Double, _ x: Double, logTerm: Double) -> GammaTails {
        let deviance = IncompleteGamma.deviance(a, x)
        let eta = (x >= a ? 1.0 : -1.0) * (2 * deviance / a).squareRoot()
        let series = sum(eta: eta, a: a)
        let xi = abs(eta) * (a / 2).squareRoot()           // xi^2 = deviance
        let root = (2 * Double.pi * a).squareRoot()
        let stirling = IncompleteGamma.stirlingError(a)
        // The smaller tail divided by D(a, x): exp(stirling) * (root * erfcx(xi) / 2 -/+ S).
        if x >= a {
            let scaledUpper = exp(stirling) * (root * 0.5 * scaledComplementaryError(xi) + series)
            let upper = exp(-deviance) * (0.5 * scaledComplementaryError(xi) + series / root)
            let lower = 1 - upper
            return GammaTails(lower: lower, upper: upper, logTerm: logTerm,
                              logScaledLower: log(lower) - logTerm, logScaledUpper: log(scaledUpper))
        } else {
            let scaledLower = exp(stirling) * (root * 0.5 * scaledComplementaryError(xi) - series)
            let lower = exp(-deviance) * (0.5 * scaledComplementaryError(xi) - series / root)
            let upper = 1 - lower
            return GammaTails(lower: lower, upper: upper, logTerm: logTerm,
                              logScaledLower: log(scaledLower), logScaledUpper: log(upper) - logTerm)
        }
    }

    /// `sum_k C_k(eta) a^-k`, stopping once `a^-k < 1e-17`.
    static func sum(eta: Double, a: Double) -> Double {
        let inverse = 1 / a
        var total = 0.0
        var scale = 1.0
        for row in coefficients {
            var value = 0.0
            for coefficient in row.reversed() {
                value = value * eta + coefficient
            }
            total += value * scale
            scale *= inverse
            if scale < 1e-17 { break }
        }
        return total
    }

    /// `erfcx(x) = exp(x^2) erfc(x)` for `x >= 0`, to a few units in the last place.
    ///
    /// Below 26, `exp(x^2) * erfc(x)` with `x^2` split exactly into a rounded part and its error (so the
    /// exponential adds no error of its own); above, Laplace's continued fraction
    /// `erfcx(x) = 1 / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))`, which needs a dozen terms there.
    static func scaledComplementaryError(_ x: Double) -> Double {
        if x < 26 {
            let square = x * x
            let low = (-square).addingProduct(x, x)                 // exactly x*x - square, by a fused multiply-add
            return exp(square) * erfc(x) * (1 + low)
        }
        // Evaluate the continued fraction from the tail: 30 levels are ample for x >= 26.
        var tail = x
        for k in stride(from: 30, through: 1, by: -1) {
            tail = x + (Double(k) / 2) / tail
        }
        return 1 / (Double.pi.squareRoot() * tail)
    }
}
