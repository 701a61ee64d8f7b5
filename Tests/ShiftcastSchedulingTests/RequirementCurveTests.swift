import ShiftcastCore
import ShiftcastScheduling
import Testing

@Suite struct RequirementCurveTests {
    @Test func gridsThatDivideADayFromMidnightAreUsable() throws {
        #expect(try RequirementCurve(start: monday, slotSeconds: 900, required: [1, 2]).gridProblem == nil)
        #expect(try RequirementCurve(start: monday.adding(seconds: 1800), slotSeconds: 900, required: [1]).gridProblem == nil)
        #expect(try RequirementCurve(start: monday, slotSeconds: 1500, required: [1])
            .gridProblem?.contains("do not divide a day") == true)
        #expect(try RequirementCurve(start: monday.adding(seconds: 600), slotSeconds: 900, required: [1])
            .gridProblem?.contains("off the 15m grid") == true)
    }

    @Test func aCyclicHorizonIsWholeDaysFromMidnight() throws {
        #expect(try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 48), cyclic: true).cyclicProblem == nil)
        #expect(try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 47), cyclic: true)
            .cyclicProblem?.contains("whole days") == true)
        #expect(try RequirementCurve(start: monday.adding(seconds: 3600), slotSeconds: 3600, required: Array(repeating: 1, count: 48), cyclic: true)
            .cyclicProblem?.contains("start at midnight") == true)
        // Not cyclic: any whole number of intervals will do.
        #expect(try RequirementCurve(start: monday.adding(seconds: 3600), slotSeconds: 3600, required: [1, 2, 3]).cyclicProblem == nil)
    }

    @Test func theGridStepsByTheInterval() throws {
        let curve = try RequirementCurve(start: monday, slotSeconds: 900, required: [0, 0, 0])
        #expect(curve.grid.timestamp(at: 2) == monday.adding(seconds: 1800))
        #expect(curve.count == 3)
    }
}

/// Values a public initialiser accepts never trap (issue 9): they throw.
@Suite struct RequirementCurveValidationTests {
    @Test func intervalsOfNoLengthAndImpossibleRequirementsThrow() throws {
        let start = Timestamp(secondsSinceEpoch: 0)
        #expect(throws: ShiftcastError.self) { try RequirementCurve(start: start, slotSeconds: 0, required: [1]) }
        #expect(throws: ShiftcastError.self) { try RequirementCurve(start: start, slotSeconds: 900, required: [1, .nan]) }
        #expect(throws: ShiftcastError.self) { try RequirementCurve(start: start, slotSeconds: 900, required: [-1]) }
    }
}

/// Search settings a caller may set to anything are checked by the search, which throws (issue 9).
@Suite struct SearchSettingsValidationTests {
    @Test func negativeWeightsAndImpossibleTimeLimitsThrow() throws {
        let curve = try RequirementCurve(start: Timestamp(secondsSinceEpoch: 0), slotSeconds: 3600, required: [1, 1, 1, 1])
        let family = ShiftFamily(name: "day", earliestStart: 0, latestStart: 0, startStep: 3600,
                                 minimumLength: 4 * 3600, maximumLength: 4 * 3600, lengthStep: 3600)
        for options in [ShiftMixOptimizer.Options(weights: ObjectiveWeights(underWeight: -1)),
                        ShiftMixOptimizer.Options(weights: ObjectiveWeights(distinctShiftPenalty: .nan)),
                        ShiftMixOptimizer.Options(timeLimit: .infinity), ShiftMixOptimizer.Options(timeLimit: -1)] {
            #expect(throws: ShiftcastError.self) { try ShiftMixOptimizer.solve(families: [family], curve: curve, options: options) }
        }
        #expect(try ShiftMixOptimizer.solve(families: [family], curve: curve, options: .init(timeLimit: 5)).objective.isFinite)
    }
}
