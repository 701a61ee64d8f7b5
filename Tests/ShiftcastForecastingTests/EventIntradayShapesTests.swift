import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct EventIntradayShapesTests {
    /// The recurring event of ``RecurringEvent`` as a half day: contacts as normal until 13:00, none after.
    func halfDays() throws -> (RecurringEvent, HistorySeries) {
        let scenario = RecurringEvent()
        var history = try scenario.centre.history()
        for day in scenario.days where day < scenario.centre.days {
            for slot in 13..<24 { history.volume[day * 24 + slot] = 0 }
        }
        return (scenario, history)
    }

    @Test func learnsThatTheEventClosesEarlyShrunkByTheEvidence() throws {
        let (scenario, history) = try halfDays()
        let effects = EventEffects(calendar: try scenario.calendar, history: history, origin: history.end)
        let shapes = EventIntradayShapes(calendar: try scenario.calendar, history: history, origin: history.end, effects: effects)
        let shape = try #require(shapes.shapes["mailout"])
        // Three occurrences with a baseline: an afternoon hour keeps 1 - 3/4 x E / (E + 25) of its normal
        // share for E its expected contacts (about 0.3 at 14:00 with E near 60; the quiet last hours,
        // E near 25, keep about 0.6), the morning rises toward twice its share.
        for hour in 13..<16 { #expect(shape[hour] < 0.45, "hour \(hour): \(shape[hour])") }
        for hour in 16..<18 { #expect(shape[hour] < 0.7, "hour \(hour): \(shape[hour])") }
        for hour in 8..<13 { #expect(shape[hour] > 1.4, "hour \(hour): \(shape[hour])") }
        // Daily data has no shape.
        let daily = try SyntheticCentre(slotsPerDay: 1, days: 112).history()
        #expect(EventIntradayShapes(calendar: try scenario.calendar, history: daily, origin: daily.end,
                                    effects: EventEffects(calendar: try scenario.calendar, history: daily, origin: daily.end)).shapes.isEmpty)
    }

    @Test func aForecastEventDayKeepsItsTotalAndTakesTheShape() throws {
        let (scenario, history) = try halfDays()
        let forecaster = Forecaster(history: history, calendar: try scenario.calendar)
        let model = try WeeklyAverage(weeks: 8, average: .mean)
        let forecast = forecaster.forecast(model: model, origin: history.end, horizon: 14 * 24).volume
        let eventDay = (120 - 112) * 24
        let day = Array(forecast[eventDay..<(eventDay + 24)])
        let afternoon = day[13..<18].reduce(0, +), total = day.reduce(0, +)
        // Normally about half the day falls after 13:00; on the event day well under a fifth.
        #expect(afternoon / total < 0.2)
        // The shape moves volume between hours, never the day's total (set by the day effect).
        let effects = EventEffects(calendar: try scenario.calendar, history: history, origin: history.end)
        let multiplier = effects.dayMultipliers(calendar: try scenario.calendar, history: history, firstDay: 120, days: 1)[0]
        let normal = model.forecast(ModelInput(values: Array(history.volume[0..<history.end]).enumerated().map { index, value in
            scenario.days.contains(index / 24) ? .nan : value
        }, slotsPerDay: 24, firstWeekday: 1), horizon: 14 * 24)
        let normalTotal = normal[eventDay..<(eventDay + 24)].reduce(0, +)
        #expect(abs(total - multiplier * normalTotal) < 1e-6 * normalTotal)
        // A normal day keeps the normal shape, and the same input gives the same output.
        #expect(forecast[0..<24].elementsEqual(normal[0..<24]) { abs($0 - $1) < 1e-9 })
        #expect(forecaster.forecast(model: model, origin: history.end, horizon: 14 * 24).volume == forecast)
    }

    @Test func anEventThatKeepsTheNormalShapeLearnsNearlyNone() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()  // doubles the whole day: same shape
        let effects = EventEffects(calendar: try scenario.calendar, history: history, origin: history.end)
        let shape = try #require(EventIntradayShapes(calendar: try scenario.calendar, history: history, origin: history.end,
                                                     effects: effects).shapes["mailout"])
        for hour in 8..<18 { #expect(abs(shape[hour] - 1) < 0.15, "hour \(hour): \(shape[hour])") }
    }
}
