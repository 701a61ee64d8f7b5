import Foundation
import Testing

@Suite struct StaffCommandTests {
    /// The sample week: one row out per row in, the header of SPEC section 3, and each row's agents
    /// equal to what `erlang` says for that interval alone.
    @Test func staffsTheSampleWeek() throws {
        let result = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"),
                                         "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first == "timestamp,volume,aht,agents,scheduled_agents,service_level,asa,occupancy")
        #expect(lines.count == 1 + 7 * 96)
        // The busiest quarter-hour: 546 calls of 280 s.
        let peak = try #require(lines.first { $0.hasPrefix("2025-03-09T10:30:00,") })
        let fields = peak.split(separator: ",")
        let single = try ToolRunner.run(["erlang", "--volume", "546", "--aht", "280s", "--interval", "15m",
                                         "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%",
                                         "--format", "csv"])
        let values = single.standardOutput.split(separator: "\n")[1].split(separator: ",")
        #expect(fields[3] == values[1])
        #expect(fields[4] == values[2])
    }

    @Test func readsStandardInputAndKeepsQueues() throws {
        let input = "queue;timestamp;volume;aht\nsales;2025-03-03 08:00;12,5;180\nsupport;2025-03-03 08:00;0;200\n"
            + "sales;2025-03-03 08:30;20;180\nsupport;2025-03-03 08:30;7;200\n"
        let result = try ToolRunner.run(["staff", "--forecast", "-", "-o", "-"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "queue,timestamp,volume,aht,agents,scheduled_agents,service_level,asa,occupancy")
        #expect(lines[1].hasPrefix("sales,2025-03-03T08:00:00,12.5,180,"))
        #expect(lines[3].hasPrefix("support,2025-03-03T08:00:00,0,200,0,0,"))
        #expect(lines.count == 5)
    }

    @Test func writesTheFileWholeAndSaysNothingOnSuccess() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "-o", "out.csv"],
                                        in: folder)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(written.split(separator: "\n").count == 1 + 7 * 96)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func deferredWorkAddsBacklog() throws {
        let input = "timestamp,volume\n2025-03-03T08:00,40\n2025-03-03T09:00,25\n2025-03-03T11:00,5\n"
        let result = try ToolRunner.run(["staff", "--forecast", "-", "--aht", "6m", "--response-time", "2h",
                                         "--max-occupancy", "90%"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "timestamp,volume,aht,agents,scheduled_agents,occupancy,backlog")
        // The missing 10:00 hour is staffed too: agents may work off the backlog in it.
        #expect(lines.count == 1 + 4)
        #expect(lines[3].hasPrefix("2025-03-03T10:00:00,0,360,"))
    }

    @Test func daylightSavingDayUnderATimeZone() throws {
        var input = "timestamp,volume,aht\n"
        for hour in [0, 1, 3, 4] { input += "2025-03-30T0\(hour):00,10,180\n" }
        let result = try ToolRunner.run(["staff", "--forecast", "-", "--timezone", "Europe/Berlin"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines[2].hasPrefix("2025-03-30T01:00:00+01:00,"))
        #expect(lines[3].hasPrefix("2025-03-30T03:00:00+02:00,"))
        let bad = try ToolRunner.run(["staff", "--forecast", "-", "--timezone", "Europe/Berlin"],
                                     input: "timestamp,volume,aht\n2025-03-30T02:30,1,180\n2025-03-30T03:00,1,180\n")
        #expect(bad.status == 65)
        #expect(bad.standardError.hasPrefix("error: -:2:1: 2025-03-30T02:30:00 does not exist in Europe/Berlin"))
    }
}
