@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct RequirementsReaderTests {
    @Test func readsScheduledAgentsOnItsGridWithFractionsAndGaps() throws {
        let curve = try RequirementsReader.curve(from: table("""
            timestamp,volume,scheduled_agents
            2024-01-01T08:00,10,2.5
            2024-01-01T08:15,12,3
            2024-01-01T08:45,9,1
            """, name: "requirements.csv"))
        #expect(curve.slotSeconds == 900)
        #expect(curve.required == [2.5, 3, 0, 1])  // 08:30 is missing: nobody required
        #expect(curve.start == Timestamp(secondsSinceEpoch: 1_704_067_200 + 8 * 3600))
    }

    @Test func aRequiredColumnIsAcceptedToo() throws {
        let curve = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T00:00,1\n2024-01-01T01:00,2\n", name: "r.csv"))
        #expect(curve.required == [1, 2])
    }

    @Test func badRequirementsAreLocated() {
        expectError(.badData, at: "r.csv:3:2", containing: "required '-1' is negative") {
            _ = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T00:00,1\n2024-01-01T01:00,-1\n", name: "r.csv"))
        }
        expectError(.badData, at: "r.csv:3:2", containing: "is not a number") {
            _ = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T00:00,1\n2024-01-01T01:00,nan\n", name: "r.csv"))
        }
        expectError(.badData, at: "r.csv:3:1", containing: "does not come after the previous row (line 2)") {
            _ = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T01:00,1\n2024-01-01T00:00,1\n", name: "r.csv"))
        }
        expectError(.badData, at: "r.csv:2:1", containing: "is a date") {
            _ = try RequirementsReader.curve(from: table("date,required\n2024-01-01,1\n2024-01-02,1\n", name: "r.csv"))
        }
        expectError(.badData, at: "r.csv:1", containing: "has no column 'scheduled_agents' or 'required'") {
            _ = try RequirementsReader.curve(from: table("timestamp,agents\n2024-01-01T00:00,1\n", name: "r.csv"))
        }
    }

    @Test func aCyclicHorizonMustBeWholeDaysFromMidnight() {
        expectError(.badData, at: "r.csv:2:1", containing: "a repeating week needs requirements covering whole days") {
            _ = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T00:00,1\n2024-01-01T01:00,1\n", name: "r.csv"), cyclic: true)
        }
        expectError(.badData, at: "r.csv:2:1", containing: "start at midnight") {
            _ = try RequirementsReader.curve(from: table("timestamp,required\n2024-01-01T06:00,1\n2024-01-01T07:00,1\n", name: "r.csv"), cyclic: true)
        }
    }
}
