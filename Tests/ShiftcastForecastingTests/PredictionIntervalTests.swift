@testable import ShiftcastForecasting
import Testing

@Suite struct PredictionIntervalTests {
    @Test func quantilesOfScaledResidualsAroundTheForecast() {
        let interval = PredictionInterval(residuals: (0...100).map { Double($0 - 50) / 50 }, level: 0.8)
        #expect(abs(interval.lowerQuantile + 0.8) < 1e-12 && abs(interval.upperQuantile - 0.8) < 1e-12)
        let bounds = interval.bounds(around: 99)
        #expect(abs(bounds.lower - 91) < 1e-9 && abs(bounds.upper - 107) < 1e-9)
        #expect(interval.bounds(around: 0).lower == 0)  // never negative
    }
}
