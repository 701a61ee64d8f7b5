import Foundation
import Testing

@Suite struct DemoCommandTests {
    /// Run from an empty folder, the demo finds the package's Fixtures beside the binary, writes the
    /// requirements into the folder it names, and says where.
    @Test func writesRequirementsAndSaysWhere() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["demo", "--output-folder", "out"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Wrote out/requirements.csv"))
        #expect(result.standardOutput.contains("672 intervals"))
        let written = try String(contentsOf: folder.appendingPathComponent("out/requirements.csv"), encoding: .utf8)
        #expect(written.hasPrefix("timestamp,volume,aht,agents,scheduled_agents,service_level,asa,occupancy\n"))
    }

    @Test func missingFixturesAre66() throws {
        let result = try ToolRunner.run(["demo", "--fixtures", "/nonexistent-folder", "--output-folder", "/tmp"])
        #expect(result.status == 66)
    }
}
