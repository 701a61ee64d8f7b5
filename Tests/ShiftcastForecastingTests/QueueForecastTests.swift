import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct QueueForecastTests {
    @Test func autoPicksTheLowestBacktestWapeAndForecastsFromTheEnd() throws {
        let history = try SyntheticCentre(days: 112, weeklyGrowth: 0.02).history(withAverageHandleTime: true)
        let forecast = try QueueForecast(history: history, request: ForecastRequest(horizon: .days(14)))
        #expect(forecast.origin == history.end)
        #expect(forecast.volume.count == 14 * 24)
        #expect(forecast.backtests.count == ModelCatalog.models.count)
        let best = forecast.backtests.min { $0.metrics.wape < $1.metrics.wape }!
        let chosen = forecast.backtests.first { $0.model == forecast.model }!
        #expect(chosen.metrics.wape == best.metrics.wape
            || (chosen.model == ModelCatalog.defaultModel && chosen.metrics.wape <= best.metrics.wape + best.standardError))
        #expect(forecast.averageHandleTime?.count == 14 * 24)
        for offset in forecast.volume.indices {
            #expect(forecast.lower[offset] <= forecast.volume[offset] && forecast.volume[offset] <= forecast.upper[offset])
        }
    }

    @Test func autoKeepsTheDefaultCombinationUnlessBeatenBeyondChance() {
        func result(_ model: String, _ folds: [Double]) -> Backtest.ModelResult {
            let wape = folds.reduce(0, +) / Double(folds.count)
            return Backtest.ModelResult(model: model, folds: [], metrics: AccuracyMetrics(wape: wape, mase: 1, bias: 0, coverage: 0.8),
                                        residuals: [], foldWAPE: folds)
        }
        // Folds 0.2, 0.4, 0.2, 0.4: WAPE 0.3, standard deviation 0.1155, standard error 0.0577.
        let noisyWinner = result("median-8w", [0.2, 0.4, 0.2, 0.4])
        #expect(QueueForecast.choose([noisyWinner, result("combo-mean", [0.35, 0.35, 0.35, 0.35])]).model == "combo-mean")
        #expect(QueueForecast.choose([noisyWinner, result("combo-mean", [0.4, 0.4, 0.4, 0.4])]).model == "median-8w")
        let steadyWinner = result("median-8w", [0.3, 0.3, 0.3, 0.3])
        #expect(QueueForecast.choose([steadyWinner, result("combo-mean", [0.31, 0.31, 0.31, 0.31])]).model == "median-8w")
    }

    @Test(arguments: ModelCatalog.names)
    func neverNegativeAndClosedIntervalsAreZero(_ name: String) throws {
        // A shrinking centre pushes trend models below zero if left alone.
        let centre = SyntheticCentre(days: 84, weeklyGrowth: -0.08)
        let forecast = try QueueForecast(history: try centre.history(), request: ForecastRequest(horizon: .days(28), model: ModelChoice(parsing: name)))
        #expect(forecast.model == name)
        for (offset, value) in forecast.volume.enumerated() {
            #expect(value >= 0 && value.isFinite)
            let position = forecast.origin + offset
            if position % 24 < 8 || position % 24 >= 18 || (position / 24) % 7 == 6 { #expect(value == 0) }
            #expect(forecast.lower[offset] >= 0)
        }
    }

    @Test func theSameInputGivesTheSameOutput() throws {
        let history = try RecurringEvent().history()
        let request = ForecastRequest(horizon: .days(7))
        let a = try QueueForecast(history: history, calendar: RecurringEvent().calendar, request: request)
        let b = try QueueForecast(history: history, calendar: RecurringEvent().calendar, request: request)
        #expect(a.volume == b.volume && a.lower == b.lower && a.upper == b.upper && a.model == b.model)
    }

    @Test func aHistoryTooShortSaysWhatIsNeeded() throws {
        let history = try SyntheticCentre(days: 20).history()
        let error = shiftcastError { _ = try QueueForecast(history: history, request: ForecastRequest(horizon: .days(28))) }
        #expect(error?.code == .badData)
        #expect(error?.message == "history holds 20 whole days; a 28d forecast with the shortest model needs at least 29 (1 days to fit, then 28 days to test one backtest fold and calibrate the prediction interval)")
        let named = shiftcastError { _ = try QueueForecast(history: history, request: ForecastRequest(horizon: .days(7), model: .named(.harmonic))) }
        #expect(named?.message.contains("model harmonic needs at least 28 (21 days to fit, then 7 days") == true)
    }

    @Test func unknownModelsAndRaggedHorizonsAreCommandLineErrors() throws {
        let history = try SyntheticCentre(days: 56).history()
        let unknown = shiftcastError { _ = try ModelChoice(parsing: "prophet") }
        #expect(unknown?.code == .invalidArgument)
        #expect(unknown?.message.hasPrefix("unknown model 'prophet'; expected auto or one of median-8w,") == true)
        #expect(try ModelChoice(parsing: "auto") == .auto && ModelChoice(parsing: "combo-mean") == .named(.comboMean))
        // Every name the enum knows is a model of the catalog, and every model of the catalog has a name.
        #expect(ModelName.allCases.map(\.rawValue) == ModelCatalog.names)
        let ragged = shiftcastError { _ = try QueueForecast(history: history, request: ForecastRequest(horizon: .minutes(90))) }
        #expect(ragged?.code == .invalidArgument)
        #expect(ragged?.message.contains("not a whole number of the history's 1h intervals") == true)
    }
}
