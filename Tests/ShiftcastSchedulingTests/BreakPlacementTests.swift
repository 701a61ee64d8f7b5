import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
@testable import ShiftcastScheduling
import Testing

@Suite struct BreakPlacementTests {
    static let shiftsText = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nday,*,08:00,08:00,1h,8h,8h,1h\n"
    static let breaksText = "shift,activity,duration,anchor,earliest,latest,min_shift_length,paid\nday,lunch,1h,start,3h,4h,,false\n"

    func solve(_ required: [Double], weights: ObjectiveWeights) throws -> ShiftMixResult {
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: required)
        let families = try ShiftsFile(table: csv(Self.shiftsText, name: "shifts.csv")).families(fitting: curve)
        let rules = try BreaksFile(table: csv(Self.breaksText, name: "breaks.csv")).rules(fitting: families, slotSeconds: 3600)
        return try ShiftMixOptimizer.solve(families: families, curve: curve,
                                           options: .init(weights: weights, timeLimit: 20, breaks: rules))
    }

    @Test func lunchesAreStaggeredSoCoverHolds() throws {
        // Two agents needed 08-16; every agent takes an unpaid hour of lunch at 11:00 or 12:00. Four agents,
        // two lunching at each hour, keep 2 at work all day: 4 x 7 paid hours = 28, nothing short.
        // Three leave one hour 1 short (60 + 21 = 81); two leave two hours short (120 + 14 = 134).
        var required = [Double](repeating: 0, count: 24)
        for hour in 8..<16 { required[hour] = 2 }
        let result = try solve(required, weights: ObjectiveWeights(underWeight: 1, overWeight: 0))
        #expect(result.provenOptimal)
        #expect(abs(result.objective - 28) < 1e-6)
        #expect(abs(result.lowerBound - 28) < 1e-6)
        #expect(result.shiftCount == 4)
        #expect(result.paidHours == 28)
        #expect(Array(result.coverage[8..<16]) == [4, 4, 4, 2, 2, 4, 4, 4])
        let lunches = result.shifts.flatMap(\.breaks).map(\.offset).sorted()
        #expect(lunches == [hours(3), hours(3), hours(4), hours(4)])
        let report = checkWithChecker(result, shiftsText: Self.shiftsText, breaksText: Self.breaksText)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.coverage == result.coverage)
        #expect(abs(report.paidHours - 28) < 1e-9)
        #expect(abs(report.objective(under: 60, over: 0, distinctPenalty: 0) - result.objective) < 1e-6)
    }

    @Test func anAgentOnABreakDoesNotCover() throws {
        // One agent needed 08-16: one agent leaves the lunch hour short (60 + 7 = 67); two agents would pay
        // 14 hours and cover everything (14), which wins.
        var required = [Double](repeating: 0, count: 24)
        for hour in 8..<16 { required[hour] = 1 }
        let result = try solve(required, weights: ObjectiveWeights(underWeight: 1, overWeight: 0))
        #expect(abs(result.objective - 14) < 1e-6)
        #expect(result.coverage[11] >= 1 && result.coverage[12] >= 1)
        // With over-staffing costing 1 a minute, one agent and a short lunch hour is cheaper: 7 + 60 = 67.
        let strict = try solve(required, weights: ObjectiveWeights(underWeight: 1, overWeight: 1))
        #expect(abs(strict.objective - 67) < 1e-6)
        #expect(strict.shortfalls.count == 1)
        let report = checkWithChecker(strict, shiftsText: Self.shiftsText, breaksText: Self.breaksText)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.underAgentMinutes == 60)
    }

    @Test func breaksAndTheDistinctShiftPenaltyTogether() throws {
        // Two agents needed 08-16. Shifts of 8h start 06:00-10:00, each with an unpaid lunch 3h-4h in; each
        // distinct shift used costs 100. One distinct shift (08:00, 8h) with four agents lunching two and two
        // covers it all: 28 paid hours + 100 = 128. Any second distinct shift costs 100 more than it can save.
        let shifts = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\nday,*,06:00,10:00,1h,8h,8h,1h\n"
        var required = [Double](repeating: 0, count: 24)
        for hour in 8..<16 { required[hour] = 2 }
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: required)
        let families = try ShiftsFile(table: csv(shifts, name: "shifts.csv")).families(fitting: curve)
        let rules = try BreaksFile(table: csv(Self.breaksText, name: "breaks.csv")).rules(fitting: families, slotSeconds: 3600)
        let weights = ObjectiveWeights(underWeight: 1, overWeight: 0, distinctShiftPenalty: 100)
        let result = try ShiftMixOptimizer.solve(families: families, curve: curve,
                                                 options: .init(weights: weights, timeLimit: 20, breaks: rules))
        #expect(abs(result.objective - 128) < 1e-6)
        #expect(result.distinctPatterns.count == 1)
        #expect(result.lowerBound <= result.objective + 1e-9)
        #expect(result.provenOptimal)
        let report = checkWithChecker(result, shiftsText: shifts, breaksText: Self.breaksText)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.distinctShifts == 1)
        #expect(abs(report.objective(under: 60, over: 0, distinctPenalty: 100) - result.objective) < 1e-6)
    }

    @Test func theAgentBoundWithBreaksIsTheRequirementTimesBreakIntervalsPlusOne() throws {
        let family = ShiftFamily(name: "day", earliestStart: 8 * 3600, latestStart: 8 * 3600, startStep: 3600,
                                 minimumLength: 8 * 3600, maximumLength: 8 * 3600, lengthStep: 3600)
        let rules = try BreaksFile(table: csv(Self.breaksText, name: "breaks.csv")).rules(fitting: [family], slotSeconds: 3600)
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: [0, 1.5, 3, 2.2, 0, 0, 0, 0, 0, 0])
        let shift = ShiftCandidate(family: 0, startSlot: 0, lengthSlots: 8, start: CivilDateTime(year: 2024, month: 1, day: 1)!, length: 8 * 3600, cost: 7)
        let slots = Array(0..<8)
        #expect(ShiftMixOptimizer.agentBound(shift, slots: slots, curve: curve, rules: [], families: [family], linked: true) == 3)
        // One lunch hour: 3 x (1 + 1).
        #expect(ShiftMixOptimizer.agentBound(shift, slots: slots, curve: curve, rules: rules, families: [family], linked: true) == 6)
        #expect(ShiftMixOptimizer.agentBound(shift, slots: slots, curve: curve, rules: rules, families: [family], linked: false) == .infinity)
    }

    @Test func theCheapestCombinationNeverOverlaps() {
        // Two 2-slot breaks whose windows overlap: the cheapest non-overlapping pair is chosen.
        let choice = BreakPlacement.cheapest(offsets: [[0, 1, 2], [1, 2, 3]], durations: [2, 2]) { _, offset in Double(offset == 1 ? -10 : 0) }
        #expect(choice == [1, 3])
        #expect(BreakPlacement.cheapest(offsets: [[0], [0]], durations: [2, 2]) { _, _ in 0 } == nil)
        // Negative costs later in the search must not hide a cheaper start: -20 beats the -10 found first.
        let negative = BreakPlacement.cheapest(offsets: [[0, 5], [10]], durations: [1, 1]) { index, offset in
            index == 0 ? (offset == 5 ? -10 : 0) : -10
        }
        #expect(negative == [5, 10])
    }
}
