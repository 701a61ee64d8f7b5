import ShiftcastCore

/// Rolling-origin evaluation: each model forecasts `horizon` intervals from several origins in the
/// history and is scored against what happened (Tashman 2000, IJF 16:437; FPP3 section 5.10).
///
/// A fold sees only positions before its origin: the ``Forecaster`` cuts the history there, and opening
/// hours, event effects and model fits are all learned from that cut.
public struct Backtest: Sendable {
    /// One origin's forecast and the actuals it is scored against (`.nan` where the history has none).
    public struct Fold: Sendable {
        public var origin: Int
        public var forecast: [Double]
        public var actual: [Double]
    }

    /// One model's folds and scores.
    public struct ModelResult: Sendable {
        public var model: String
        public var folds: [Fold]
        public var metrics: AccuracyMetrics
        /// Scaled residuals of every fold, for prediction intervals (``PredictionInterval``).
        public var residuals: [Double]
        /// WAPE of each fold on its own (`.nan` for a fold with no volume).
        public var foldWAPE: [Double]

        /// The standard error of the mean of the folds' WAPEs; `.nan` with fewer than two folds.
        public var standardError: Double {
            let values = foldWAPE.filter { !$0.isNaN }
            guard values.count >= 2 else { return .nan }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return (variance / Double(values.count)).squareRoot()
        }
    }

    public let forecaster: Forecaster
    public let horizon: Int
    public let origins: [Int]

    /// - Parameters:
    ///   - origins: positions to forecast from; each needs `horizon` positions of history after it.
    public init(forecaster: Forecaster, horizon: Int, origins: [Int]) {
        self.forecaster = forecaster
        self.horizon = horizon
        self.origins = origins
    }

    /// The last `folds` origins, one `horizon` apart, ending `horizon` before the history does, each at
    /// the start of a day, each leaving at least `minimumDays` days of history before it.
    /// - Returns: origins, earliest first; fewer than `folds` when the history is short, none when it
    ///   cannot hold one fold.
    public static func origins(history: HistorySeries, horizon: Int, folds: Int, minimumDays: Int) -> [Int] {
        let slots = history.slotsPerDay
        let horizonDays = max(1, (horizon + slots - 1) / slots)
        var origins: [Int] = []
        var originDay = (history.end - horizon) / slots
        let firstDay = history.begin / slots + (history.begin % slots == 0 ? 0 : 1)
        while origins.count < folds, originDay - firstDay >= minimumDays {
            origins.append(originDay * slots)
            originDay -= horizonDays
        }
        return origins.reversed()
    }

    /// Runs `model` on every fold.
    /// - Parameter level: the nominal coverage of the intervals scored, 0.8 for 80%; each fold's interval
    ///   is calibrated on the other folds' residuals (leave one fold out).
    /// - Complexity: folds x the model's forecast.
    public func run(_ model: any ForecastModel, level: Double) -> ModelResult {
        let history = forecaster.history
        let block = AccuracyMetrics.scoringBlock(slotsPerDay: history.slotsPerDay)
        var folds: [Fold] = []
        var foldResiduals: [[Double]] = []
        var absoluteError = 0.0, actualSum = 0.0, forecastSum = 0.0, maseSum = 0.0, maseCount = 0
        var foldWAPE: [Double] = []
        for origin in origins {
            let forecast = forecaster.forecast(model: model, origin: origin, horizon: horizon).volume
            let actual = (0..<horizon).map { origin + $0 < history.volume.count ? history.volume[origin + $0] : .nan }
            let errors = AccuracyMetrics.weightedErrors(origin: origin, forecast: forecast, actual: actual, block: block)
            foldWAPE.append(errors.actual > 0 ? errors.absoluteError / errors.actual : .nan)
            absoluteError += errors.absoluteError
            actualSum += errors.actual
            forecastSum += errors.forecast
            if let scale = Self.naiveScale(history.volume, before: origin, period: 7 * history.slotsPerDay), scale > 0 {
                var total = 0.0, count = 0
                for offset in 0..<horizon where !actual[offset].isNaN {
                    total += abs(forecast[offset] - actual[offset]); count += 1
                }
                if count > 0 { maseSum += total / Double(count) / scale; maseCount += 1 }
            }
            foldResiduals.append((0..<horizon).compactMap { offset in
                actual[offset].isNaN ? nil : PredictionInterval.scaledResidual(actual: actual[offset], forecast: forecast[offset])
            })
            folds.append(Fold(origin: origin, forecast: forecast, actual: actual))
        }
        // Coverage: each fold against the interval calibrated on the others.
        var inside = 0, scored = 0
        if folds.count >= 2 {
            for (index, fold) in folds.enumerated() {
                let others = foldResiduals.enumerated().filter { $0.offset != index }.flatMap(\.element)
                let interval = PredictionInterval(residuals: others, level: level)
                for offset in 0..<horizon where !fold.actual[offset].isNaN {
                    let bounds = interval.bounds(around: fold.forecast[offset])
                    if fold.actual[offset] >= bounds.lower - 1e-9 && fold.actual[offset] <= bounds.upper + 1e-9 { inside += 1 }
                    scored += 1
                }
            }
        }
        let metrics = AccuracyMetrics(
            wape: actualSum > 0 ? absoluteError / actualSum : .nan,
            mase: maseCount > 0 ? maseSum / Double(maseCount) : .nan,
            bias: actualSum > 0 ? (forecastSum - actualSum) / actualSum : .nan,
            coverage: scored > 0 ? Double(inside) / Double(scored) : .nan)
        return ModelResult(model: model.name, folds: folds, metrics: metrics, residuals: foldResiduals.flatMap { $0 }, foldWAPE: foldWAPE)
    }

    /// Mean absolute difference between each value and the one a `period` earlier, before `origin`.
    static func naiveScale(_ values: [Double], before origin: Int, period: Int) -> Double? {
        guard origin > period else { return nil }
        var total = 0.0, count = 0
        for position in period..<origin where !values[position].isNaN && !values[position - period].isNaN {
            total += abs(values[position] - values[position - period]); count += 1
        }
        return count > 0 ? total / Double(count) : nil
    }
}
