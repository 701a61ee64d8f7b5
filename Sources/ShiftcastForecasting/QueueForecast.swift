import Foundation
import ShiftcastCore

/// What a forecast is asked for.
public struct ForecastRequest: Sendable {
    /// How far ahead, from the end of the history.
    public var horizon: TimeSpan
    /// `auto` (choose by backtest WAPE) or a model of ``ModelCatalog``.
    public var model: ModelChoice
    /// Nominal coverage of the prediction interval, in (0, 1).
    public var level: Double
    /// Backtest folds for `auto` and for calibrating intervals.
    public var folds: Int

    public init(horizon: TimeSpan, model: ModelChoice = .auto, level: Double = 0.8, folds: Int = 4) {
        self.horizon = horizon
        self.model = model
        self.level = level
        self.folds = folds
    }
}

/// One queue's forecast: volume with its prediction interval and AHT per interval from the end of the
/// history, the model used, the backtests behind the choice, and warnings for the user.
public struct QueueForecast: Sendable {
    /// The history's position of the first forecast interval (see ``HistorySeries``).
    public var origin: Int
    public var volume: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// Seconds per interval; `nil` when the history had no AHT.
    public var averageHandleTime: [Double]?
    /// The model that made `volume`.
    public var model: String
    /// Each candidate's backtest, in catalog order (one entry when a model was named).
    public var backtests: [Backtest.ModelResult]
    /// Days before the end of the history judged outliers (``OutlierDays``) and kept out of the fits.
    public var outlierDays: [CivilDateTime]
    /// Per event kind: the evidence its past occurrences gave and the effect applied (``EventEvidence``).
    public var eventEvidence: [EventEvidence]
    /// Things the user should know: an event kind with no past occurrence and no `uplift` that occurs
    /// within the horizon.
    public var warnings: [String]

    /// Forecasts `request.horizon` from the end of `history`.
    ///
    /// - Throws: `.invalidArgument` for a horizon that is not a whole number of
    ///   intervals; `.badData` when the history is too short for the model and one backtest fold
    ///   (the message says how many days are needed).
    /// - Complexity: candidates x folds x a model's forecast.
    public init(history: HistorySeries, calendar: EventCalendar = EventCalendar(), request: ForecastRequest) throws {
        let horizon = try Self.horizonIntervals(request.horizon, history: history)
        let candidates: [any ForecastModel] = switch request.model {
        case .auto: ModelCatalog.models
        case .named(let name): [ModelCatalog.model(name)]
        }
        let forecaster = Forecaster(history: history, calendar: calendar)
        let slots = history.slotsPerDay
        let horizonDays = (horizon + slots - 1) / slots
        let observedDays = forecaster.daysObserved(before: history.end)
        var results: [Backtest.ModelResult] = []
        for model in candidates {
            let minimumDays = model.minimumHistoryDays(slotsPerDay: slots)
            let origins = Backtest.origins(history: history, horizon: horizon, folds: request.folds, minimumDays: minimumDays)
            guard !origins.isEmpty else { continue }
            results.append(Backtest(forecaster: forecaster, horizon: horizon, origins: origins).run(model, level: request.level))
        }
        guard !results.isEmpty else {
            let minimumDays = candidates.map { $0.minimumHistoryDays(slotsPerDay: slots) }.min()!
            let needed = minimumDays + horizonDays
            let what = request.model == .auto ? "the shortest model" : "model \(request.model)"
            throw ShiftcastError(.badData, "history holds \(observedDays) whole days; a \(request.horizon) forecast with \(what) "
                + "needs at least \(needed) (\(minimumDays) days to fit, then \(horizonDays) days to test one backtest fold "
                + "and calibrate the prediction interval)")
        }
        let chosen = Self.choose(results)
        let model = candidates.first { $0.name == chosen.model }!
        let (volume, effects) = forecaster.forecast(model: model, origin: history.end, horizon: horizon)
        let interval = PredictionInterval(residuals: chosen.residuals, level: request.level)
        let bounds = volume.map { interval.bounds(around: $0) }
        origin = history.end
        self.volume = volume
        lower = bounds.map(\.lower)
        upper = bounds.map(\.upper)
        averageHandleTime = AverageHandleTimeForecast.forecast(history: history, origin: history.end, horizon: horizon)
        for (name, values) in [("volume", volume), ("lower", lower), ("upper", upper), ("aht", averageHandleTime ?? [])]
        where !values.allSatisfy(\.isFinite) {
            // Inputs within InputLimits keep every model finite; a non-finite value is a bug, not data.
            throw ShiftcastError(.internalFailure, "model \(chosen.model) forecast a \(name) that is not a finite number; "
                + "please report this with the history file")
        }
        self.model = chosen.model
        backtests = results
        eventEvidence = effects.evidence
        outlierDays = OutlierDays(history: history, calendar: calendar, origin: history.end).days.map {
            CivilDateTime(secondsSinceEpoch: (history.firstDay + Int64($0)) * 86_400)
        }
        // Warn only of occurrences inside the horizon: those are the ones forecast as normal days.
        let horizonSpan = (history.firstDay + Int64(history.end / slots))...(history.firstDay + Int64((history.end + horizon - 1) / slots))
        let kindsInHorizon = Set(calendar.occurrences.filter { $0.days.overlaps(horizonSpan) }.map(\.kind))
        let running = Set(calendar.occurrences.filter { effects.isRunningWithoutEffect($0, history: history) }.map(\.kind))
        warnings = effects.unseenKinds.filter(kindsInHorizon.contains).map {
            if running.contains($0) {
                return "event '\($0)' has no past occurrence in the history and no uplift, and is under way at the origin; its days so far stay in the fit and the rest of it is forecast at the level they show (give an uplift column to state its effect)"
            }
            if let pooled = effects.pooledDescription(of: $0) {
                return "event '\($0)' has no past occurrence in the history and no uplift; its future occurrences are forecast with \(pooled) (give an uplift column to state its effect)"
            }
            return "event '\($0)' has no past occurrence in the history and no uplift; its future occurrences are forecast as normal days (give an uplift column to state its effect)"
        }
    }

