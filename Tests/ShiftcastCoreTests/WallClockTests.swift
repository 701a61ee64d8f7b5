import ShiftcastCore
import Testing

@Suite struct WallClockTests {
    let berlin = try! WallClock(timeZoneIdentifier: "Europe/Berlin")

    func parsed(_ text: String) -> ParsedTimestamp { TimestampText.parse(text)! }

    @Test func unknownZoneIsACommandLineError() {
        #expect(throws: ShiftcastError.self) { try WallClock(timeZoneIdentifier: "Mars/Olympus_Mons") }
    }

    @Test func naiveTimeIsTheWallClockReading() throws {
        let instant = try WallClock.naive.instant(of: parsed("1970-01-02T00:00")).get()
        #expect(instant.secondsSinceEpoch == 86_400)
        #expect(WallClock.naive.format(instant) == "1970-01-02T00:00:00")
    }

    @Test func springForwardGapDoesNotExist() {
        // 2025-03-30: Berlin clocks jump from 02:00 to 03:00.
        let result = berlin.instant(of: parsed("2025-03-30T02:30"))
        #expect(throws: ShiftcastError.self) { try result.get() }
        #expect(berlin.instants(showing: parsed("2025-03-30T03:00").civil).count == 1)
    }

    @Test func autumnFoldIsReadInOrder() throws {
        // 2025-10-26: 02:00-03:00 happens twice, first at +02:00 then at +01:00.
        let first = try berlin.instant(of: parsed("2025-10-26T02:30")).get()
        let second = try berlin.instant(of: parsed("2025-10-26T02:30"), after: first).get()
        #expect(first.seconds(to: second) == 3600)
        #expect(berlin.format(first) == "2025-10-26T02:30:00+02:00")
        #expect(berlin.format(second) == "2025-10-26T02:30:00+01:00")
    }

    @Test func writtenOffsetWins() throws {
        let instant = try berlin.instant(of: parsed("2025-10-26T02:30+01:00")).get()
        #expect(berlin.format(instant) == "2025-10-26T02:30:00+01:00")
    }

    @Test func daylightSavingDaysAre23And25Hours() throws {
        let spring = try berlin.instant(of: parsed("2025-03-30")).get()
        let autumn = try berlin.instant(of: parsed("2025-10-26")).get()
        #expect(spring.seconds(to: berlin.adding(days: 1, to: spring)) == 23 * 3600)
        #expect(autumn.seconds(to: berlin.adding(days: 1, to: autumn)) == 25 * 3600)
    }
}
