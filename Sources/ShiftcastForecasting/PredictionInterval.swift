/// Prediction intervals from backtest residuals: quantiles of `(actual - forecast) / sqrt(forecast + 1)`,
/// the residual on a Poisson-like scale, so one pair of quantiles serves quiet and busy intervals.
///
/// Empirical intervals from out-of-sample errors: Hyndman and Athanasopoulos, FPP3 section 5.5 (bootstrap
/// residuals) and Lee and Scholtes (2014) on calibrating with cross-validation errors. Coverage is only
/// as good as the folds are like the future.
public struct PredictionInterval: Sendable, Equatable {
    /// The scaled-residual quantiles at the lower and upper ends.
    public var lowerQuantile: Double
    public var upperQuantile: Double

    /// - Parameters:
    ///   - residuals: scaled residuals (see ``scaledResidual(actual:forecast:)``); need not be sorted.
    ///   - level: the nominal coverage in (0, 1), 0.8 for 80%.
    /// - Complexity: O(n log n).
    public init(residuals: [Double], level: Double) {
        let sorted = residuals.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { lowerQuantile = 0; upperQuantile = 0; return }
        func quantile(_ p: Double) -> Double {
            let x = p * Double(sorted.count - 1)
            let low = Int(x.rounded(.down)), high = min(low + 1, sorted.count - 1)
            return sorted[low] + (x - Double(low)) * (sorted[high] - sorted[low])
        }
        lowerQuantile = quantile((1 - level) / 2)
        upperQuantile = quantile((1 + level) / 2)
    }

    public static func scaledResidual(actual: Double, forecast: Double) -> Double {
        (actual - forecast) / (max(forecast, 0) + 1).squareRoot()
    }

    /// The interval around `forecast`, never below 0 and always containing the forecast.
    public func bounds(around forecast: Double) -> (lower: Double, upper: Double) {
        let scale = (max(forecast, 0) + 1).squareRoot()
        return (max(0, min(forecast, forecast + lowerQuantile * scale)), max(forecast, forecast + upperQuantile * scale))
    }
}
