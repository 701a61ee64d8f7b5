@testable import ShiftcastForecasting
import Testing

@Suite struct SeasonalNaiveTests {
    @Test func repeatsTheLastWeekAndStepsOverMissingValues() {
        var values = (0..<21).map(Double.init)  // three weeks of daily data
        values[14] = .nan
        let input = ModelInput(values: values, slotsPerDay: 1, firstWeekday: 1)
        let forecast = SeasonalNaive(season: .week).forecast(input, horizon: 10)
        #expect(forecast == [7, 15, 16, 17, 18, 19, 20, 7, 15, 16])
    }

    @Test func dayRepeatsYesterday() {
        let input = ModelInput(values: [1, 2, 3, 4, 5, 6], slotsPerDay: 3, firstWeekday: 1)
        #expect(SeasonalNaive(season: .day).forecast(input, horizon: 4) == [4, 5, 6, 4])
    }

    @Test func recoversTheWeeklyPatternWithinNoise() throws {
        let centre = SyntheticCentre(noise: false)
        let forecast = SeasonalNaive(season: .week).forecast(try centre.input(), horizon: 14 * 24)
        #expect(centre.errorAgainstTruth(forecast) < 1e-9)
    }
}
