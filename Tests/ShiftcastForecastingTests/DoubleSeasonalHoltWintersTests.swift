@testable import ShiftcastForecasting
import Testing

@Suite struct DoubleSeasonalHoltWintersTests {
    @Test(arguments: [24, 48])
    func recoversADailyAndWeeklyPatternWithinNoise(slotsPerDay: Int) throws {
        let centre = SyntheticCentre(slotsPerDay: slotsPerDay, days: 112)
        let input = try centre.input()
        let forecast = try DoubleSeasonalHoltWinters().forecast(input, horizon: 14 * slotsPerDay)
        #expect(forecast.count == 14 * slotsPerDay)
        // Poisson noise on a level of 100 a day: the weekly average of 8 weeks is within about 5% of the
        // truth; the smoother must be as close.
        #expect(centre.errorAgainstTruth(forecast) < 0.07)
        #expect(forecast.allSatisfy { $0 >= 0 && $0.isFinite })
        // Nights and Sundays never had a contact: forecast exactly 0.
        for (offset, value) in forecast.enumerated() where centre.expected(input.origin + offset) == 0 {
            #expect(value == 0)
        }
        // The same input gives the same output.
        #expect(try DoubleSeasonalHoltWinters().forecast(input, horizon: 14 * slotsPerDay) == forecast)
    }

    @Test func followsALevelShiftThatAWeeklyAverageLags() throws {
        let centre = SyntheticCentre(days: 84, noise: false)
        var input = try centre.input()
        // The last three weeks run at 1.5 times the pattern.
        for position in (63 * 24)..<(84 * 24) { input.values[position] *= 1.5 }
        func error(_ forecast: [Double]) -> Double {
            var error = 0.0, total = 0.0
            for offset in 0..<(7 * 24) {
                let truth = 1.5 * centre.expected(84 * 24 + offset)
                error += abs(forecast[offset] - truth); total += truth
            }
            return error / total
        }
        // Additive seasonal terms follow a multiplicative shift only in part: within 8%, where the
        // 8-week average (five weeks at the old level) is about 20% off.
        let smoothed = error(try DoubleSeasonalHoltWinters().forecast(input, horizon: 7 * 24))
        let averaged = error(try WeeklyAverage(weeks: 8, average: .mean).forecast(input, horizon: 7 * 24))
        #expect(smoothed < 0.08)
        #expect(smoothed < averaged / 2)
    }

    @Test func missingIntervalsMoveNoStateAndTheGridStaysInItsRange() throws {
        let centre = SyntheticCentre(days: 56, noise: false)
        var input = try centre.input()
        let clean = try DoubleSeasonalHoltWinters().forecast(input, horizon: 24)
        // An event day kept out of the fit (all `.nan`) changes nothing on noise-free data.
        for slot in 0..<24 { input.values[50 * 24 + slot] = .nan }
        let withGap = try DoubleSeasonalHoltWinters().forecast(input, horizon: 24)
        for (a, b) in zip(clean, withGap) { #expect(abs(a - b) < 1e-6) }
        // Too little history for a fit: a flat mean, still finite.
        let short = ModelInput(values: Array(input.values[0..<(14 * 24)]), slotsPerDay: 24, firstWeekday: 1)
        #expect(try DoubleSeasonalHoltWinters().forecast(short, horizon: 3).allSatisfy { $0.isFinite })
    }
}
