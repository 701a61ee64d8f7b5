import Foundation
import Testing

/// `shiftcast simulate` run as a user would (issue 10): the Simulation file, the same output for the
/// same seed, and a located one-line error with its exit code for each kind of bad input, an existing
/// output file left as it was.
@Suite struct SimulateCommandTests {
    static let volumes = """
        timestamp,volume,aht
        2025-03-03T08:00:00,40,180
        2025-03-03T08:15:00,60,180
        2025-03-03T08:30:00,50,180
        2025-03-03T08:45:00,30,180

        """
    static let schedule = """
        agent,date,shift,activity,start,end
        A1,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T08:30:00
        A1,2025-03-03,day,break,2025-03-03T08:30:00,2025-03-03T08:45:00
        A1,2025-03-03,day,work,2025-03-03T08:45:00,2025-03-03T09:00:00
        A2,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A3,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A4,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A5,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A6,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A7,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A8,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A9,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A10,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A11,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00
        A12,2025-03-03,day,work,2025-03-03T08:00:00,2025-03-03T09:00:00

        """

    func folder(volumes: String = Self.volumes, schedule: String = Self.schedule) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try volumes.write(to: folder.appendingPathComponent("volumes.csv"), atomically: true, encoding: .utf8)
        try schedule.write(to: folder.appendingPathComponent("schedule.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func writesTheSimulationFileAndTheSameOutputForTheSameSeed() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["simulate", "--schedule", "schedule.csv", "--volumes", "volumes.csv", "--replications", "50", "--seed", "4"]
        let first = try ToolRunner.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        let lines = first.standardOutput.split(separator: "\n")
        let header = "timestamp,volume,volume_low,volume_high,agents,service_level,service_level_low,service_level_high,"
            + "asa,asa_low,asa_high,abandon_rate,abandon_rate_low,abandon_rate_high,occupancy,occupancy_low,occupancy_high"
        #expect(lines.first.map(String.init) == header)
        #expect(lines.count == 5)
        // 08:30-08:45: A1 is on a break, so 11 agents are at work.
        #expect(lines[3].split(separator: ",")[4] == "11")
        #expect(first.standardError.contains("simulated 50 replications: service level"))
        #expect(first.standardError.contains("paid hours 12"))
        let again = try ToolRunner.run(arguments, in: folder)
        #expect(again.standardOutput == first.standardOutput)
        let json = try ToolRunner.run(arguments + ["--format", "json", "--quiet"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        for key in ["service_level", "asa", "abandon_rate", "occupancy", "paid_hours"] { #expect(object[key] is Double, "\(key)") }
        #expect(json.standardError.isEmpty)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var volumes = SimulateCommandTests.volumes
        var schedule = SimulateCommandTests.schedule
        var arguments: [String] = []
        var status: Int32 = 65
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a schedule of other days",
             schedule: schedule.replacingOccurrences(of: "2025-03-03T", with: "2025-04-07T"),
             message: "schedule.csv: no agent of the schedule works between 2025-03-03T08:00:00 and 2025-03-03T09:00:00"),
        Case(name: "an agent with overlapping rows",
             schedule: schedule + "A2,2025-03-03,day,work,2025-03-03T08:50:00,2025-03-03T09:10:00\n",
             message: "schedule.csv:16:5: agent 'A2' has two rows that overlap: 2025-03-03T08:50:00 falls inside the row on line 5"),
        Case(name: "volumes with a gap",
             volumes: volumes.replacingOccurrences(of: "2025-03-03T08:15:00,60,180\n", with: ""),
             message: "volumes.csv:3: comes after a gap in the intervals"),
        Case(name: "an end before its start",
             schedule: schedule + "A13,2025-03-03,day,work,2025-03-03T09:00:00,2025-03-03T08:00:00\n",
             message: "schedule.csv:16:6: end 2025-03-03T08:00:00 is not after start 2025-03-03T09:00:00"),
        Case(name: "no replications", arguments: ["--replications", "0"], status: 64, message: "--replications must be a whole number from 1"),
        Case(name: "volume without aht", volumes: "timestamp,volume\n2025-03-03T08:00:00,40\n2025-03-03T08:15:00,60\n",
             message: "volumes.csv:2: has volume but no AHT"),
    ]

    @Test(arguments: cases)
    func badInputGetsALocatedErrorAndLeavesTheOutputAlone(_ testCase: Case) throws {
        let folder = try folder(volumes: testCase.volumes, schedule: testCase.schedule)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "keep me\n".write(to: folder.appendingPathComponent("out.csv"), atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["simulate", "--schedule", "schedule.csv", "--volumes", "volumes.csv", "-o", "out.csv"]
                                        + testCase.arguments, in: folder)
        #expect(result.status == testCase.status, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: " + testCase.message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8) == "keep me\n")
    }
}
