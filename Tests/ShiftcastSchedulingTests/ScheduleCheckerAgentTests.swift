import ScheduleChecker
import Testing

/// The checker's contract rules must catch each broken rule, or the agent tests that rely on it prove nothing.
@Suite struct ScheduleCheckerAgentTests {
    static let shifts = """
        shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
        day,*,08:00,08:00,1h,8h,8h,1h
        night,*,22:00,22:00,1h,8h,8h,1h

        """
    /// A week from Monday 2024-01-01, hourly, one agent 08-16 every day.
    static let requirements = "timestamp,required\n" + (0..<168).map { hour in
        let day = hour / 24 + 1, clock = hour % 24
        return "2024-01-0\(day)T\(clock < 10 ? "0" : "")\(clock):00,\(clock >= 8 && clock < 16 ? 1 : 0)"
    }.joined(separator: "\n") + "\n"
    static let header = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\n"
    static let good = """
        agent,date,shift,activity,start,end
        ann,2024-01-01,day,work,2024-01-01T08:00:00,2024-01-01T16:00:00
        ann,2024-01-02,day,work,2024-01-02T08:00:00,2024-01-02T16:00:00

        """

    func violations(_ agents: String, schedule: String = Self.good, cyclic: Bool = false) -> [String] {
        ScheduleChecker.check(schedule: schedule, shifts: Self.shifts, requirements: Self.requirements,
                              agents: Self.header + agents, cyclic: cyclic).violations
    }

    @Test func aScheduleWithinTheContractHasNoViolations() {
        #expect(violations("ann,day,0,40,5,12,\n").isEmpty)
    }

    @Test(arguments: [
        ("ann,day,0,10,5,12,\n", "above max_week_hours"),
        ("ann,day,0,40,1,12,\n", "above max_days_per_week"),
        ("ann,day,0,40,5,17,\n", "below min_rest_hours"),
        ("ann,day,0,40,5,12,Tue\n", "unavailable"),
        ("ann,day,0,40,5,12,2024-01-01\n", "unavailable"),
        ("ann,night,0,40,5,12,\n", "may not work shift day"),
        ("bob,*,0,40,5,12,\n", "not in the Agents file"),
    ])
    func eachBrokenRuleIsCaught(_ agents: String, _ expected: String) {
        let found = violations(agents)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test func twoShiftsOnOneDateAreCaught() {
        let doubled = Self.good + "ann,2024-01-01,night,work,2024-01-01T22:00:00,2024-01-02T06:00:00\n"
        #expect(violations("ann,*,0,40,5,0,\n", schedule: doubled).contains { $0.contains("starts two shifts") })
    }

    @Test func aNightIntoAnUnavailableDayAndRestAcrossTheWrapAreCaught() {
        // Sunday night runs into Monday: on a cyclic week that is the Monday of the same week.
        let schedule = """
            agent,date,shift,activity,start,end
            ann,2024-01-01,day,work,2024-01-01T08:00:00,2024-01-01T16:00:00
            ann,2024-01-07,night,work,2024-01-07T22:00:00,2024-01-08T06:00:00

            """
        #expect(violations("ann,*,0,40,5,0,Mon\n", schedule: schedule, cyclic: true).contains { $0.contains("unavailable") })
        #expect(violations("ann,*,0,40,5,4,\n", schedule: schedule, cyclic: true).contains { $0.contains("across the wrap") })
        #expect(violations("ann,*,0,40,5,4,\n", schedule: schedule, cyclic: false).isEmpty)
    }

    @Test func anAgentUnderTheMinimumOfAWholeWeekIsListed() {
        let report = ScheduleChecker.check(schedule: Self.good, shifts: Self.shifts, requirements: Self.requirements,
                                           agents: Self.header + "ann,day,20,40,5,12,\n", cyclic: false)
        #expect(report.violations.isEmpty)
        #expect(report.belowMinimum == ["ann week 1"])
    }
}
