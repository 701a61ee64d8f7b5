import Foundation
import ScheduleChecker
import Testing

/// `shiftcast schedule --agents` run as a user would, every schedule judged by the independent checker with
/// the Agents file.
@Suite struct ScheduleAgentsCommandTests {
    static let shifts = """
        shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
        day,*,06:00,10:00,1h,6h,8h,1h

        """
    /// A week from Monday 2024-01-01, hourly: 2 agents from 08:00 to 16:00 each day.
    static let requirements = "timestamp,scheduled_agents\n" + (0..<168).map { hour in
        let day = hour / 24 + 1, clock = hour % 24
        return "2024-01-0\(day)T\(clock < 10 ? "0" : "")\(clock):00,\(clock >= 8 && clock < 16 ? 2 : 0)"
    }.joined(separator: "\n") + "\n"
    static let header = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\n"
    static let agents = header + """
        ann,day,32,40,5,12,Sun
        bob,*,32,40,5,12,
        cat,day,16,40,5,12,2024-01-03

        """

    func folder(agents: String) throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        try Data(Self.requirements.utf8).write(to: folder.appendingPathComponent("requirements.csv"))
        try Data(Self.shifts.utf8).write(to: folder.appendingPathComponent("shifts.csv"))
        try Data(agents.utf8).write(to: folder.appendingPathComponent("agents.csv"))
        return folder
    }

    func run(_ folder: URL, _ extra: [String] = []) throws -> ToolRunner.Result {
        try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv", "--agents", "agents.csv",
                            "--cyclic", "--time-limit", "3s", "-o", "schedule.csv", "--coverage", "coverage.csv"] + extra, in: folder)
    }

    func check(_ folder: URL, agents: String, shifts: String = Self.shifts, requirements: String = Self.requirements,
               breaks: String? = nil) throws -> ScheduleChecker.Report {
        func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        return ScheduleChecker.check(schedule: try text("schedule.csv"), shifts: shifts, requirements: requirements,
                                     coverage: try text("coverage.csv"), breaks: breaks, agents: agents, cyclic: true)
    }

    @Test func namedAgentsCoverTheWeekWithinTheirContracts() throws {
        let folder = try folder(agents: Self.agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try check(folder, agents: Self.agents)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.underAgentMinutes == 0)
        #expect(report.agents == 3)
        let summary = result.standardError
        #expect(summary.contains("agents: 3 of 3 named agents work (14 shifts"), "\(summary)")
        #expect(summary.contains("objective: 112, lower bound: 112, gap: 0% (optimal)"), "\(summary)")
        #expect(summary.contains("days off together:"), "\(summary)")
        let schedule = try String(contentsOf: folder.appendingPathComponent("schedule.csv"), encoding: .utf8)
        #expect(schedule.hasPrefix("agent,date,shift,activity,start,end\nann,"), "\(schedule)")
    }

    /// Issue 12, one rule for partial success: a contract no week of shifts can meet is a warning, the
    /// others are scheduled and the run succeeds.
    @Test func anUnmeetableContractIsAWarningAndTheOthersAreScheduled() throws {
        let agents = Self.agents + "bad,day,100,120,7,0,\n"
        let folder = try folder(agents: agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(folder)
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings == ["warning: agents.csv:5:5: agent 'bad': no week of shifts reaches min_week_hours 100h: at most 56h on the days and shifts this agent may work"],
                "\(result.standardError)")
        #expect(!result.standardError.contains("error: "), "\(result.standardError)")
        let report = try check(folder, agents: agents)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.underAgentMinutes == 0)
        #expect(result.standardError.contains("below min_week_hours: bad, week 1"), "\(result.standardError)")
    }

    /// Issue 12: an agent naming a family the Shifts file lacks is bad data. The run used to schedule the
    /// other agents over the existing outputs and exit 65, one error line per bad agent; now it fails with
    /// one line and leaves the outputs as they were.
    @Test func aContradictoryContractFailsAndLeavesTheOutputsAlone() throws {
        let agents = Self.agents + "bad,night,8,40,5,12,\nworse,night|late,8,40,5,12,\n"
        let folder = try folder(agents: agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["schedule.csv", "coverage.csv"] { try Data("old \(name)\n".utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try run(folder)
        #expect(result.status == 65)
        #expect(result.standardError == "error: agents.csv:5:2: agent 'bad': shift family 'night' is not in the Shifts file"
            + " (and 1 more like it)\n", "\(result.standardError)")
        for name in ["schedule.csv", "coverage.csv"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == "old \(name)\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["agents.csv", "coverage.csv", "requirements.csv", "schedule.csv", "shifts.csv"])
    }

    @Test func whenNoContractCanBeMetNothingIsWritten() throws {
        let agents = Self.header + "bad,night,8,40,5,12,\n"
        let folder = try folder(agents: agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(folder)
        #expect(result.status == 65)
        #expect(result.standardError == "error: agents.csv:2:2: agent 'bad': shift family 'night' is not in the Shifts file\n", "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("schedule.csv").path))
    }

    @Test(arguments: [
        (["--agents", "nowhere.csv"], Int32(66), "error: nowhere.csv: cannot read"),
        (["--under-weight=-1"], Int32(64), "error: --under-weight must be a number, 0 or more"),
    ])
    func invalidArgumentsFailCleanly(_ extra: [String], _ status: Int32, _ message: String) throws {
        let folder = try folder(agents: Self.agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(folder, extra)
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("schedule.csv").path))
    }

    @Test func namedAgentsServeOneQueueAndSaySo() throws {
        let folder = try folder(agents: Self.agents)
        defer { try? FileManager.default.removeItem(at: folder) }
        var requirements = "queue,timestamp,scheduled_agents\n"
        for queue in ["sales", "support"] {
            for line in Self.requirements.split(separator: "\n").dropFirst() { requirements += "\(queue),\(line)\n" }
        }
        try Data(requirements.utf8).write(to: folder.appendingPathComponent("requirements.csv"))
        let result = try run(folder)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError == "error: an Agents file schedules one queue, and the requirements have 2 ('sales', 'support'); schedule each queue with its own agents\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("schedule.csv").path))
    }

    @Test func badAgentDataIsLocated() throws {
        let folder = try folder(agents: Self.header + "ann,day,0,40,9,12,\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(folder)
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("error: agents.csv:2:5: max_days_per_week 9 is not a whole number from 0 to 7"), "\(result.standardError)")
    }

    @Test func theCallCentreWeekWith200AgentsKeepsEveryRule() throws {
        // The benchmark instance of Benchmarks/AgentsWeek, briefly (timing is the benchmark's business).
        let instance = ToolRunner.packageRoot.appendingPathComponent("Benchmarks/AgentsWeek")
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func instanceText(_ name: String) throws -> String { try String(contentsOf: instance.appendingPathComponent(name), encoding: .utf8) }
        let staff = try ToolRunner.run(["staff", "--forecast", instance.appendingPathComponent("forecast.csv").path,
                                        "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%",
                                        "-o", "requirements.csv"], in: folder)
        #expect(staff.status == 0, "\(staff.standardError)")
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv",
                                         "--shifts", instance.appendingPathComponent("shifts.csv").path,
                                         "--breaks", instance.appendingPathComponent("breaks.csv").path,
                                         "--agents", instance.appendingPathComponent("agents.csv").path,
                                         "--cyclic", "--time-limit", "15s", "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let requirements = try String(contentsOf: folder.appendingPathComponent("requirements.csv"), encoding: .utf8)
        let report = try check(folder, agents: try instanceText("agents.csv"), shifts: try instanceText("shifts.csv"),
                               requirements: requirements, breaks: try instanceText("breaks.csv"))
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.agents == 200)
        let objective = report.objective(under: 1, over: 0, distinctPenalty: 0)
        #expect(result.standardError.contains("objective: \(Int(objective.rounded()))") || result.standardError.contains("objective: \(objective)"),
                "\(objective) \(result.standardError)")
    }
}
