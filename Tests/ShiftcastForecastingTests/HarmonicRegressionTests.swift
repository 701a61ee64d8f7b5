@testable import ShiftcastForecasting
import Testing

@Suite struct HarmonicRegressionTests {
    @Test func recoversTrendDailyAndWeeklyCyclesWithinNoise() throws {
        let centre = SyntheticCentre(days: 112, weeklyGrowth: 0.02)
        var forecast = HarmonicRegression().forecast(try centre.input(), horizon: 14 * 24)
        // Closed hours are the Forecaster's job; score the open ones.
        for offset in forecast.indices where centre.expected(112 * 24 + offset) == 0 { forecast[offset] = 0 }
        #expect(centre.errorAgainstTruth(forecast) < 0.08)
    }

    @Test func leastSquaresSolvesAnExactLine() {
        // y = 2 + 3x at x = 0, 1, 2, 3; design column-major [1 1 1 1 | 0 1 2 3].
        let solution = LeastSquares.solve(design: [1, 1, 1, 1, 0, 1, 2, 3], rows: 4, columns: 2, target: [2, 5, 8, 11])
        #expect(abs(solution[0] - 2) < 1e-10 && abs(solution[1] - 3) < 1e-10)
    }
}
