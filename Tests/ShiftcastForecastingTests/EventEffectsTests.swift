import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

/// A recurring mail-out on the first Tuesday of each 4-week block doubles that day's volume.
struct RecurringEvent {
    var centre = SyntheticCentre(days: 112)
    /// Days (0-based from 2024-01-01) of the occurrences: Tuesdays, weeks 1, 5, 9, 13, 17.
    let days = [8, 36, 64, 92, 120]

    func civil(_ day: Int) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: (CivilDateTime(year: 2024, month: 1, day: 1)!.daysSinceEpoch + Int64(day)) * 86_400)
    }

    var calendar: EventCalendar {
        EventCalendar(days.map { EventOccurrence(kind: "mailout", start: civil($0), end: civil($0 + 1)) })
    }

    func history() throws -> HistorySeries {
        var history = try centre.history()
        for day in days where day < centre.days {
            for slot in 0..<24 { history.volume[day * 24 + slot] *= 2 }
        }
        return history
    }
}

@Suite struct EventEffectsTests {
    @Test func learnsARecurringPeakShrunkByTheEvidence() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()
        let effects = EventEffects(calendar: scenario.calendar, history: history, origin: history.end)
        let multiplier = try #require(effects.multipliers["mailout"]?.first)
        // Four occurrences of a doubling: 1 + 4/5 x (2 - 1) = 1.8, within noise.
        #expect(abs(multiplier - 1.8) < 0.1)
        #expect(effects.unseenKinds.isEmpty)
    }

    @Test func learnsAnAfterEffectOnlyWhereItStandsOut() throws {
        let scenario = RecurringEvent()
        var history = try scenario.history()
        // The day after each mail-out runs at 1.5 times normal; later days are normal.
        for day in scenario.days where day + 1 < scenario.centre.days {
            for slot in 0..<24 { history.volume[(day + 1) * 24 + slot] *= 1.5 }
        }
        let effects = EventEffects(calendar: scenario.calendar, history: history, origin: history.end)
        let tail = try #require(effects.tails["mailout"])
        // Three occurrences have a baseline (the first has one week before it): 1 + 3/4 x 0.5 = 1.375,
        // within noise and a baseline that holds one earlier after-effect day.
        #expect(tail[0] > 1.25 && tail[0] < 1.5)
        #expect(tail[1...].allSatisfy { $0 == 1 })
        let marks = effects.tailDays(calendar: scenario.calendar, history: history, days: 112)
        #expect(marks.indices.filter { marks[$0] } == [9, 37, 65, 93])
        // Without an after-effect in the data, none is learned.
        #expect(EventEffects(calendar: scenario.calendar, history: try scenario.history(), origin: history.end).tails["mailout"] == nil)
    }

    @Test func stateUpliftWinsAndUnseenKindsAreReported() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()
        let calendar = EventCalendar(scenario.calendar.occurrences + [
            EventOccurrence(kind: "launch", start: scenario.civil(114), end: scenario.civil(115)),
            EventOccurrence(kind: "closure", start: scenario.civil(115), end: scenario.civil(116), uplift: 0),
        ])
        let effects = EventEffects(calendar: calendar, history: history, origin: history.end)
        #expect(effects.unseenKinds == ["launch"])
        let multipliers = effects.dayMultipliers(calendar: calendar, history: history, firstDay: 112, days: 10)
        #expect(multipliers[2] == 1 && multipliers[3] == 0)
        #expect(multipliers[8] > 1.5)  // day 120: the next mail-out
    }

    @Test func aForecastOfAnEventDayCarriesTheEffectAndNormalWeeksDoNot() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()
        let forecaster = Forecaster(history: history, calendar: scenario.calendar)
        let forecast = forecaster.forecast(model: WeeklyAverage(weeks: 8, average: .mean), origin: history.end, horizon: 14 * 24).volume
        let eventDay = (120 - 112) * 24, normalTuesday = (113 - 112) * 24
        let eventTotal = forecast[eventDay..<(eventDay + 24)].reduce(0, +)
        let normalTotal = forecast[normalTuesday..<(normalTuesday + 24)].reduce(0, +)
        #expect(eventTotal / normalTotal > 1.6)
        // Past peaks are kept out of the fit: a normal Tuesday is forecast at its normal level.
        let truth = (0..<24).reduce(0.0) { $0 + scenario.centre.expected(113 * 24 + $1) }
        #expect(abs(normalTotal / truth - 1) < 0.05)
    }
}
