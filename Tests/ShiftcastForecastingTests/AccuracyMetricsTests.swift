@testable import ShiftcastForecasting
import Testing

@Suite struct AccuracyMetricsTests {
    @Test func sixMinuteDataIsScoredAtThirtyMinutes() {
        #expect(AccuracyMetrics.scoringBlock(slotsPerDay: 240) == 5)
        #expect(AccuracyMetrics.scoringBlock(slotsPerDay: 96) == 2)
        #expect(AccuracyMetrics.scoringBlock(slotsPerDay: 48) == 1)
        #expect(AccuracyMetrics.scoringBlock(slotsPerDay: 24) == 1)
        #expect(AccuracyMetrics.scoringBlock(slotsPerDay: 1) == 1)
        // Errors that cancel within a 30-minute block do not count; across blocks they do.
        let forecast = [2.0, 0, 2, 0, 2, 1, 1, 1, 1, 1]
        let actual = [0.0, 2, 0, 2, 2, 1, 1, 1, 1, 6]
        let scored = AccuracyMetrics.weightedErrors(origin: 0, forecast: forecast, actual: actual, block: 5)
        #expect(scored.absoluteError == 5 && scored.actual == 16 && scored.forecast == 11)
        let fine = AccuracyMetrics.weightedErrors(origin: 0, forecast: forecast, actual: actual, block: 1)
        #expect(fine.absoluteError == 13)
    }

    @Test func missingActualsAreLeftOutOfBothSides() {
        let scored = AccuracyMetrics.weightedErrors(origin: 0, forecast: [5, 5], actual: [.nan, 4], block: 1)
        #expect(scored.absoluteError == 1 && scored.actual == 4 && scored.forecast == 5)
    }
}
