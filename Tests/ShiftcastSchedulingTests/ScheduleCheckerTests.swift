import ScheduleChecker
import Testing

/// The checker must catch what it is there to catch, or every test that relies on it proves nothing.
@Suite struct ScheduleCheckerTests {
    static let shifts = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nday,*,08:00,08:00,1h,8h,8h,1h\n"
    static let breaks = "shift,activity,duration,anchor,earliest,latest,min_shift_length,paid\nday,lunch,1h,start,3h,4h,,false\n"
    static let requirements = "timestamp,required\n" + (0..<24).map { "2024-01-01T\($0 < 10 ? "0" : "")\($0):00,\($0 >= 8 && $0 < 16 ? 1 : 0)" }.joined(separator: "\n") + "\n"
    static let good = """
        agent,date,shift,activity,start,end
        A0001,2024-01-01,day,work,2024-01-01T08:00:00,2024-01-01T11:00:00
        A0001,2024-01-01,day,lunch,2024-01-01T11:00:00,2024-01-01T12:00:00
        A0001,2024-01-01,day,work,2024-01-01T12:00:00,2024-01-01T16:00:00

        """

    func check(_ schedule: String, coverage: String? = nil) -> ScheduleChecker.Report {
        ScheduleChecker.check(schedule: schedule, shifts: Self.shifts, requirements: Self.requirements, coverage: coverage,
                              breaks: Self.breaks, cyclic: false)
    }

    @Test func aValidScheduleHasNoViolationsAndItsFigures() {
        let report = check(Self.good)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.paidHours == 7)
        #expect(report.underAgentMinutes == 60)
        #expect(report.coverage[11] == 0 && report.coverage[12] == 1)
    }

    @Test func aLunchOutsideItsWindowIsCaught() {
        let moved = Self.good.replacingOccurrences(of: "T11:00:00,2024-01-01T12:00:00", with: "T13:00:00,2024-01-01T14:00:00")
            .replacingOccurrences(of: "work,2024-01-01T08:00:00,2024-01-01T11:00:00", with: "work,2024-01-01T08:00:00,2024-01-01T13:00:00")
            .replacingOccurrences(of: "work,2024-01-01T12:00:00", with: "work,2024-01-01T14:00:00")
        #expect(check(moved).violations.contains { $0.contains("do not match its break rules") })
    }

    @Test func aMissingLunchAGapAndAWrongCoverageFileAreCaught() {
        let noLunch = Self.good.replacingOccurrences(of: "lunch", with: "work")
        #expect(!check(noLunch).violations.isEmpty)
        let gap = Self.good.replacingOccurrences(of: "work,2024-01-01T12:00:00", with: "work,2024-01-01T12:15:00")
        #expect(check(gap).violations.contains { $0.contains("do not tile") })
        var coverage = "timestamp,required,scheduled,gap\n"
        for hour in 0..<24 {
            let required = hour >= 8 && hour < 16 ? 1 : 0
            coverage += "2024-01-01T\(hour < 10 ? "0" : "")\(hour):00:00,\(required),\(required),0\n"  // claims full cover
        }
        #expect(check(Self.good, coverage: coverage).violations.contains { $0.contains("recomputed 0") })
    }
}
