@testable import ShiftcastForecasting
import Testing

@Suite struct LevelProfileModelTests {
    @Test func recoversTrendDailyAndWeeklyCyclesWithinNoise() throws {
        let centre = SyntheticCentre(days: 112, weeklyGrowth: 0.02)
        let forecast = LevelProfileModel().forecast(try centre.input(), horizon: 14 * 24)
        #expect(centre.errorAgainstTruth(forecast) < 0.07)
        // A flat weekly average lags the growth; the level model must do better.
        let baseline = try WeeklyAverage(weeks: 8, average: .mean).forecast(try centre.input(), horizon: 14 * 24)
        #expect(centre.errorAgainstTruth(forecast) < centre.errorAgainstTruth(baseline))
    }

    @Test func intradayReforecastFollowsHowBusyTheDayHasBeen() throws {
        let centre = SyntheticCentre(days: 56, noise: false)
        var input = try centre.input()
        // The origin is 13:00 on a Monday that has run at double its normal volume so far.
        let dayStart = 56 * 24
        for slot in 0..<13 { input.values.append(2 * centre.expected(dayStart + slot)) }
        let forecast = LevelProfileModel().forecast(input, horizon: 5)
        let normal = centre.expected(dayStart + 13)
        // Half the day's shape seen at twice the volume: the rest runs at 1 + 0.5 x (2 - 1) = 1.5 times normal.
        #expect(abs(forecast[0] / normal - 1.5) < 0.02)
        #expect(forecast[4] > 1.4 * centre.expected(dayStart + 17))
    }
}
