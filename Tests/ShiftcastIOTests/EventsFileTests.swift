@testable import ShiftcastCSV
import ShiftcastCore
import ShiftcastForecasting
@testable import ShiftcastIO
import Testing

@Suite struct EventsFileTests {
    func read(_ text: String) throws -> EventCalendar {
        try EventsFile.calendar(from: table(text, name: "e.csv"))
    }

    @Test func datesAreWholeDaysInclusiveAndTimestampsHalfOpen() throws {
        let calendar = try read("description,end,start,event,uplift\n\"Bills, county-wide\",2024-11-03,2024-11-01,bill_mailed,\n,2024-07-19T14:00,2024-07-19T09:00,outage,0\n")
        #expect(calendar.occurrences.count == 2)
        let bills = calendar.occurrences[0]
        #expect(bills.kind == "bill_mailed" && bills.uplift == nil && bills.line == 2)
        #expect(bills.start.formatted() == "2024-11-01T00:00:00" && bills.end.formatted() == "2024-11-04T00:00:00")
        #expect(bills.days.count == 3)
        let outage = calendar.occurrences[1]
        #expect(outage.uplift == 0 && outage.end.formatted() == "2024-07-19T14:00:00" && outage.days.count == 1)
    }

    @Test func aOneDayEventEndsOnItsStartDate() throws {
        #expect(try read("event,start,end\nx,2024-01-01,2024-01-01\n").occurrences[0].days.count == 1)
    }

    @Test func badRowsAreLocated() {
        expectError(.badData, at: "e.csv:2:3", containing: "end 2024-01-01 is before start 2024-01-02") {
            _ = try read("event,start,end\nx,2024-01-02,2024-01-01\n")
        }
        expectError(.badData, at: "e.csv:2:3", containing: "expected an end after the start") {
            _ = try read("event,start,end\nx,2024-01-02T10:00,2024-01-02T10:00\n")
        }
        expectError(.badData, at: "e.csv:2:2", containing: "start 'soon' is not a date or timestamp") {
            _ = try read("event,start,end\nx,soon,2024-01-01\n")
        }
        expectError(.badData, at: "e.csv:2:4", containing: "uplift '-1' is negative") {
            _ = try read("event,start,end,uplift\nx,2024-01-01,2024-01-01,-1\n")
        }
        expectError(.badData, at: "e.csv:2:1", containing: "event name is blank") {
            _ = try read("event,start,end\n,2024-01-01,2024-01-01\n")
        }
        expectError(.badData, at: "e.csv:1") { _ = try read("event,start\nx,2024-01-01\n") }
    }
}