    /// The model `auto` picks: the lowest backtest WAPE, except that the default combination
    /// (``ModelCatalog/defaultModel``) is kept when its WAPE is within one standard error of the best
    /// (the one-standard-error rule, Hastie, Tibshirani and Friedman, *The Elements of Statistical
    /// Learning*, 2nd ed., section 7.10): with few folds a narrow win is as likely chance as skill, and a
    /// combination is the safer bet (FORECASTING.md). A NaN WAPE ranks last; ties keep catalog order.
    static func choose(_ results: [Backtest.ModelResult]) -> Backtest.ModelResult {
        func score(_ result: Backtest.ModelResult) -> Double { result.metrics.wape.isNaN ? .infinity : result.metrics.wape }
        let best = results.min { score($0) < score($1) }!
        if let fallback = results.first(where: { $0.model == ModelCatalog.defaultModel }), best.standardError.isFinite,
           score(fallback) <= score(best) + best.standardError {
            return fallback
        }
        return best
    }

    /// The horizon as a count of intervals of `history`.
    static func horizonIntervals(_ horizon: TimeSpan, history: HistorySeries) throws -> Int {
        let intervals = horizon.seconds / Double(history.stepSeconds)
        guard intervals <= Double(InputLimits.maximumForecastIntervals) else {
            throw ShiftcastError(.invalidArgument, "the horizon \(horizon) is more than the \(InputLimits.maximumForecastIntervals) intervals "
                + "of \(TimeSpan.spelling(seconds: Double(history.stepSeconds))) forecast in one run; give a shorter horizon")
        }
        guard intervals >= 1, intervals == intervals.rounded() else {
            throw ShiftcastError(.invalidArgument, "the horizon \(horizon) is not a whole number of the history's \(TimeSpan.spelling(seconds: Double(history.stepSeconds))) intervals; expected a multiple such as \(TimeSpan.spelling(seconds: Double(history.stepSeconds) * Double(history.slotsPerDay) * 7))")
        }
        return Int(intervals)
    }
}
