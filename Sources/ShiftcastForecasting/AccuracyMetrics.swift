/// Accuracy of forecasts against actuals over the folds of a backtest.
///
/// - `wape`: sum of absolute errors / sum of actuals, after summing forecasts and actuals finer than
///   30 minutes into 30-minute intervals (issue 3: at 6 minutes Poisson noise alone dominates); hourly and
///   daily data are scored as they are. 0 is perfect; `.nan` when the actuals sum to 0.
/// - `mase`: mean absolute error at the data's own interval, scaled by the in-sample mean absolute error of
///   the weekly seasonal naive forecast before each fold's origin (Hyndman and Koehler 2006), averaged
///   over folds. Below 1 beats seasonal naive.
/// - `bias`: (sum of forecasts - sum of actuals) / sum of actuals; above 0 over-forecasts.
/// - `coverage`: share of actuals inside the prediction interval, in [0, 1].
public struct AccuracyMetrics: Sendable, Equatable {
    public var wape: Double
    public var mase: Double
    public var bias: Double
    public var coverage: Double

    public init(wape: Double, mase: Double, bias: Double, coverage: Double) {
        self.wape = wape; self.mase = mase; self.bias = bias; self.coverage = coverage
    }

    /// How many positions of data with `slotsPerDay` are summed into one scored interval.
    public static func scoringBlock(slotsPerDay: Int) -> Int {
        let step = 86_400 / slotsPerDay
        return step < 1800 && 1800 % step == 0 ? 1800 / step : 1
    }

    /// Absolute error and actual totals of one fold at the scoring interval: positions whose actual is
    /// missing are left out of both sides.
    /// - Complexity: O(horizon).
    static func weightedErrors(origin: Int, forecast: [Double], actual: [Double], block: Int)
        -> (absoluteError: Double, actual: Double, forecast: Double) {
        var absoluteError = 0.0, actualSum = 0.0, forecastSum = 0.0
        var blockForecast = 0.0, blockActual = 0.0
        var currentBlock = origin / block
        for offset in forecast.indices {
            let position = origin + offset
            if position / block != currentBlock {
                absoluteError += abs(blockForecast - blockActual)
                blockForecast = 0; blockActual = 0
                currentBlock = position / block
            }
            guard !actual[offset].isNaN else { continue }
            blockForecast += forecast[offset]
            blockActual += actual[offset]
            actualSum += actual[offset]
            forecastSum += forecast[offset]
        }
        absoluteError += abs(blockForecast - blockActual)
        return (absoluteError, actualSum, forecastSum)
    }
}
