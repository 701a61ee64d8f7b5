@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct ShiftsFileTests {
    static let header = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n"
    let hourly = try! RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 3600, required: [1, 1])
    let quarterly = try! RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 900, required: [1, 1])

    @Test func readsFamilies() throws {
        let file = try ShiftsFile(table: table(Self.header + "early,Mon|tue|Friday,06:00,8:30,30m,4h,8h,1h,2.5\nnight,*,22:00,02:00,1h,8h,8h,1h,\n",
                                               name: "shifts.csv"))
        #expect(file.families.count == 2)
        let early = file.families[0]
        #expect(early.weekdays == [1, 2, 5])
        #expect(early.earliestStart == 6 * 3600 && early.latestStart == 8 * 3600 + 1800)
        #expect(early.startStep == 1800 && early.minimumLength == 4 * 3600 && early.maximumLength == 8 * 3600)
        #expect(early.costPerHour == 2.5)
        #expect(file.families[1].costPerHour == 1)  // blank means the default
        #expect(file.families[1].weekdays == Set(1...7))
        #expect(try file.families(fitting: quarterly).count == 2)
    }

    @Test func aWindowOffTheGridIsLocatedAtItsField() throws {
        let file = try ShiftsFile(table: table(Self.header + "early,*,06:30,08:30,1h,4h,8h,1h,1\n", name: "shifts.csv"))
        expectError(.badData, at: "shifts.csv:2:3", containing: "earliest_start 06:30 is not on the 1h grid") {
            _ = try file.families(fitting: hourly)
        }
    }

    @Test func lengthsOffTheGridAreLocatedAtTheirField() throws {
        let file = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,4h,8h,30m,1\n", name: "shifts.csv"))
        expectError(.badData, at: "shifts.csv:2:8", containing: "length_step 30m is not a whole number") {
            _ = try file.families(fitting: hourly)
        }
    }

    @Test func badFieldsAreLocated() {
        expectError(.badData, at: "shifts.csv:2:2", containing: "is not a list of weekdays") {
            _ = try ShiftsFile(table: table(Self.header + "early,Mon|Funday,06:00,08:00,1h,4h,8h,1h,1\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:2:4", containing: "is not a time of day") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,25:00,1h,4h,8h,1h,1\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:2:6", containing: "min_length '0' is not a duration from 1s to 1d") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,0,8h,1h,1\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:2:9", containing: "is negative") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,4h,8h,1h,-2\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:3:1", containing: "appears twice (first on line 2)") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,4h,8h,1h,1\nearly,*,06:00,08:00,1h,4h,8h,1h,1\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:1", containing: "has no column 'length_step'") {
            _ = try ShiftsFile(table: table("shift,days,earliest_start,latest_start,start_step,min_length,max_length\n", name: "shifts.csv"))
        }
    }

    /// Issue 12: a unitless duration too large for an `Int` trapped ("Double value cannot be converted").
    @Test(arguments: ["9223372036854775808", "1e19", "1e308m", "99999999999", "-1", "2d", "1.5s", "nan", "inf"])
    func durationsBeyondADayAreLocatedErrors(value: String) {
        expectError(.badData, at: "shifts.csv:2:5", containing: "start_step '\(value)' is not a duration from 1s to 1d") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,\(value),4h,8h,1h,1\n", name: "shifts.csv"))
        }
        expectError(.badData, at: "shifts.csv:2:7", containing: "max_length '\(value)' is not a duration from 1s to 1d") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,4h,\(value),1h,1\n", name: "shifts.csv"))
        }
    }

    @Test func aCostBeyondTheLimitIsLocated() {
        expectError(.badData, at: "shifts.csv:2:9", containing: "cost_per_hour '1e300' is out of range; expected a cost per paid hour from 0 to 1000000000") {
            _ = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,4h,8h,1h,1e300\n", name: "shifts.csv"))
        }
    }

    @Test func lengthsOutOfOrderAreLocatedAtMaxLength() throws {
        let file = try ShiftsFile(table: table(Self.header + "early,*,06:00,08:00,1h,8h,4h,1h,1\n", name: "shifts.csv"))
        expectError(.badData, at: "shifts.csv:2:7", containing: "max_length 4h is below min_length 8h") {
            _ = try file.families(fitting: hourly)
        }
    }
}
