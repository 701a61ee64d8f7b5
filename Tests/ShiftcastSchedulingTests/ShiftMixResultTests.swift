import ShiftcastCore
@testable import ShiftcastScheduling
import Testing

@Suite struct ShiftMixResultTests {
    /// One 4-hour shift against a curve that is 1 short at 02:00 and 1 over at 09:00: hours are never netted.
    func result(objective: Double = 10, lowerBound: Double = 8, proven: Bool = false) throws -> ShiftMixResult {
        let family = ShiftFamily(name: "day", earliestStart: hours(6), latestStart: hours(6), startStep: 3600,
                                 minimumLength: hours(4), maximumLength: hours(4), lengthStep: 3600)
        var required = [Double](repeating: 0, count: 24)
        required[2] = 1
        for hour in 6..<9 { required[hour] = 1 }
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: required)
        let candidates = ShiftExpansion.candidates(for: [family], over: curve)
        let counts = [1]
        return ShiftMixResult(curve: curve, families: [family], candidates: candidates, counts: counts,
                              coverage: ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve),
                              objective: objective, lowerBound: lowerBound, relaxationBound: lowerBound,
                              provenOptimal: proven, seconds: 0.5)
    }

    @Test func underAndOverAreNeverNetted() throws {
        let mix = try result()
        #expect(mix.underStaffedHours == 1)
        #expect(mix.overStaffedHours == 1)
        #expect(mix.paidHours == 4)
        #expect(mix.shiftCount == 1)
        #expect(mix.distinctPatterns == [ShiftPattern(startTimeOfDay: hours(6), length: hours(4))])
    }

    @Test func theObjectiveAddsEveryTerm() throws {
        let mix = try result()
        // 4 paid hours at cost 1, 60 minutes short x 2, 60 minutes over x 0.5, one distinct shift x 7.
        let value = ShiftMixResult.objective(counts: mix.counts, coverage: mix.coverage, candidates: mix.candidates,
                                             curve: mix.curve, weights: ObjectiveWeights(underWeight: 2, overWeight: 0.5, distinctShiftPenalty: 7))
        #expect(abs(value - (4 + 120 + 30 + 7)) < 1e-9)
    }

    @Test func gapIsRelativeToTheObjective() throws {
        #expect(abs(try result(objective: 10, lowerBound: 8).gap - 0.2) < 1e-12)
        #expect(try result(objective: 0, lowerBound: 0).gap == 0)
    }

    @Test func theSummaryNamesEveryFigureAndEveryShortInterval() throws {
        let summary = try result(proven: false).summary(agents: 1)
        #expect(summary.contains("agents: 1 (1 shift, 1 distinct start and length)"))
        #expect(summary.contains("paid hours: 4"))
        #expect(summary.contains("under-staffed hours: 1, over-staffed hours: 1"))
        #expect(summary.contains("coverage: 75% of 4 required agent-hours"))
        #expect(summary.contains("objective: 10, lower bound: 8, gap: 20%"))
        #expect(!summary.contains("(optimal)"))
        #expect(summary.contains("short: Mon 2024-01-01 02:00-03:00 by 1 agent: no shift reaches it"))
        #expect(try result(objective: 8, lowerBound: 8, proven: true).summary(agents: 1).contains("gap: 0% (optimal)"))
    }
}

/// Short intervals told as spans (issue 11): consecutive intervals with one kind of cause make one line.
@Suite struct ShortfallSpanTests {
    struct Item { var slot: Int; var agents: Double; var kind: Int }

    @Test func consecutiveIntervalsOfOneCauseAreOneLineWithTheMostShort() throws {
        let curve = try RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 1800,  // 2024-01-01 00:00
                                         required: Array(repeating: 1, count: 96))
        let items = [Item(slot: 16, agents: 2, kind: 0), Item(slot: 17, agents: 5, kind: 0), Item(slot: 18, agents: 1, kind: 0),
                     Item(slot: 19, agents: 1, kind: 1), Item(slot: 46, agents: 1, kind: 1), Item(slot: 47, agents: 3, kind: 1),
                     Item(slot: 48, agents: 2, kind: 1), Item(slot: 94, agents: 1, kind: 1), Item(slot: 95, agents: 1, kind: 1)]
        let spans = ShortfallSpans.group(items, slot: \.slot, agents: \.agents) { $0.kind == $1.kind }
        let lines = spans.map { ShortfallSpans.line($0, curve: curve, agents: String(Int($0.agents)), cause: "kind \($0.worst.kind)") }
        #expect(lines == [
            "short: Mon 2024-01-01 08:00-09:30 by up to 5 agents: kind 0",
            "short: Mon 2024-01-01 09:30-10:00 by 1 agent: kind 1",
            "short: Mon 2024-01-01 23:00 to Tue 2024-01-02 00:30 by up to 3 agents: kind 1",
            "short: Tue 2024-01-02 23:00-24:00 by up to 1 agent: kind 1",
        ])
    }
}
