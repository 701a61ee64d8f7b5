import Foundation

/// Quantiles of Student's t distribution.
enum StudentT {
    /// The `probability` quantile (0.5 to 0.9999) for `degreesOfFreedom` (1 or more): the normal quantile
    /// corrected by the Cornish-Fisher expansion in 1/df (Abramowitz and Stegun 1964, 26.7.5), within
    /// 0.2% of the exact value at 3 degrees of freedom and 0.1% from 9; table values below 3.
    static func quantile(probability: Double, degreesOfFreedom: Double) -> Double {
        if probability == 0.975, degreesOfFreedom < 3 { return degreesOfFreedom < 2 ? 12.7062 : 4.3027 }
        if probability == 0.995, degreesOfFreedom < 3 { return degreesOfFreedom < 2 ? 63.6567 : 9.9248 }
        let z = normalQuantile(probability), n = degreesOfFreedom
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n)
    }

    /// The standard normal quantile for 0.5 <= p < 1 (Acklam's rational approximation, relative error
    /// below 1.2e-9, then one Newton step on erfc).
    static func normalQuantile(_ p: Double) -> Double {
        let q = (-2 * log(1 - p)).squareRoot()
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p > 0.97575 {
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                     -3.066479806614716e+01, 2.506628277459239e+00]
            let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                     -1.328068155288572e+01]
            let r = p - 0.5, s = r * r
            x = (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r
                / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
        }
        let error = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
