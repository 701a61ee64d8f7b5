@testable import ShiftcastForecasting
import Testing

@Suite struct BacktestTests {
    @Test func originsAreWholeDaysOneHorizonApartBeforeTheEnd() throws {
        let history = try SyntheticCentre(days: 84).history()
        let origins = Backtest.origins(history: history, horizon: 7 * 24, folds: 3, minimumDays: 21)
        #expect(origins == [63 * 24, 70 * 24, 77 * 24])
        #expect(Backtest.origins(history: history, horizon: 7 * 24, folds: 20, minimumDays: 21).count == 9)
        #expect(Backtest.origins(history: history, horizon: 7 * 24, folds: 3, minimumDays: 80).isEmpty)
    }

    @Test(arguments: ModelCatalog.names)
    func aFoldNeverSeesDataAfterItsOrigin(_ name: String) throws {
        let scenario = RecurringEvent()
        let clean = try scenario.history()
        var poisoned = clean
        let origin = 84 * 24, horizon = 7 * 24
        for position in origin..<poisoned.volume.count { poisoned.volume[position] = 1_000_000 }
        let model = try ModelCatalog.model(named: name)
        let a = Backtest(forecaster: Forecaster(history: clean, calendar: try scenario.calendar), horizon: horizon, origins: [origin]).run(model, level: 0.8)
        let b = Backtest(forecaster: Forecaster(history: poisoned, calendar: try scenario.calendar), horizon: horizon, origins: [origin]).run(model, level: 0.8)
        #expect(a.folds[0].forecast == b.folds[0].forecast)
        #expect(a.folds[0].actual != b.folds[0].actual)
    }

    @Test func scoresAPerfectForecastAsZeroAndCalibratesCoverage() throws {
        let centre = SyntheticCentre(days: 112, noise: false)
        let history = try centre.history()
        let origins = Backtest.origins(history: history, horizon: 7 * 24, folds: 4, minimumDays: 21)
        let result = Backtest(forecaster: Forecaster(history: history), horizon: 7 * 24, origins: origins)
            .run(SeasonalNaive(season: .week), level: 0.8)
        #expect(result.metrics.wape < 1e-12)
        #expect(result.metrics.bias.magnitude < 1e-12)
        #expect(result.metrics.coverage == 1)

        let noisy = SyntheticCentre(days: 112)
        let noisyHistory = try noisy.history()
        let noisyResult = Backtest(forecaster: Forecaster(history: noisyHistory), horizon: 7 * 24, origins: origins)
            .run(try WeeklyAverage(weeks: 8, average: .mean), level: 0.8)
        #expect(noisyResult.metrics.wape > 0.02 && noisyResult.metrics.wape < 0.15)
        #expect(abs(noisyResult.metrics.coverage - 0.8) < 0.1)
        #expect(noisyResult.metrics.mase < 1)  // beats seasonal naive on noisy data
    }

    /// Issue 3: prediction intervals calibrated on backtest residuals cover within 5 points of their level,
    /// scored leave one fold out over eight weekly folds of a noisy centre.
    @Test(arguments: ["combo-mean", "level-profile", "median-8w"], [0.8, 0.95])
    func intervalCoverageIsWithinFivePointsOfTheLevel(_ name: String, _ level: Double) throws {
        let history = try SyntheticCentre(days: 168, weeklyGrowth: 0.005).history()
        let origins = Backtest.origins(history: history, horizon: 7 * 24, folds: 8, minimumDays: 56)
        #expect(origins.count == 8)
        let result = Backtest(forecaster: Forecaster(history: history), horizon: 7 * 24, origins: origins)
            .run(try ModelCatalog.model(named: name), level: level)
        #expect(abs(result.metrics.coverage - level) <= 0.05, "coverage \(result.metrics.coverage) at level \(level)")
    }
}
