import Foundation
import Testing

@Suite struct ErlangCommandTests {
    /// pyworkforce's published example, through the command line as a user types it.
    @Test func publishedErlangCExample() throws {
        let result = try ToolRunner.run([
            "erlang", "--volume", "100", "--aht", "180s", "--interval", "30m", "--service-level", "80%",
            "--answer-within", "20s", "--max-occupancy", "85%", "--shrinkage", "30%", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["agents"] as? Int == 14)
        #expect(json["scheduled_agents"] as? Int == 20)
        #expect(abs((json["service_level"] as? Double ?? 0) - 0.888350) < 5e-7)
        #expect(abs((json["probability_wait"] as? Double ?? 0) - 0.174132) < 5e-7)
        #expect(abs((json["occupancy"] as? Double ?? 0) - 0.714286) < 5e-7)
        #expect(abs((json["traffic"] as? Double ?? 0) - 10) < 1e-12)
    }

    @Test func publishedErlangAExample() throws {
        let result = try ToolRunner.run([
            "erlang", "--volume", "100", "--aht", "3m", "--interval", "30m", "--agents", "14",
            "--patience", "5m", "--answer-within", "20s", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(abs((json["probability_wait"] as? Double ?? 0) - 0.14526) < 5e-6)
        #expect(abs((json["probability_abandon"] as? Double ?? 0) - 0.013984) < 5e-7)
        #expect(abs((json["service_level"] as? Double ?? 0) - 0.916792) < 5e-7)
        #expect(abs((json["asa"] as? Double ?? 0) - 0.069919 * 60) < 5e-5)
    }

    @Test func unstableQueueShowsInfiniteWaitNeverNaN() throws {
        let json = try ToolRunner.run(["erlang", "--volume", "100", "--aht", "180s", "--agents", "5", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.standardOutput.contains("\"asa\": null"))
        #expect(json.standardOutput.contains("\"stable\": false"))
        #expect(json.standardOutput.contains("\"service_level\": 0"))
        let table = try ToolRunner.run(["erlang", "--volume", "100", "--aht", "180s", "--agents", "5"])
        #expect(table.standardOutput.contains("infinite (queue unstable)"))
        for output in [json.standardOutput, table.standardOutput] {
            #expect(!output.lowercased().contains("nan"))
            #expect(!(0...9).contains { output.contains("-\($0)") }, "a negative number in \(output)")
        }
    }

    @Test func csvFormatHasTheJsonKeys() throws {
        let result = try ToolRunner.run(["erlang", "--volume", "50", "--aht", "4m", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("traffic,agents,scheduled_agents,service_level,asa,probability_wait,occupancy\n"))
    }

    @Test func helpShowsAnExampleAndVersionPrints() throws {
        let help = try ToolRunner.run(["erlang", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("shiftcast erlang --volume 100"))
        let staffHelp = try ToolRunner.run(["staff", "--help"])
        #expect(staffHelp.standardOutput.contains("--response-time"))
        let version = try ToolRunner.run(["--version"])
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func unmeetableTargetSaysWhich() throws {
        let result = try ToolRunner.run(["erlang", "--volume", "100", "--aht", "3m", "--patience", "5m", "--max-abandon", "0%"])
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("error: "))
        #expect(result.standardError.contains("abandon"))
    }
}
