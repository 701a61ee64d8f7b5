import Foundation
import ScheduleChecker
import Testing

/// `shiftcast plan`: the pipeline in one run, its files consistent with one another and with the rules.
@Suite struct PlanCommandTests {
    /// `plan` on the sample data writes the files of `Fixtures/golden/plan-sample`, byte for byte (the
    /// report's line of solve time aside): a refactoring of the pipeline may not change a result. The
    /// schedule is CBC's proven optimum, found in well under a second, so no time limit decides it.
    @Test func planOnTheSampleGivesTheGoldenFiles() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["plan", "--history", ToolRunner.fixture("history-sample.csv"), "--horizon", "7d",
                                         "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%",
                                         "--shifts", ToolRunner.fixture("shifts-week.csv"), "--cyclic", "--output-folder", "out"],
                                        in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let golden = ToolRunner.packageRoot.appendingPathComponent("Fixtures/golden/plan-sample")
        for name in ["forecast.csv", "requirements.csv", "schedule.csv", "coverage.csv", "plan.json", "backtest.csv", "report.md"] {
            func content(_ url: URL) throws -> [Substring] {
                try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("time: ") }
            }
            let written = try content(folder.appendingPathComponent("out").appendingPathComponent(name))
            let expected = try content(golden.appendingPathComponent(name))
            #expect(written == expected, "\(name) differs from Fixtures/golden/plan-sample/\(name)")
        }
    }

    /// `plan --simulate` adds the simulation of the schedule against the forecast: simulation.csv, one row
    /// per forecast interval, and its figures in the report, beside the projection.
    @Test func planWithSimulateWritesTheSimulationAndReportsIt() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["plan", "--history", ToolRunner.fixture("history-sample.csv"), "--horizon", "7d",
                                         "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%",
                                         "--shifts", ToolRunner.fixture("shifts-week.csv"), "--cyclic", "--output-folder", "out",
                                         "--simulate", "--replications", "20", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let out = folder.appendingPathComponent("out")
        let simulation = try String(contentsOf: out.appendingPathComponent("simulation.csv"), encoding: .utf8).split(separator: "\n")
        let forecast = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8).split(separator: "\n")
        #expect(simulation.count == forecast.count)
        #expect(simulation.first?.hasPrefix("timestamp,volume,volume_low,volume_high,agents,service_level") == true)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Projected service level: "))
        #expect(report.contains("simulated 20 replications: service level "))
    }

    let fixtures = ToolRunner.packageRoot.appendingPathComponent("Fixtures").path

    @Test func forecastsStaffsAndSchedulesIntoOneFolderWithAReport() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run([
            "plan", "--history", fixtures + "/history-sample.csv", "--horizon", "7d",
            "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%",
            "--shifts", fixtures + "/shifts-week.csv", "--cyclic", "--time-limit", "20s", "--output-folder", "out",
        ], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let out = folder.appendingPathComponent("out")
        func text(_ name: String) throws -> String { try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) }
        // Each step's file is the next one's input: the forecast's week is the requirements' week.
        let forecast = try text("forecast.csv").split(separator: "\n"), requirements = try text("requirements.csv")
        #expect(forecast.count == 1 + 7 * 96)
        #expect(requirements.split(separator: "\n").count == 1 + 7 * 96)
        #expect(requirements.split(separator: "\n")[1].hasPrefix(forecast[1].split(separator: ",")[0] + ","))
        let report = ScheduleChecker.check(schedule: try text("schedule.csv"),
                                           shifts: try String(contentsOfFile: fixtures + "/shifts-week.csv", encoding: .utf8),
                                           requirements: requirements, coverage: try text("coverage.csv"), cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.underAgentMinutes == 0)
        let markdown = try text("report.md")
        for heading in ["## Forecast", "## Staffing", "## Schedule", "## Files"] { #expect(markdown.contains(heading)) }
        #expect(markdown.contains("paid hours: \(String(format: "%g", (report.paidHours * 100).rounded() / 100))"), "\(markdown)")
        #expect(result.standardError.contains("# Shiftcast plan"))
    }

    @Test func aBadShiftsFileStopsThePlanBeforeAnyFileIsWritten() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let existing = Data("an existing schedule\n".utf8)
        try existing.write(to: out.appendingPathComponent("schedule.csv"))
        try Data("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nearly,*,06:10,08:10,1h,4h,6h,1h\n".utf8)
            .write(to: folder.appendingPathComponent("shifts.csv"))
        let result = try ToolRunner.run(["plan", "--history", fixtures + "/history-sample.csv", "--shifts", "shifts.csv",
                                         "--output-folder", "out"], in: folder)
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: shifts.csv:2:3: shift 'early': earliest_start 06:10 is not on the 15m grid"),
                "\(result.standardError)")
        #expect(try Data(contentsOf: out.appendingPathComponent("schedule.csv")) == existing)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("forecast.csv").path))
    }

    @Test func aDailyHistoryCannotBeScheduledAndSaysWhy() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var history = "date,volume,aht\n"
        let start = Date(timeIntervalSince1970: 1_704_067_200)
        for day in 0..<84 {
            let date = ISO8601DateFormatter.string(from: start.addingTimeInterval(Double(day) * 86_400), timeZone: TimeZone(identifier: "UTC")!,
                                                   formatOptions: [.withFullDate])
            history += "\(date),\(day % 7 < 5 ? 1000 + day : 0),300\n"
        }
        try Data(history.utf8).write(to: folder.appendingPathComponent("history.csv"))
        let result = try ToolRunner.run(["plan", "--history", "history.csv", "--shifts", fixtures + "/shifts-week.csv",
                                         "--output-folder", "out"], in: folder)
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: history.csv: the history has one interval a day; a schedule needs the times of day"),
                "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/forecast.csv").path))
    }
}
