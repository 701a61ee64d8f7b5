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
        get throws {
            try EventCalendar(days.map { try EventOccurrence(kind: "mailout", start: civil($0), end: civil($0 + 1)) })
        }
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
        let effects = EventEffects(calendar: try scenario.calendar, history: history, origin: history.end)
        let multiplier = try #require(effects.multipliers["mailout"]?.first)
        // Four occurrences of a doubling: 1 + 4/5 x (2 - 1) = 1.8, within noise.
        #expect(abs(multiplier - 1.8) < 0.1)
        #expect(effects.unseenKinds.isEmpty)
    }

    @Test func learnsAnAfterEffectOnlyWhereItStandsOut() throws {
        let scenario = RecurringEvent()
        var history = try scenario.history()
        // The four days after each mail-out (Wednesday to Saturday) run at 1.5 times normal; later days
        // are normal.
        for day in scenario.days where day + 4 < scenario.centre.days {
            for after in 1...4 {
                for slot in 0..<24 { history.volume[(day + after) * 24 + slot] *= 1.5 }
            }
        }
        let effects = EventEffects(calendar: try scenario.calendar, history: history, origin: history.end)
        let tail = try #require(effects.tails["mailout"])
        // Two occurrences have a baseline and their whole window of days after seen (the first has one
        // week before it; the last ends 20 days before the origin): 1 + 2/3 x 0.5 = 1.33 within noise,
        // where the five-day window lies inside the after-effect.
        for offset in 0...2 { #expect(tail[offset] > 1.25 && tail[offset] < 1.5, "day \(offset + 1) after: \(tail[offset])") }
        // A week on, the effect is gone.
        #expect(tail[6...].allSatisfy { $0 == 1 })
        // The models see those days divided by the after-effect, every occurrence's, the last one's too.
        let divisors = effects.tailMultipliers(calendar: try scenario.calendar, history: history, days: 112)
        for day in scenario.days where day + 3 < 112 { #expect((day + 1...day + 3).allSatisfy { divisors[$0] > 1.25 }) }
        #expect(divisors[scenario.days[1] + 7] == 1 && divisors[scenario.days[1] + 8] == 1)
        // Without an after-effect in the data, none is learned.
        #expect(EventEffects(calendar: try scenario.calendar, history: try scenario.history(), origin: history.end).tails["mailout"] == nil)
    }

    @Test func stateUpliftWinsAndUnseenKindsAreReported() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()
        let calendar = EventCalendar(try scenario.calendar.occurrences + [
            try EventOccurrence(kind: "launch", start: scenario.civil(114), end: scenario.civil(115)),
            try EventOccurrence(kind: "closure", start: scenario.civil(115), end: scenario.civil(116), uplift: 0),
        ])
        let effects = EventEffects(calendar: calendar, history: history, origin: history.end)
        #expect(effects.unseenKinds == ["launch"])
        let multipliers = effects.dayMultipliers(calendar: calendar, history: history, firstDay: 112, days: 10)
        #expect(multipliers[2] == 1 && multipliers[3] == 0)
        #expect(multipliers[8] > 1.5)  // day 120: the next mail-out
    }

    @Test func anUnseenKindGetsThePooledEffectOfItsFamilyWhenTheFamilyAgrees() throws {
        let scenario = RecurringEvent()
        func effects(secondEve factor: Double) throws -> (EventEffects, EventCalendar, HistorySeries) {
            var history = try scenario.centre.history()
            let seen: [(kind: String, day: Int, factor: Double)] = [
                ("Eve of Spring", 36, 0.5), ("Eve of Summer", 64, factor), ("Harvest", 92, 2),
            ]
            for event in seen {
                for slot in 0..<24 { history.volume[event.day * 24 + slot] *= event.factor }
            }
            let calendar = try EventCalendar(seen.map {
                try EventOccurrence(kind: $0.kind, start: scenario.civil($0.day), end: scenario.civil($0.day + 1))
            } + [
                try EventOccurrence(kind: "Eve of Autumn", start: scenario.civil(114), end: scenario.civil(115)),
                try EventOccurrence(kind: "Winter", start: scenario.civil(115), end: scenario.civil(116)),
            ])
            return (EventEffects(calendar: calendar, history: history, origin: history.end), calendar, history)
        }
        // Two "Eve" kinds seen, both halving volume: the unseen "Eve of Autumn" gets their pooled
        // effect, 1 + 2/3 x (0.5 - 1) = 0.67; "Winter" has no family of two seen kinds and stays at 1.
        let (pooled, calendar, history) = try effects(secondEve: 0.5)
        #expect(pooled.unseenKinds == ["Eve of Autumn", "Winter"])
        let multipliers = pooled.dayMultipliers(calendar: calendar, history: history, firstDay: 112, days: 4)
        #expect(abs(multipliers[2] - 2.0 / 3) < 0.08)
        #expect(multipliers[3] == 1)
        #expect(pooled.pooledDescription(of: "Eve of Autumn")?.contains("'Eve'") == true)
        #expect(pooled.pooledDescription(of: "Winter") == nil)
        // A seen kind shrinks toward the pool, not toward 1: 0.67 + 1/2 x (0.5 - 0.67) = 0.58, not 0.75.
        let spring = try #require(pooled.multipliers["Eve of Spring"]?.first)
        #expect(abs(spring - 0.58) < 0.06)
        // When the family's days disagree in direction (one halves, one doubles), nothing is pooled.
        let (mixed, _, _) = try effects(secondEve: 2)
        #expect(mixed.pooledEffects.isEmpty)
        #expect(abs((mixed.multipliers["Eve of Spring"]?.first ?? 0) - 0.75) < 0.06)
    }

    @Test func familiesShareAFirstWordElseALastWord() throws {
        let families = EventEffects.families(["Eve of Pesach", "Eve of Shavuot", "Pesach", "Seventh day of Pesach",
                                              "bill_mailed", "nov_mailed", "county_holiday", "portal-down"])
        #expect(families["Eve of Pesach"] == "Eve" && families["Eve of Shavuot"] == "Eve")
        #expect(families["Seventh day of Pesach"] == "" && families["Pesach"] == "")  // one word has no last word to share
        #expect(families["bill_mailed"] == "mailed" && families["nov_mailed"] == "mailed")
        #expect(families["county_holiday"] == "" && families["portal-down"] == "")
    }

    @Test func anUnseenKindBorrowsTheDayAndAfterEffectOfARelatedKind() throws {
        let scenario = RecurringEvent()
        var history = try scenario.centre.history()
        // Two bill mail-outs, each doubling its day and raising the four days after by half.
        for day in [36, 64] {
            for slot in 0..<24 { history.volume[day * 24 + slot] *= 2 }
            for after in 1...4 { for slot in 0..<24 { history.volume[(day + after) * 24 + slot] *= 1.5 } }
        }
        let calendar = try EventCalendar([36, 64].map {
            try EventOccurrence(kind: "bill_mailed", start: scenario.civil($0), end: scenario.civil($0 + 1))
        } + [try EventOccurrence(kind: "nov_mailed", start: scenario.civil(115), end: scenario.civil(116)),
             try EventOccurrence(kind: "site_outage", start: scenario.civil(122), end: scenario.civil(123))])
        let effects = EventEffects(calendar: calendar, history: history, origin: 112 * 24)
        #expect(effects.unseenKinds == ["nov_mailed", "site_outage"])
        let multipliers = effects.dayMultipliers(calendar: calendar, history: history, firstDay: 112, days: 14)
        // Two occurrences of a doubling: 1 + 2/3 x (2 - 1) = 1.67 on the day, and 1 + 2/3 x 0.5 = 1.33 the
        // day after, within noise; the unrelated outage stays at 1 and a week on nothing is left.
        #expect(abs(multipliers[3] - 5.0 / 3) < 0.15)
        #expect(abs(multipliers[4] - 4.0 / 3) < 0.12)
        #expect(multipliers[10] == 1 && multipliers[11] == 1)
        #expect(effects.pooledDescription(of: "nov_mailed")?.contains("'mailed'") == true)
    }

    @Test func overlappingAfterEffectsAreNotLearnedTwice() throws {
        let scenario = RecurringEvent()
        var history = try scenario.history()
        // Each mail-out raises the ten days after it by half; a reminder three days after each has no
        // effect of its own, but its days after lie inside the mail-out's.
        for day in scenario.days where day + 10 < scenario.centre.days {
            for after in 1...10 { for slot in 0..<24 { history.volume[(day + after) * 24 + slot] *= 1.5 } }
        }
        let calendar = EventCalendar(try scenario.calendar.occurrences + scenario.days.map {
            try EventOccurrence(kind: "reminder", start: scenario.civil($0 + 3), end: scenario.civil($0 + 4))
        })
        let effects = EventEffects(calendar: calendar, history: history, origin: history.end)
        // The mail-out, first to occur, claims the surge: 1 + 3/4 x 0.5 = 1.375 within noise.
        let tail = try #require(effects.tails["mailout"])
        #expect(tail[4...6].allSatisfy { $0 > 1.25 && $0 < 1.5 })
        // After the next pair (mail-out on day 120, reminder on 123) the days multiply to about the
        // mail-out's after-effect alone, not its square (about 1.9 without backfitting).
        let multipliers = effects.dayMultipliers(calendar: calendar, history: history, firstDay: 124, days: 4)
        for value in multipliers { #expect(value < 1.6, "\(multipliers)") }
    }

    @Test func aDaySharedWithAClosureSaysNothingAboutTheOtherKind() throws {
        let scenario = RecurringEvent()
        var history = try scenario.centre.history()
        // Holidays close the centre on days 29, 57 and 85; a payment due date falls on the last one.
        for day in [29, 57, 85] { for slot in 0..<24 { history.volume[day * 24 + slot] = 0 } }
        let calendar = try EventCalendar([29, 57, 85].map {
            try EventOccurrence(kind: "holiday", start: scenario.civil($0), end: scenario.civil($0 + 1))
        } + [try EventOccurrence(kind: "payment_due", start: scenario.civil(85), end: scenario.civil(86))])
        let effects = EventEffects(calendar: calendar, history: history, origin: history.end)
        #expect((effects.multipliers["holiday"]?.first ?? 1) < 0.05)
        // Not a closure of its own: no effect learned, and not reported as never seen either.
        #expect(effects.multipliers["payment_due"] == [1])
        #expect(!effects.unseenKinds.contains("payment_due"))
    }

    @Test func aForecastOfAnEventDayCarriesTheEffectAndNormalWeeksDoNot() throws {
        let scenario = RecurringEvent()
        let history = try scenario.history()
        let forecaster = Forecaster(history: history, calendar: try scenario.calendar)
        let forecast = forecaster.forecast(model: try WeeklyAverage(weeks: 8, average: .mean), origin: history.end, horizon: 14 * 24).volume
        let eventDay = (120 - 112) * 24, normalTuesday = (113 - 112) * 24
        let eventTotal = forecast[eventDay..<(eventDay + 24)].reduce(0, +)
        let normalTotal = forecast[normalTuesday..<(normalTuesday + 24)].reduce(0, +)
        #expect(eventTotal / normalTotal > 1.6)
        // Past peaks are kept out of the fit: a normal Tuesday is forecast at its normal level.
        let truth = (0..<24).reduce(0.0) { $0 + scenario.centre.expected(113 * 24 + $1) }
        #expect(abs(normalTotal / truth - 1) < 0.05)
    }
}
