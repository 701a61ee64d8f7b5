import ShiftcastCore
import Testing

@Suite struct TimeGridTests {
    func instant(_ text: String, _ clock: WallClock = .naive) throws -> Timestamp {
        try clock.instant(of: TimestampText.parse(text)!).get()
    }

    @Test func stepIsTheCommonDivisorOfGaps() throws {
        // 08:00, 08:30, 10:00: a missing hour still shows 30-minute spacing.
        let instants = try ["2025-01-06T08:00", "2025-01-06T08:30", "2025-01-06T10:00"].map { try instant($0) }
        #expect(TimeGrid.inferStep(from: instants, datesOnly: false) == .seconds(1800))
        #expect(TimeGrid.inferStep(from: Array(instants.prefix(1)), datesOnly: false) == nil)
    }

    @Test func datesStepInCalendarDays() throws {
        let berlin = try WallClock(timeZoneIdentifier: "Europe/Berlin")
        let instants = try ["2025-03-29", "2025-03-30", "2025-03-31"].map { try instant($0, berlin) }
        #expect(TimeGrid.inferStep(from: instants, datesOnly: true, clock: berlin) == .days(1))
        let grid = try TimeGrid(start: instants[0], step: .days(1), count: 3, clock: berlin)
        #expect(grid.length(at: 1) == 23 * 3600)
        #expect(grid.position(of: instants[2]) == 2)
    }

    @Test func aSpringDayHas92QuarterHours() throws {
        let berlin = try WallClock(timeZoneIdentifier: "Europe/Berlin")
        let start = try instant("2025-03-30T00:00", berlin)
        let next = try instant("2025-03-31T00:00", berlin)
        let grid = try TimeGrid(start: start, step: .seconds(900), count: 100, clock: berlin)
        #expect(grid.position(of: next) == 92)
        #expect(berlin.format(grid.timestamp(at: 8)) == "2025-03-30T03:00:00+02:00")
    }

    @Test func positionsBetweenStepsAreNil() throws {
        let grid = try TimeGrid(start: try instant("2025-01-06T08:00"), step: .seconds(900), count: 4)
        #expect(grid.position(of: try instant("2025-01-06T08:10")) == nil)
        #expect(grid.position(of: try instant("2025-01-06T09:00")) == 4)
        #expect(grid.dividesDay)
        #expect(try !TimeGrid(start: grid.start, step: .seconds(7 * 60), count: 1).dividesDay)
    }
}
