@testable import ShiftcastForecasting
import Testing

@Suite struct WeeklyAverageTests {
    @Test func averagesTheSameWeekdayOverTheLastWeeks() throws {
        // Daily data, four weeks; Monday values 10, 20, 30, 100.
        var values = [Double](repeating: 1, count: 28)
        values[0] = 10; values[7] = 20; values[14] = 30; values[21] = 100
        let input = ModelInput(values: values, slotsPerDay: 1, firstWeekday: 1)
        #expect(try WeeklyAverage(weeks: 4, average: .mean).forecast(input, horizon: 1) == [40])
        #expect(try WeeklyAverage(weeks: 4, average: .median).forecast(input, horizon: 1) == [25])
        let weightedMean: Double = (3 * 100 + 2 * 30 + 20) / 6
        #expect(try WeeklyAverage(weeks: 3, average: .weighted).forecast(input, horizon: 1) == [weightedMean])
        #expect(try WeeklyAverage(weeks: 2, average: .mean).forecast(input, horizon: 8) == [65, 1, 1, 1, 1, 1, 1, 65])
    }

    @Test func skipsMissingWeeks() throws {
        var values = [Double](repeating: 1, count: 21)
        values[0] = 10; values[7] = 20; values[14] = .nan
        let input = ModelInput(values: values, slotsPerDay: 1, firstWeekday: 1)
        #expect(try WeeklyAverage(weeks: 2, average: .mean).forecast(input, horizon: 1) == [15])
    }

    @Test(arguments: [WeeklyAverage.Average.mean, .weighted, .median])
    func recoversAFlatWeeklyPatternWithinNoise(_ average: WeeklyAverage.Average) throws {
        let centre = SyntheticCentre()
        let forecast = try WeeklyAverage(weeks: 8, average: average).forecast(try centre.input(), horizon: 14 * 24)
        // Noise of a count near 100 is about 10%; averaging 8 weeks leaves about 4%.
        #expect(centre.errorAgainstTruth(forecast) < 0.07)
    }
}
