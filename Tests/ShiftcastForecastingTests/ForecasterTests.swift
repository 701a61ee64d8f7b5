@testable import ShiftcastForecasting
import Testing

/// A model that forecasts -5 everywhere, to show the Forecaster's clean-up.
struct NegativeModel: ForecastModel {
    var name: String { "negative" }
    func minimumHistoryDays(slotsPerDay: Int) -> Int { 1 }
    func forecast(_ input: ModelInput, horizon: Int) -> [Double] { [Double](repeating: -5, count: horizon) }
}

/// A model that reports whether it was shown any non-missing value on the days it should not see.
struct PeekingModel: ForecastModel {
    var hiddenDays: [Int]
    var name: String { "peeking" }
    func minimumHistoryDays(slotsPerDay: Int) -> Int { 1 }
    func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let seen = hiddenDays.contains { day in (0..<input.slotsPerDay).contains { !input.values[day * input.slotsPerDay + $0].isNaN } }
        return [Double](repeating: seen ? 1 : 2, count: horizon)
    }
}

@Suite struct ForecasterTests {
    @Test func forecastsAreNeverNegative() throws {
        let history = try SyntheticCentre(days: 28).history()
        let volume = Forecaster(history: history).forecast(model: NegativeModel(), origin: history.end, horizon: 48).volume
        #expect(volume.allSatisfy { $0 == 0 })
    }

    @Test func eventDaysAreHiddenFromTheModel() throws {
        let scenario = RecurringEvent()
        // Ordinary data on the event days, so only the calendar (not outlier detection) can hide them.
        let history = try scenario.centre.history()
        let forecaster = Forecaster(history: history, calendar: try scenario.calendar)
        let hidden = forecaster.forecast(model: PeekingModel(hiddenDays: [8, 36]), origin: history.end, horizon: 24).volume
        let shown = Forecaster(history: history).forecast(model: PeekingModel(hiddenDays: [8, 36]), origin: history.end, horizon: 24).volume
        #expect(hidden[10] == 2 && shown[10] == 1)  // 10:00 on Monday, open
    }

    @Test func outlierDaysAreHiddenFromTheModel() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()  // doubled days 8, 36, 64, 92 and no calendar: outliers
        let volume = Forecaster(history: history).forecast(model: PeekingModel(hiddenDays: [8, 36]), origin: history.end, horizon: 24).volume
        #expect(volume[10] == 2)
    }
}
