import ShiftcastCSV
import Foundation
import ScheduleChecker
import ShiftcastCore
@testable import ShiftcastIO
@testable import ShiftcastScheduling
import ShiftcastTestSupport
import Testing

@Suite struct AgentSchedulerTests {
    /// A cyclic week of hourly intervals from Monday 2024-01-01, `required` agents from 08:00 to 16:00 each day.
    static func week(required: Double = 2) throws -> RequirementCurve {
        try RequirementCurve(start: monday, slotSeconds: 3600,
                         required: (0..<168).map { ($0 % 24) >= 8 && ($0 % 24) < 16 ? required : 0 }, cyclic: true)
    }

    static let dayShiftsText = """
        shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
        day,*,06:00,10:00,1h,6h,8h,1h
        night,*,22:00,22:00,1h,8h,8h,1h
        """

    struct Run {
        var result: AgentScheduleResult
        var report: ScheduleChecker.Report
    }

    func run(agents agentsText: String, shifts shiftsText: String = Self.dayShiftsText, breaks breaksText: String? = nil,
             curve: RequirementCurve? = nil, seed: UInt64 = 1, timeLimit: Double = 5, lines: Int = 20) throws -> Run {
        let curve = try curve ?? Self.week()
        let families = try ShiftsFile(table: csv(shiftsText, name: "shifts.csv")).families(fitting: curve)
        let rules = try breaksText.map { try BreaksFile(table: csv($0, name: "breaks.csv")).rules(fitting: families, slotSeconds: curve.slotSeconds) } ?? []
        let contracts = try AgentsFile(table: csv(agentsText, name: "agents.csv")).contracts
        var generator = SplitMixGenerator(seed: seed)
        let result = try AgentScheduler.solve(families: families, curve: curve, contracts: contracts,
                                              options: .init(timeLimit: timeLimit, breaks: rules), explainedShortfalls: lines,
                                              using: &generator)
        let report = checkWithChecker(result, shiftsText: shiftsText, breaksText: breaksText, agentsText: agentsText)
        return Run(result: result, report: report)
    }

    @Test func enoughAgentsCoverEveryIntervalWithinEveryRule() throws {
        let agents = """
            agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable
            ann,day,32,40,5,12,Sun
            bob,*,32,40,5,12,
            cat,day,16,40,5,12,2024-01-03
            """
        let run = try run(agents: agents)
        #expect(run.report.violations.isEmpty, "\(run.report.violations)")
        #expect(run.report.underAgentMinutes == 0)
        #expect(run.report.belowMinimum.isEmpty)
        #expect(run.result.belowMinimum.isEmpty)
        #expect(abs(run.report.objective(under: 1, over: 0, distinctPenalty: 0) - run.result.schedule.objective) < 1e-6)
        #expect(run.result.schedule.objective >= run.result.schedule.lowerBound - 1e-6)
        // 14 shifts of 8 hours: 112 paid hours, nothing short, and the bound proves it.
        #expect(abs(run.result.schedule.objective - 112) < 1e-6)
        #expect(run.result.schedule.gap < 1e-6)
    }

    @Test func theBoundCountsTheAgentsWhenTheyAreTooFew() throws {
        // One agent for three days of 8 hours: 24 of the 112 required agent-hours covered at best.
        let agents = """
            agent,max_week_hours,max_days_per_week
            solo,40,3
            """
        let run = try run(agents: agents, lines: 200)
        #expect(run.report.violations.isEmpty, "\(run.report.violations)")
        let best = 24.0 + (112 - 24) * 60
        #expect(abs(run.result.schedule.objective - best) < 1e-6)
        // Without the agents' capacity rows the relaxation would give 112; with them, the optimum.
        #expect(abs(run.result.schedule.lowerBound - best) < 1e-6)
        let summary = run.result.summary(lines: 200)
        #expect(summary.contains("short: Mon 2024-01-01 08:00-16:00 by up to 1 agent: too few agents: 1 at work then"))
        // On the days the agent is off, the cause is their maximum of days.
        #expect(summary.contains("by up to 2 agents: too few agents: 0 at work then; the others held back from every shift covering it, 1 by max_days_per_week"))
        // One line per day's span of eight hours, not one per interval.
        #expect(summary.split(separator: "\n").filter { $0.hasPrefix("short: ") }.count == 7)
        #expect(run.result.shortIntervalCount == 7 * 8)
        #expect(summary.contains("agents: 1 of 1 named agents work"))
    }

