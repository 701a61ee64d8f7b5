import Foundation
import ScheduleChecker
import Testing

/// `shiftcast demo` staffs and schedules the sample week; its schedule passes the independent checker.
@Suite struct DemoCommandTests {
    @Test func staffsAndSchedulesTheSampleWeek() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = ToolRunner.packageRoot.appendingPathComponent("Fixtures").path
        let result = try ToolRunner.run(["demo", "--fixtures", fixtures, "--output-folder", "out", "--time-limit", "3s"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Scheduled it as a repeating week"))
        let out = folder.appendingPathComponent("out")
        func text(_ name: String) throws -> String { try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) }
        let report = ScheduleChecker.check(
            schedule: try text("schedule.csv"), shifts: try String(contentsOfFile: fixtures + "/shifts-week.csv", encoding: .utf8),
            requirements: try text("requirements.csv"), coverage: try text("coverage.csv"),
            breaks: try String(contentsOfFile: fixtures + "/breaks-week.csv", encoding: .utf8),
            agents: try String(contentsOfFile: fixtures + "/agents-sample.csv", encoding: .utf8), cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.shifts > 0)
        #expect(report.agents <= 450)
        #expect(result.standardOutput.contains("named agents work"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("paid hours: \(String(format: "%g", (report.paidHours * 100).rounded() / 100))"),
                "\(result.standardOutput)")
    }

    /// Run from an empty folder without --fixtures, the demo finds the package's Fixtures beside the
    /// binary and says where it wrote.
    @Test func findsFixturesBesideTheBinary() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["demo", "--output-folder", "out", "--time-limit", "2s"], in: folder)
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
