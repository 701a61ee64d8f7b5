import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct EventCalendarTests {
    @Test func marksTheDaysAnOccurrenceTouches() throws {
        let history = try SyntheticCentre(days: 14).history()
        let day0 = CivilDateTime(year: 2024, month: 1, day: 3)!
        let calendar = EventCalendar([
            try EventOccurrence(kind: "a", start: day0, end: day0.adding(seconds: 2 * 86_400)),  // 3rd and 4th
            try EventOccurrence(kind: "b", start: day0.adding(seconds: 7 * 86_400 + 3600), end: day0.adding(seconds: 7 * 86_400 + 7200)),
        ])
        let marks = calendar.eventDays(in: history, extraDays: 3)
        #expect(marks.count == 17)
        #expect(marks.indices.filter { marks[$0] } == [2, 3, 9])
        #expect(calendar.occurrences[0].days.count == 2)
    }
}

/// An occurrence that ends before it starts, or with an impossible uplift, throws (issue 9).
@Suite struct EventOccurrenceValidationTests {
    @Test func anEndBeforeTheStartOrABadUpliftThrows() {
        let day = CivilDateTime(year: 2024, month: 3, day: 5)!
        #expect(throws: ShiftcastError.self) { try EventOccurrence(kind: "x", start: day, end: day) }
        #expect(throws: ShiftcastError.self) { try EventOccurrence(kind: "x", start: day, end: day.adding(seconds: 86_400), uplift: -1) }
        #expect(throws: ShiftcastError.self) { try EventOccurrence(kind: "x", start: day, end: day.adding(seconds: 86_400), uplift: .infinity) }
    }
}
