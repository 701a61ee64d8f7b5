@testable import ShiftcastCSV
import ShiftcastCore
import ShiftcastIO
import Testing

@Suite struct VolumeFileTests {
    func forecast(_ text: String, clock: WallClock = .naive, interval: TimeSpan? = nil) throws -> VolumeFile {
        try VolumeFile(table: table(text, name: "f.csv"), clock: clock, interval: interval)
    }

    @Test func readsColumnsByNameInAnyOrder() throws {
        let file = try forecast("aht;lower;volume;timestamp\n180;1;12,5;2025-03-03 08:00\n200;1;7;2025-03-03 08:15\n")
        #expect(file.queues.count == 1)
        let queue = try #require(file.queues.first)
        #expect(queue.name == nil)
        #expect(queue.intervals.map(\.volume) == [12.5, 7])
        #expect(queue.intervals.map(\.averageHandleTime) == [180, 200])
        #expect(queue.grid.step == .seconds(900))
        #expect(queue.grid.count == 2)
    }

    @Test func gapsKeepTheTrueSpacing() throws {
        let file = try forecast("timestamp,volume\n2025-03-03T08:00,1\n2025-03-03T08:30,1\n2025-03-03T10:00,1\n")
        let grid = try #require(file.queues.first?.grid)
        #expect(grid.step == .seconds(1800))
        #expect(grid.count == 5)
        #expect(!file.hasAverageHandleTime)
    }

    @Test func splitsQueuesInOrderOfAppearance() throws {
        let file = try forecast("queue,timestamp,volume\nsales,2025-03-03T08:00,1\nsupport,2025-03-03T08:00,2\nsales,2025-03-03T08:30,3\nsupport,2025-03-03T09:00,4\n")
        #expect(file.queues.map(\.name) == ["sales", "support"])
        #expect(file.queues[0].grid.step == .seconds(1800))
        #expect(file.queues[1].grid.step == .seconds(3600))
    }

    @Test func dailyFilesStepInDays() throws {
        let file = try forecast("date,volume\n2024-01-01,5\n2024-01-02,6\n2024-01-05,0\n")
        #expect(file.datesOnly)
        #expect(file.queues[0].grid.step == .days(1))
        #expect(file.queues[0].grid.count == 5)
    }

    @Test func theRepeatedAutumnHourIsReadInOrder() throws {
        let berlin = try WallClock(timeZoneIdentifier: "Europe/Berlin")
        var text = "timestamp,volume\n"
        for (index, time) in ["01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00"].enumerated() {
            text += "2025-10-26T\(time),\(index)\n"
        }
        let queue = try #require(try forecast(text, clock: berlin).queues.first)
        #expect(queue.grid.step == .seconds(1800))
        #expect(queue.grid.count == 7)
        #expect(berlin.format(queue.intervals[4].start) == "2025-10-26T02:00:00+01:00")
        // Without a zone the same rows repeat a timestamp.
        expectError(.badData, at: "f.csv:6:1", containing: "appears twice") { _ = try forecast(text) }
    }

    @Test func singleRowNeedsAnInterval() throws {
        expectError(.badData, at: "f.csv:2", containing: "give the interval length") {
            _ = try forecast("timestamp,volume\n2025-03-03T08:00,1\n")
        }
        let file = try forecast("timestamp,volume\n2025-03-03T08:00,1\n", interval: .minutes(15))
        #expect(file.queues[0].grid.length(at: 0) == 900)
    }

    @Test func rejectsMixedDatesAndTimes() {
        expectError(.badData, at: "f.csv:3:1", containing: "mixes dates and times") {
            _ = try forecast("timestamp,volume\n2025-03-03,1\n2025-03-04T08:00,1\n")
        }
    }

    @Test func rejectsOffGridRowsWhenTheIntervalIsGiven() {
        expectError(.badData, at: "f.csv:3:1", containing: "not on the 30m grid") {
            _ = try forecast("timestamp,volume\n2025-03-03T08:00,1\n2025-03-03T08:15,1\n", interval: .minutes(30))
        }
    }

    @Test func rejectsNegativeAht() {
        expectError(.badData, at: "f.csv:2:3", containing: "aht '-5' is negative") {
            _ = try forecast("timestamp,volume,aht\n2025-03-03T08:00,1,-5\n2025-03-03T08:15,1,5\n")
        }
    }

    @Test func aHeaderWithoutRowsIsAnError() {
        expectError(.badData, at: "f.csv:1", containing: "no rows") { _ = try forecast("timestamp,volume\n") }
    }
}
