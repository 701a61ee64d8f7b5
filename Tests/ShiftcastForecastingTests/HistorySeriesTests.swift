import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct HistorySeriesTests {
    func at(_ text: String) -> Timestamp {
        Timestamp(secondsSinceEpoch: TimestampText.parse(text)!.civil.secondsSinceEpoch)
    }

    @Test func alignsToWholeDaysAndKnowsWhatIsMissing() throws {
        let history = try HistorySeries(step: .seconds(3600), clock: .naive, rows: [
            (at("2024-01-01T09:00"), 5, nil), (at("2024-01-01T10:00"), 7, nil), (at("2024-01-02T08:00"), 3, nil),
        ], hasAverageHandleTime: false)
        #expect(history.slotsPerDay == 24)
        #expect(history.dayCount == 2)
        #expect(history.begin == 9)
        #expect(history.end == 24 + 8 + 1)
        #expect(history.volume[9] == 5 && history.volume[10] == 7 && history.volume[32] == 3)
        #expect(history.volume[11].isNaN && history.volume[0].isNaN)
        #expect(history.weekday(ofDay: 0) == 1)  // 2024-01-01 was a Monday
        #expect(history.civil(at: 34).formatted() == "2024-01-02T10:00:00")
        #expect(history.averageHandleTime == nil)
    }

    @Test func dailyDataHasOneSlot() throws {
        let history = try HistorySeries(step: .days(1), clock: .naive, rows: [
            (at("2024-01-01"), 5, 200), (at("2024-01-03"), 6, 210),
        ], hasAverageHandleTime: true)
        #expect(history.slotsPerDay == 1)
        #expect(history.volume.count == 3)
        #expect(history.volume[1].isNaN)
        #expect(history.averageHandleTime?[2] == 210)
    }

    @Test func daylightSavingDaysKeepWallClockSlots() throws {
        let berlin = try WallClock(timeZoneIdentifier: "Europe/Berlin")
        // 2024-03-31: clocks jump from 02:00 to 03:00. Hourly rows from 00:00 to 05:00 that day.
        let first = berlin.instants(showing: CivilDateTime(year: 2024, month: 3, day: 31)!).first!
        let rows = (0..<5).map { (start: first.adding(seconds: Int64($0) * 3600), volume: Double($0 + 1), averageHandleTime: Double?.none) }
        let history = try HistorySeries(step: .seconds(3600), clock: berlin, rows: rows, hasAverageHandleTime: false)
        #expect(history.volume[0...5].map { $0.isNaN ? -1 : $0 } == [1, 2, -1, 3, 4, 5])  // no 02:00 that day
        #expect(history.instant(at: 2) == nil)
        #expect(history.instant(at: 3) == first.adding(seconds: 2 * 3600))
    }

    @Test func theRepeatedAutumnHourHoldsTheMeanOfItsTwoRowsAndHasTwoInstants() throws {
        let berlin = try WallClock(timeZoneIdentifier: "Europe/Berlin")
        // 2024-10-27: clocks go back from 03:00 to 02:00, so 02:00-03:00 happens twice. 25 hourly rows.
        let first = berlin.instants(showing: CivilDateTime(year: 2024, month: 10, day: 27)!).first!
        let rows = (0..<25).map { (start: first.adding(seconds: Int64($0) * 3600), volume: Double($0 == 3 ? 30 : 10), averageHandleTime: Double?.none) }
        let history = try HistorySeries(step: .seconds(3600), clock: berlin, rows: rows, hasAverageHandleTime: false)
        #expect(history.volume.count == 24)
        #expect(history.volume[2] == 20)  // the rows of 02:00 (+02:00) and 02:00 (+01:00): 10 and 30
        #expect(history.volume[3] == 10)
        #expect(history.instants(at: 2) == [first.adding(seconds: 2 * 3600), first.adding(seconds: 3 * 3600)])
        #expect(history.instants(at: 3) == [first.adding(seconds: 4 * 3600)])
    }

    @Test(arguments: [TimeGrid.Step.seconds(420), .days(2)])
    func rejectsAnIntervalThatDoesNotDivideTheDay(_ step: TimeGrid.Step) {
        let error = shiftcastError {
            _ = try HistorySeries(step: step, clock: .naive, rows: [(at("2024-01-01T00:00"), 1, nil)], hasAverageHandleTime: false)
        }
        #expect(error?.code == .badData)
        #expect(error?.message.contains("day") == true)
    }
}
