import Foundation
import ScheduleChecker
import Testing

/// `shiftcast schedule` run as a user would, every output judged by the independent checker.
@Suite struct ScheduleCommandTests {
    static let shifts = """
        shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
        early,*,06:00,08:00,1h,4h,6h,1h
        late,Mon|Tue,12:00,14:00,1h,4h,6h,1h

        """

    /// Monday and Tuesday, hourly: 2 agents 06-12 and 3 agents 12-18 each day, plus 1 agent at 02:00 on
    /// Monday that no shift reaches.
    static var requirements: String {
        var text = "timestamp,scheduled_agents\n"
        for hour in 0..<48 {
            let day = hour / 24 + 1, clock = hour % 24
            let value = clock >= 6 && clock < 12 ? 2 : clock >= 12 && clock < 18 ? 3 : hour == 2 ? 1 : 0
            text += String(format: "2024-01-%02dT%02d:00,%d\n", day, clock, value)
        }
        return text
    }

    func folder(requirements: String = Self.requirements, shifts: String = Self.shifts) throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        try Data(requirements.utf8).write(to: folder.appendingPathComponent("requirements.csv"))
        try Data(shifts.utf8).write(to: folder.appendingPathComponent("shifts.csv"))
        return folder
    }

    func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func schedulesCoversAndReportsWhatStaysShort() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv",
                                         "--over-weight", "1", "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = ScheduleChecker.check(schedule: try text(folder, "schedule.csv"), shifts: Self.shifts,
                                           requirements: Self.requirements, coverage: try text(folder, "coverage.csv"), cyclic: false)
        #expect(report.violations.isEmpty, "\(report.violations)")
        // Exact cover of both days: 2 x 6h early + 3 x 6h late per day = 60 paid hours; 02:00 stays short.
        #expect(abs(report.paidHours - 60) < 1e-9)
        #expect(abs(report.underAgentMinutes - 60) < 1e-9)
        #expect(report.overAgentMinutes == 0)
        let summary = result.standardError
        #expect(summary.contains("agents: 5 (10 shifts, 2 distinct start and length)"), "\(summary)")
        #expect(report.agents == 5)
        #expect(summary.contains("paid hours: 60"), "\(summary)")
        #expect(summary.contains("under-staffed hours: 1, over-staffed hours: 0"), "\(summary)")
        #expect(summary.contains("objective: 120, lower bound: 120, gap: 0% (optimal)"), "\(summary)")
        #expect(summary.contains("short: Mon 2024-01-01 02:00-03:00 by 1 agent: no shift reaches it"), "\(summary)")
    }

    @Test func theMinimumShiftDesignInstanceReachesItsOptimumThroughTheTool() throws {
        let instance = ToolRunner.packageRoot.appendingPathComponent("Benchmarks/MSD/DataSet1/RandomExample1")
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run([
            "schedule", "--requirements", instance.appendingPathComponent("requirements.csv").path,
            "--shifts", instance.appendingPathComponent("shifts.csv").path, "--cyclic", "--under-weight", "1", "--over-weight", "1",
            "--distinct-shift-penalty", "60", "--time-limit", "60s", "-o", "schedule.csv", "--coverage", "coverage.csv",
        ], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("objective: 480, lower bound: 480, gap: 0% (optimal)"), "\(result.standardError)")
        let report = ScheduleChecker.check(
            schedule: try text(folder, "schedule.csv"),
            shifts: try String(contentsOf: instance.appendingPathComponent("shifts.csv"), encoding: .utf8),
            requirements: try String(contentsOf: instance.appendingPathComponent("requirements.csv"), encoding: .utf8),
            coverage: try text(folder, "coverage.csv"), cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.objective(under: 1, over: 1, distinctPenalty: 60) == 480)
    }

    @Test(.enabled(if: ToolRunner.hasScript, "needs script(1) for a pseudo-terminal"))
    func aSearchShowsItsPhaseAndTimeOnATerminal() throws {
        // MSD instance 2 searches for a few seconds: long enough for the line to tick.
        let instance = ToolRunner.packageRoot.appendingPathComponent("Benchmarks/MSD/DataSet1/RandomExample2")
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["schedule", "--requirements", instance.appendingPathComponent("requirements.csv").path,
                         "--shifts", instance.appendingPathComponent("shifts.csv").path, "--cyclic", "--over-weight", "1",
                         "--distinct-shift-penalty", "30", "--time-limit", "3s", "-o", folder.appendingPathComponent("s.csv").path]
        let terminal = try ToolRunner.runOnTerminal(arguments)
        #expect(terminal.status == 0, "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("schedule: linear relaxation of"), "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("s of 3s"), "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("objective: "))
        let quiet = try ToolRunner.runOnTerminal(arguments + ["--quiet"])
        #expect(quiet.status == 0)
        #expect(!quiet.standardOutput.contains("schedule:") && !quiet.standardOutput.contains("objective"), "\(quiet.standardOutput)")
    }

    /// The sample week staffed by `staff`, shifts of 4 to 10 hours starting every 15 minutes, the schedule
    /// written to standard output: nothing CBC prints may get into it.
    @Test func theSampleWeekScheduledToStandardOutputIsACleanScheduleFile() throws {
        let folder = try folder(shifts: """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
            any,*,00:00,23:45,15m,4h,10h,15m

            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let staff = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "--service-level", "80%",
                                        "--max-occupancy", "85%", "--shrinkage", "30%", "-o", "requirements.csv"], in: folder)
        #expect(staff.status == 0)
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv", "--cyclic",
                                         "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("agent,date,shift,activity,start,end\n"))
        let report = ScheduleChecker.check(schedule: result.standardOutput, shifts: try text(folder, "shifts.csv"),
                                           requirements: try text(folder, "requirements.csv"),
                                           coverage: try text(folder, "coverage.csv"), cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.underAgentMinutes == 0)
        // Default weights: paid hours are the objective when nothing is short.
        #expect(result.standardError.contains("objective: \(Int(report.paidHours.rounded()))"), "\(result.standardError)")
        // The requirements came from staff: the service is projected, with the 30% shrinkage they imply.
        #expect(result.standardError.contains("projected service level: "), "\(result.standardError)")
        #expect(result.standardError.contains("the agents at work after 30.0% shrinkage"), "\(result.standardError)")
        #expect(try text(folder, "coverage.csv").hasPrefix("timestamp,required,scheduled,gap,service_level,asa,cause\n"))
    }

    @Test func breaksAreWrittenAsRowsThatTileEachShiftAndDoNotCover() throws {
        let breaks = """
            shift,activity,duration,anchor,earliest,latest,min_shift_length,paid
            *,break,1h,start,1h,2h,5h,true
            late,lunch,1h,end,3h,2h,6h,false

            """
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(breaks.utf8).write(to: folder.appendingPathComponent("breaks.csv"))
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv",
                                         "--breaks", "breaks.csv", "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let schedule = try text(folder, "schedule.csv")
        #expect(schedule.contains(",break,") && schedule.contains(",lunch,"))
        let report = ScheduleChecker.check(schedule: schedule, shifts: Self.shifts, requirements: Self.requirements,
                                           coverage: try text(folder, "coverage.csv"), breaks: breaks, cyclic: false)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(result.standardError.contains("paid hours: \(String(format: "%g", report.paidHours))"), "\(result.standardError)")
        #expect(result.standardError.contains("objective: \(String(format: "%g", report.objective(under: 1, over: 0, distinctPenalty: 0)))"),
                "\(result.standardError)")
    }

    /// The sample week with the sample shift families and breaks: every break in its window, every shift tiled,
    /// the coverage file recomputed by the checker (the search is cut to 10 s; its figures are a benchmark).
    @Test func theSampleWeekWithBreaksPassesTheChecker() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staff = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "--service-level", "80%",
                                        "--max-occupancy", "85%", "--shrinkage", "30%", "-o", "requirements.csv"], in: folder)
        #expect(staff.status == 0)
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", ToolRunner.fixture("shifts-week.csv"),
                                         "--breaks", ToolRunner.fixture("breaks-week.csv"), "--cyclic", "--time-limit", "10s",
                                         "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = ScheduleChecker.check(
            schedule: try text(folder, "schedule.csv"),
            shifts: try String(contentsOfFile: ToolRunner.fixture("shifts-week.csv"), encoding: .utf8),
            requirements: try text(folder, "requirements.csv"), coverage: try text(folder, "coverage.csv"),
            breaks: try String(contentsOfFile: ToolRunner.fixture("breaks-week.csv"), encoding: .utf8), cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.shifts > 0)
        #expect(result.standardError.contains("paid hours: \(String(format: "%g", (report.paidHours * 100).rounded() / 100))"),
                "\(result.standardError)")
    }

    /// Berlin, 2024-10-26 to 2024-10-28, hourly, as `staff --timezone` writes it (with offsets): the 27th
    /// has 25 hours, 02:00 twice. One agent 00:00-06:00 and two 06:00-14:00 (wall clock) every day.
    static var autumnRequirements: String {
        var text = "timestamp,scheduled_agents\n"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        var instant = calendar.date(from: DateComponents(year: 2024, month: 10, day: 26))!
        let end = calendar.date(from: DateComponents(year: 2024, month: 10, day: 29))!
        while instant < end {
            let local = calendar.dateComponents([.year, .month, .day, .hour], from: instant)
            let offset = calendar.timeZone.secondsFromGMT(for: instant) / 3600
            let value = local.hour! < 6 ? 1 : local.hour! < 14 ? 2 : 0
            text += String(format: "%04d-%02d-%02dT%02d:00:00+%02d:00,%d\n", local.year!, local.month!, local.day!, local.hour!, offset, value)
            instant += 3600
        }
        return text
    }

    @Test func underATimeZoneShiftsKeepTheirWallClockStartsAndTheAutumnNightIsAnHourLonger() throws {
        let shifts = """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
            day,*,06:00,06:00,1h,8h,8h,1h
            night,*,00:00,00:00,1h,6h,7h,1h

            """
        let folder = try folder(requirements: Self.autumnRequirements, shifts: shifts)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv",
                                         "--timezone", "Europe/Berlin", "--over-weight", "1",
                                         "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let schedule = try text(folder, "schedule.csv"), coverage = try text(folder, "coverage.csv")
        let report = ScheduleChecker.check(schedule: schedule, shifts: shifts, requirements: Self.autumnRequirements,
                                           coverage: coverage, cyclic: false)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.underAgentMinutes == 0 && report.overAgentMinutes == 0)
        // 2 x 8h day shifts a day, and nights of 6h, 7h (00:00-06:00 wall clock on the 25-hour day), 6h.
        #expect(abs(report.paidHours - 67) < 1e-9)
        #expect(schedule.contains(",night,work,2024-10-27T00:00:00+02:00,2024-10-27T06:00:00+01:00"), "\(schedule)")
        #expect(coverage.split(separator: "\n").filter { $0.hasPrefix("2024-10-27T") }.count == 25)
        #expect(coverage.contains("2024-10-27T02:00:00+02:00,1,1,0") && coverage.contains("2024-10-27T02:00:00+01:00,1,1,0"))
    }

    @Test func underATimeZoneNamedAgentsKeepTheirRulesAndShortfallsCarryTheOffset() throws {
        let shifts = """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
            day,*,06:00,06:00,1h,8h,8h,1h
            night,*,00:00,00:00,1h,6h,7h,1h

            """
        let agents = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\nsolo,*,0,40,5,11,\nduo,day,0,40,5,11,\n"
        let folder = try folder(requirements: Self.autumnRequirements, shifts: shifts)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(agents.utf8).write(to: folder.appendingPathComponent("agents.csv"))
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv", "--agents", "agents.csv",
                                         "--timezone", "Europe/Berlin", "--time-limit", "3s",
                                         "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = ScheduleChecker.check(schedule: try text(folder, "schedule.csv"), shifts: shifts, requirements: Self.autumnRequirements,
                                           coverage: try text(folder, "coverage.csv"), agents: agents, cyclic: false)
        #expect(report.violations.isEmpty, "\(report.violations)")
        // Two agents cannot give four agent-shifts a day: intervals stay short, told as spans of Berlin's
        // wall-clock time, the autumn change's night too.
        let shortLines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("short: ") && !$0.contains(" more ") }
        #expect(!shortLines.isEmpty, "\(result.standardError)")
        #expect(shortLines.contains { $0.hasPrefix("short: Sun 2024-10-27 00:00-06:00 by up to 1 agent: too few agents") }, "\(shortLines)")
    }

    @Test func underATimeZoneAnAgentsWeekIsTheLocalWeek() throws {
        // A Berlin week (UTC+1), Monday 2025-03-03 to Sunday 2025-03-09: one agent needed 08:00-16:00 every
        // day, one agent who may work at most 5 days a week. Counted on UTC dates the week would start on
        // Sunday 2025-03-02 and the Sunday at its end would fall in a second week, a sixth day.
        var requirements = "timestamp,scheduled_agents\n"
        for day in 3...9 {
            for hour in 0..<24 {
                requirements += String(format: "2025-03-%02dT%02d:00:00+01:00,%d\n", day, hour, hour >= 8 && hour < 16 ? 1 : 0)
            }
        }
        let shifts = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nday,*,08:00,08:00,1h,8h,8h,1h\n"
        let agents = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\nsolo,*,0,56,5,11,\n"
        let folder = try folder(requirements: requirements, shifts: shifts)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(agents.utf8).write(to: folder.appendingPathComponent("agents.csv"))
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv", "--agents", "agents.csv",
                                         "--timezone", "Europe/Berlin", "--cyclic", "--time-limit", "3s",
                                         "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = ScheduleChecker.check(schedule: try text(folder, "schedule.csv"), shifts: shifts, requirements: requirements,
                                           coverage: try text(folder, "coverage.csv"), agents: agents, cyclic: true)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.shifts == 5)
        #expect(result.standardError.contains("objective: 1000, lower bound: 1000"), "\(result.standardError)")  // 40 paid hours + 16 hours short x 60
    }

    @Test func everyQueueIsScheduledAndTheOutputsCarryTheQueue() throws {
        // Two queues: "sales" is the usual two days, "support" the same shifted to need one agent more 06-12.
        var requirements = "queue,timestamp,scheduled_agents\n"
        for line in Self.requirements.split(separator: "\n").dropFirst() { requirements += "sales,\(line)\n" }
        for line in Self.requirements.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            let hour = Int(fields[0].dropFirst(11).prefix(2))!
            requirements += "support,\(fields[0]),\(Int(fields[1])! + (hour >= 6 && hour < 12 ? 1 : 0))\n"
        }
        let folder = try folder(requirements: requirements)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv",
                                         "--over-weight", "1", "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let schedule = try text(folder, "schedule.csv"), coverage = try text(folder, "coverage.csv")
        #expect(schedule.hasPrefix("queue,agent,date,shift,activity,start,end\n"))
        #expect(coverage.hasPrefix("queue,timestamp,required,scheduled,gap,cause\n"))
        #expect(result.standardError.contains("queue 'sales':\nagents: 5"), "\(result.standardError)")
        #expect(result.standardError.contains("queue 'support':\nagents: 6"), "\(result.standardError)")
        // Each queue's rows, without the queue column, are a valid schedule of that queue.
        for (queue, extra) in [("sales", 0), ("support", 1)] {
            func rows(_ text: String) -> String {
                let lines = text.split(separator: "\n")
                return ([lines[0].dropFirst(6)] + lines.filter { $0.hasPrefix(queue + ",") }.map { $0.dropFirst(queue.count + 1) })
                    .joined(separator: "\n") + "\n"
            }
            let report = ScheduleChecker.check(schedule: rows(schedule), shifts: Self.shifts, requirements: rows(requirements),
                                               coverage: rows(coverage), cyclic: false)
            #expect(report.violations.isEmpty, "\(queue): \(report.violations)")
            #expect(abs(report.paidHours - Double(60 + 12 * extra)) < 1e-9, "\(queue)")
        }
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var requirements: String = ScheduleCommandTests.requirements
        var shifts: String = ScheduleCommandTests.shifts
        var arguments: [String] = []
        var status: Int32 = 65
        var message: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "window off the grid",
                shifts: "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nearly,*,06:30,08:30,1h,4h,6h,1h\n",
                message: "shifts.csv:2:3: shift 'early': earliest_start 06:30 is not on the 1h grid"),
        BadCase(name: "lengths off the grid",
                shifts: "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nearly,*,06:00,08:00,1h,4h,6h,90m\n",
                message: "shifts.csv:2:8: shift 'early': length_step 90m is not a whole number"),
        BadCase(name: "requirements on a different grid from the shifts",
                requirements: "timestamp,required\n2024-01-01T06:00,1\n2024-01-01T06:45,1\n2024-01-01T07:30,1\n",
                shifts: "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nearly,*,06:30,08:30,1h,4h,6h,1h\n",
                message: "shifts.csv:2:3: shift 'early': earliest_start 06:30 is not on the 45m grid"),
        BadCase(name: "requirements on a grid that does not divide the day",
                requirements: "timestamp,required\n2024-01-01T06:00,1\n2024-01-01T06:25,1\n",
                message: "requirements.csv:2:1: the intervals of 25m do not divide a day"),
        BadCase(name: "negative requirement",
                requirements: "timestamp,required\n2024-01-01T06:00,1\n2024-01-01T07:00,-2\n",
                message: "requirements.csv:3:2: required '-2' is negative"),
        BadCase(name: "cyclic horizon of part of a day", requirements: "timestamp,required\n2024-01-01T00:00,1\n2024-01-01T01:00,1\n",
                arguments: ["--cyclic"], message: "requirements.csv:2:1: a repeating week needs requirements covering whole days"),
        BadCase(name: "break longer than its shift",
                arguments: ["--breaks", "breaks.csv"],
                message: "breaks.csv:2:3: lunch of shift 'early': duration 8h is as long as the 4h shifts of 'early' or longer"),
        BadCase(name: "break window no shift can meet",
                arguments: ["--breaks", "window.csv"],
                message: "window.csv:2:5: break of shift '*': the window from 5h to 6h after the start cannot hold a 1h break in the 4h shifts of 'early'"),
        BadCase(name: "negative weight", arguments: ["--over-weight=-1"], status: 64, message: "--over-weight must be a number, 0 or more"),
        BadCase(name: "offsets without a time zone", requirements: ScheduleCommandTests.autumnRequirements,
                message: "requirements.csv:2:1: 2024-10-26T00:00:00+02:00 has a UTC offset, but shifts are planned on local time; give the time zone"),
        BadCase(name: "a repeating week across a daylight-saving change", requirements: ScheduleCommandTests.autumnRequirements,
                arguments: ["--timezone", "Europe/Berlin", "--cyclic"],
                message: "requirements.csv:2:1: a repeating week needs a period that repeats, but the clocks of Europe/Berlin change for daylight saving at 2024-10-27T02:00:00+01:00"),
        BadCase(name: "unknown time zone", arguments: ["--timezone", "Mars/Olympus"], status: 64, message: "unknown time zone 'Mars/Olympus'"),
    ]

    @Test(arguments: badCases)
    func badInputFailsCleanlyAndLeavesOutputsAlone(_ badCase: BadCase) throws {
        let folder = try folder(requirements: badCase.requirements, shifts: badCase.shifts)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("shift,activity,duration,anchor,earliest,latest\nearly,lunch,8h,start,0,1h\n".utf8)
            .write(to: folder.appendingPathComponent("breaks.csv"))
        try Data("shift,activity,duration,anchor,earliest,latest\n*,break,1h,start,5h,6h\n".utf8)
            .write(to: folder.appendingPathComponent("window.csv"))
        let existing = Data("an existing schedule\n".utf8)
        try existing.write(to: folder.appendingPathComponent("schedule.csv"))
        let result = try ToolRunner.run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv",
                                         "-o", "schedule.csv", "--coverage", "coverage.csv"] + badCase.arguments, in: folder)
        #expect(result.status == badCase.status, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: " + badCase.message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("schedule.csv")) == existing)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("coverage.csv").path))
    }

    @Test func missingRequirementsAre66() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["schedule", "--requirements", "nowhere.csv", "--shifts", "shifts.csv"], in: folder)
        #expect(result.status == 66)
        #expect(result.standardError.hasPrefix("error: nowhere.csv: cannot read"))
    }

    @Test func helpShowsAnExample() throws {
        let result = try ToolRunner.run(["schedule", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("shiftcast schedule --requirements requirements.csv"), "\(result.standardOutput)")
    }
}
