@testable import ShiftcastForecasting
import Testing

@Suite struct AverageHandleTimeForecastTests {
    @Test func repeatsTheSlotsHandleTime() throws {
        let history = try SyntheticCentre(days: 28).history(withAverageHandleTime: true)
        let forecast = try #require(AverageHandleTimeForecast.forecast(history: history, origin: history.end, horizon: 24))
        #expect(forecast[10] == 190)  // 180 + slot
        // A slot never open borrows the volume-weighted mean of the open slots (188 ... 197).
        #expect(forecast[3] > 188 && forecast[3] < 197)
        #expect(AverageHandleTimeForecast.forecast(history: try SyntheticCentre(days: 28).history(), origin: 24, horizon: 1) == nil)
    }
}
