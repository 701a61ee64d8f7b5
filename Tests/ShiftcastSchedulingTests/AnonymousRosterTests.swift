@testable import ShiftcastScheduling
import Testing

@Suite struct AnonymousRosterTests {
    @Test func agentNamesHaveFourDigits() {
        #expect(AnonymousRoster.agentName(1) == "A0001")
        #expect(AnonymousRoster.agentName(12345) == "A12345")
    }

    @Test func agentsNeverWorkTwoShiftsAtOnceEvenWhenTheWeekRepeats() throws {
        let night = ShiftFamily(name: "night", earliestStart: hours(22), latestStart: hours(22), startStep: 3600,
                                minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)
        let early = ShiftFamily(name: "early", earliestStart: hours(5), latestStart: hours(5), startStep: 3600,
                                minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 0, count: 168), cyclic: true)
        let candidates = ShiftExpansion.candidates(for: [night, early], over: curve)
        let counts = candidates.map { _ in 1 }
        let coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
        let result = ShiftMixResult(curve: curve, families: [night, early], candidates: candidates, counts: counts,
                                    coverage: coverage, objective: 0, lowerBound: 0, relaxationBound: 0, provenOptimal: true, seconds: 0)
        let roster = AnonymousRoster.assign(result)
        #expect(roster.count == 14)
        // One shift per agent per day: seven shifts a day of each kind need two agents.
        #expect(Set(roster.map(\.agent)).count == 2)
        for agent in 1...2 {
            let days = roster.filter { $0.agent == agent }.map(\.candidate.start.daysSinceEpoch)
            #expect(Set(days).count == days.count)
        }
        let report = checkWithChecker(result, shiftsText: """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step
            night,*,22:00,22:00,1h,8h,8h,1h
            early,*,05:00,05:00,1h,8h,8h,1h
            """)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.agents == 2)
    }

    @Test func noAgentWorksTwoShiftsOnOneDay() throws {
        let early = ShiftFamily(name: "early", earliestStart: hours(6), latestStart: hours(6), startStep: 3600,
                                minimumLength: hours(6), maximumLength: hours(6), lengthStep: 3600)
        let late = ShiftFamily(name: "late", earliestStart: hours(12), latestStart: hours(12), startStep: 3600,
                               minimumLength: hours(6), maximumLength: hours(6), lengthStep: 3600)
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 0, count: 24))
        let candidates = ShiftExpansion.candidates(for: [early, late], over: curve)
        let counts = [2, 3]
        let result = ShiftMixResult(curve: curve, families: [early, late], candidates: candidates, counts: counts,
                                    coverage: ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve),
                                    objective: 0, lowerBound: 0, relaxationBound: 0, provenOptimal: true, seconds: 0)
        // 06-12 then 12-18 would not overlap, but it would be a 12-hour double: five agents, not three.
        #expect(Set(AnonymousRoster.assign(result).map(\.agent)).count == 5)
    }
}
