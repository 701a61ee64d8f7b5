import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct OutlierDaysTests {
    @Test func findsAnOutageAndADoubledDayButNotNoise() throws {
        let centre = SyntheticCentre(days: 84)
        var history = try centre.history()
        #expect(OutlierDays(history: history, calendar: EventCalendar(), origin: history.end).days.isEmpty)
        for slot in 0..<24 {
            history.volume[30 * 24 + slot] = (history.volume[30 * 24 + slot] * 0.05).rounded()  // an outage
            history.volume[45 * 24 + slot] *= 2  // a day exported twice
        }
        #expect(OutlierDays(history: history, calendar: EventCalendar(), origin: history.end).days == [30, 45])
        // A known event on the outage day is the event's, not an outlier; days after the origin are not judged.
        let day30 = CivilDateTime(year: 2024, month: 1, day: 31)!
        let calendar = try EventCalendar([try EventOccurrence(kind: "outage", start: day30, end: day30.adding(seconds: 86_400))])
        #expect(OutlierDays(history: history, calendar: calendar, origin: history.end).days == [45])
        #expect(OutlierDays(history: history, calendar: EventCalendar(), origin: 40 * 24).days == [30])
    }

    @Test func outlierDaysAreKeptOutOfTheFitAndReported() throws {
        let centre = SyntheticCentre(days: 84)
        var history = try centre.history()
        for day in [70, 77] { for slot in 0..<24 { history.volume[day * 24 + slot] = 0 } }  // two dead Mondays
        let forecast = try QueueForecast(history: history, request: ForecastRequest(horizon: .days(7), model: .named(.average4w)))
        #expect(forecast.outlierDays.map { $0.formatted(dateOnly: true) } == ["2024-03-11", "2024-03-18"])
        let monday = forecast.volume[0..<24].reduce(0, +)
        let truth = (0..<24).reduce(0.0) { $0 + centre.expected(84 * 24 + $1) }
        #expect(abs(monday / truth - 1) < 0.08)
    }
}
