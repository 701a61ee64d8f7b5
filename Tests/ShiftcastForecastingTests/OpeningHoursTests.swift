@testable import ShiftcastForecasting
import Testing

@Suite struct OpeningHoursTests {
    @Test func slotsNeverSeenWithAContactAreClosed() throws {
        let history = try SyntheticCentre(days: 28).history()
        let hours = OpeningHours(history: history)
        #expect(hours.isOpen(weekday: 1, slot: 9))
        #expect(!hours.isOpen(weekday: 1, slot: 3))
        #expect(!hours.isOpen(weekday: 7, slot: 12))  // Sundays closed
        #expect(hours.isOpen(weekday: 6, slot: 12))
        #expect(abs(hours.openShare - 60.0 / 168) < 1e-9)
    }

    @Test func learnsOnlyFromBeforeTheEnd() throws {
        var history = try SyntheticCentre(days: 28).history()
        history.volume[27 * 24 + 3] = 10  // a Sunday 03:00 call on the last day
        #expect(OpeningHours(history: history).isOpen(weekday: 7, slot: 3))
        #expect(!OpeningHours(history: history, end: 27 * 24).isOpen(weekday: 7, slot: 3))
    }
}
