@testable import ShiftcastScheduling
import Testing

@Suite struct AnonymousRosterTests {
    @Test func agentNamesHaveFourDigits() {
        #expect(AnonymousRoster.agentName(1) == "A0001")
        #expect(AnonymousRoster.agentName(12345) == "A12345")
    }

    @Test func agentsNeverWorkTwoShiftsAtOnceEvenWhenTheWeekRepeats() {
        let night = ShiftFamily(name: "night", earliestStart: hours(22), latestStart: hours(22), startStep: 3600,
                                minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)
        let early = ShiftFamily(name: "early", earliestStart: hours(5), latestStart: hours(5), startStep: 3600,
                                minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)
        let curve = RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 0, count: 168), cyclic: true)
        let candidates = ShiftExpansion.candidates(for: [night, early], over: curve)
        let counts = candidates.map { _ in 1 }
        let coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
        let result = ShiftMixResult(curve: curve, families: [night, early], candidates: candidates, counts: counts,
                                    coverage: coverage, objective: 0, lowerBound: 0, relaxationBound: 0, provenOptimal: true, seconds: 0)
        let roster = AnonymousRoster.assign(result)
        #expect(roster.count == 14)
        // Night 22-06 and early 05-13 overlap by an hour, so two agents run the week; no agent holds both on one morning.
        #expect(Set(roster.map(\.agent)).count == 2)
        let report = checkWithChecker(result, shiftsText: """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
            night,*,22:00,22:00,1h,8h,8h,1h
            early,*,05:00,05:00,1h,8h,8h,1h
            """)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.agents == 2)
    }
}
