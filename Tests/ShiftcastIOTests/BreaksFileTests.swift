@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct BreaksFileTests {
    static let header = "shift,activity,duration,anchor,earliest,latest,min_shift_length,paid\n"
    let day = ShiftFamily(name: "day", earliestStart: 8 * 3600, latestStart: 9 * 3600, startStep: 900,
                          minimumLength: 4 * 3600, maximumLength: 8 * 3600, lengthStep: 3600)

    @Test func readsRules() throws {
        let file = try BreaksFile(table: table(Self.header + "day,break,15m,start,2h,3h,,\n*,lunch,30m,end,5h,3h,6h,false\n", name: "breaks.csv"))
        #expect(file.rules == [
            BreakRule(shift: "day", activity: "break", duration: 900, anchor: .start, earliest: 7200, latest: 10800),
            BreakRule(shift: "*", activity: "lunch", duration: 1800, anchor: .end, earliest: 18000, latest: 10800,
                      minimumShiftLength: 21600, paid: false),
        ])
        #expect(try file.rules(fitting: [day], slotSeconds: 900).count == 2)
    }

    @Test func aBreakLongerThanItsShiftIsLocatedAtItsDuration() throws {
        let file = try BreaksFile(table: table(Self.header + "day,lunch,4h,start,0,1h,,\n", name: "breaks.csv"))
        expectError(.badData, at: "breaks.csv:2:3", containing: "lunch of shift 'day': duration 4h is as long as the 4h shifts") {
            _ = try file.rules(fitting: [day], slotSeconds: 900)
        }
    }

    @Test func aWindowThatCannotBeMetIsLocatedAtEarliest() throws {
        let file = try BreaksFile(table: table(Self.header + "day,break,15m,start,5h,6h,,\n", name: "breaks.csv"))
        expectError(.badData, at: "breaks.csv:2:5", containing: "cannot hold a 15m break in the 4h shifts of 'day'") {
            _ = try file.rules(fitting: [day], slotSeconds: 900)
        }
    }

    @Test func badFieldsAreLocated() throws {
        expectError(.badData, at: "breaks.csv:2:4", containing: "anchor 'middle' is not start or end") {
            _ = try BreaksFile(table: table(Self.header + "day,break,15m,middle,2h,3h,,\n", name: "breaks.csv"))
        }
        expectError(.badData, at: "breaks.csv:2:3", containing: "duration '0' is not a duration from 1s to 1d") {
            _ = try BreaksFile(table: table(Self.header + "day,break,0,start,2h,3h,,\n", name: "breaks.csv"))
        }
        expectError(.badData, at: "breaks.csv:2:5", containing: "earliest '1e19' is not a duration from 0s to 1d") {
            _ = try BreaksFile(table: table(Self.header + "day,break,15m,start,1e19,3h,,\n", name: "breaks.csv"))
        }
        expectError(.badData, at: "breaks.csv:2:8", containing: "paid 'maybe' is not true or false") {
            _ = try BreaksFile(table: table(Self.header + "day,break,15m,start,2h,3h,,maybe\n", name: "breaks.csv"))
        }
        expectError(.badData, at: "breaks.csv:2:2", containing: "is not a break") {
            _ = try BreaksFile(table: table(Self.header + "day,work,15m,start,2h,3h,,\n", name: "breaks.csv"))
        }
        let unknown = try BreaksFile(table: table(Self.header + "evening,break,15m,start,2h,3h,,\n", name: "breaks.csv"))
        expectError(.badData, at: "breaks.csv:2:1", containing: "shift 'evening' is not a family of the Shifts file") {
            _ = try unknown.rules(fitting: [day], slotSeconds: 900)
        }
        let offGrid = try BreaksFile(table: table(Self.header + "day,break,10m,start,2h,3h,,\n", name: "breaks.csv"))
        expectError(.badData, at: "breaks.csv:2:3", containing: "duration 10m is not a whole number of the requirements' 15m intervals") {
            _ = try offGrid.rules(fitting: [day], slotSeconds: 900)
        }
    }

    @Test func breaksThatCannotFitTogetherAreRefused() throws {
        // A 2h lunch and a 1h break both in the first 2h of every shift.
        let file = try BreaksFile(table: table(Self.header + "day,lunch,2h,start,0,0,,\nday,break,1h,start,0,1h,,\n", name: "breaks.csv"))
        expectError(.badData, at: "breaks.csv:3", containing: "the breaks of the 4h shifts of 'day' cannot all fit without overlapping") {
            _ = try file.rules(fitting: [day], slotSeconds: 900)
        }
    }
}