    @Test func restUnavailabilityAndNightsAcrossMidnightHold() throws {
        // Nights from 22:00 cross midnight; the agent who is unavailable on Tuesday cannot work Monday night,
        // and 16 hours of rest keep nights and days of one agent apart.
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600,
                                     required: (0..<168).map { ($0 % 24) >= 22 || ($0 % 24) < 6 ? 1 : (($0 % 24) >= 8 && ($0 % 24) < 16 ? 1 : 0) },
                                     cyclic: true)
        let agents = """
            agent,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable
            ann,0,40,5,16,Tue
            bob,0,40,5,16,
            cat,0,40,5,16,Sat|2024-01-07
            dan,0,40,5,16,
            """
        let run = try run(agents: agents, curve: curve)
        #expect(run.report.violations.isEmpty, "\(run.report.violations)")
        #expect(run.report.underAgentMinutes == 0)
    }

    @Test func anAgentKeptUnderTheirMinimumIsNamedWithTheRule() throws {
        // Two dates off leave 'few' three days of at most 8 hours: 24 hours, under the minimum of 30.
        let agents = """
            agent,min_week_hours,max_week_hours,max_days_per_week,unavailable
            few,30,40,5,2024-01-01|2024-01-02|2024-01-03|2024-01-04
            """
        let run = try run(agents: agents)
        #expect(run.report.violations.isEmpty, "\(run.report.violations)")
        #expect(run.report.belowMinimum == ["few week 1"])
        #expect(run.result.belowMinimum.map(\.agent) == [0])
        #expect(run.result.belowMinimum.first?.cause == .unavailable)
        #expect(run.result.summary().contains("below min_week_hours: few, week 1: 24h of 30h, every further or longer shift is held back by unavailable"))
    }

    @Test func breaksAreKeptAndTheSameSeedGivesTheSameSchedule() throws {
        let agents = (1...6).map { "a\($0),,20,40,5,11," }.joined(separator: "\n")
        let text = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\n" + agents
        let breaks = """
            shift,activity,duration,anchor,earliest,latest,min_shift_length,paid
            *,break,1h,start,2h,4h,,false
            """
        let curve = try Self.week(required: 3)
        let first = try run(agents: text, breaks: breaks, curve: curve, seed: 7, timeLimit: 3)
        let second = try run(agents: text, breaks: breaks, curve: curve, seed: 7, timeLimit: 3)
        #expect(first.report.violations.isEmpty, "\(first.report.violations)")
        #expect(abs(first.report.objective(under: 1, over: 0, distinctPenalty: 0) - first.result.schedule.objective) < 1e-6)
        #expect(first.result.schedule.objective >= first.result.schedule.lowerBound - 1e-6)
        #expect(ScheduleFile.csvBytes(first.result) == ScheduleFile.csvBytes(second.result))
    }

    @Test func anOpenHorizonOfTwoDaysHasNoMinimumToMeet() throws {
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: (0..<48).map { ($0 % 24) >= 8 && ($0 % 24) < 16 ? 1 : 0 })
        let agents = """
            agent,min_week_hours,max_week_hours
            ann,36,40
            """
        let run = try run(agents: agents, curve: curve)
        #expect(run.report.violations.isEmpty, "\(run.report.violations)")
        #expect(run.report.belowMinimum.isEmpty)
        #expect(run.result.belowMinimum.isEmpty)
        #expect(run.report.underAgentMinutes == 0)
    }

    @Test func theDistinctShiftPenaltyCountsTheAgentsShifts() throws {
        // Two agents 08-16 on weekdays and 10-16 at the weekend. Without a penalty the weekend takes 6-hour
        // shifts at 10:00 (104 paid hours, two distinct shifts); with 100 per distinct shift, 8-hour shifts at
        // 08:00 every day are cheaper (112 paid hours + 100 = 212: the weekend's 8 more hours cost less than
        // a second distinct shift).
        let required = (0..<168).map { hour -> Double in
            let day = hour / 24, clock = hour % 24
            return clock >= (day < 5 ? 8 : 10) && clock < 16 ? 2 : 0
        }
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: required, cyclic: true)
        let agentsText = """
            agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable
            ann,day,16,40,5,12,Sun
            bob,*,16,40,5,12,
            cat,day,16,40,5,12,2024-01-03
            """
        let families = try ShiftsFile(table: csv(Self.dayShiftsText, name: "shifts.csv")).families(fitting: curve)
        let contracts = try AgentsFile(table: csv(agentsText, name: "agents.csv")).contracts
        func solve(penalty: Double) throws -> (AgentScheduleResult, ScheduleChecker.Report) {
            var generator = SplitMixGenerator(seed: 1)
            let result = try AgentScheduler.solve(families: families, curve: curve, contracts: contracts,
                                                  options: .init(weights: ObjectiveWeights(distinctShiftPenalty: penalty), timeLimit: 5),
                                                  using: &generator)
            return (result, checkWithChecker(result, shiftsText: Self.dayShiftsText, agentsText: agentsText))
        }
        let (free, freeReport) = try solve(penalty: 0)
        #expect(freeReport.violations.isEmpty, "\(freeReport.violations)")
        #expect(abs(free.schedule.objective - 104) < 1e-6)
        #expect(freeReport.distinctShifts == 2)
        let (penalised, report) = try solve(penalty: 100)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.distinctShifts == 1)
        #expect(report.underAgentMinutes == 0)
        #expect(abs(penalised.schedule.objective - 212) < 1e-6)
        #expect(abs(report.objective(under: 1, over: 0, distinctPenalty: 100) - penalised.schedule.objective) < 1e-6)
        #expect(penalised.schedule.lowerBound <= 212 + 1e-6)
    }
}
