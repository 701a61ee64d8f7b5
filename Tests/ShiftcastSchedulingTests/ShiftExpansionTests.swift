import ShiftcastCore
import ShiftcastScheduling
import Testing

@Suite struct ShiftExpansionTests {
    let night = ShiftFamily(name: "night", weekdays: [7], earliestStart: hours(22), latestStart: hours(22), startStep: 3600,
                            minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)

    @Test func everyDayStartAndLengthInsideTheHorizon() throws {
        let family = ShiftFamily(name: "day", weekdays: [1, 2], earliestStart: hours(8), latestStart: hours(10), startStep: 3600,
                                 minimumLength: hours(4), maximumLength: hours(6), lengthStep: hours(1))
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 72))
        let candidates = ShiftExpansion.candidates(for: [family], over: curve)
        #expect(candidates.count == 2 * 3 * 3)  // Monday and Tuesday only, not Wednesday
        #expect(candidates.first?.startSlot == 8)
        #expect(candidates.last?.startSlot == 24 + 10)
        #expect(candidates.allSatisfy { $0.cost == Double($0.length) / 3600 })
    }

    @Test func onACyclicWeekSundayNightCoversMondayMorning() throws {
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 168), cyclic: true)
        let candidates = ShiftExpansion.candidates(for: [night], over: curve)
        #expect(candidates.count == 1)
        let covered = candidates[0].coveredSlots(horizonCount: 168, cyclic: true)
        #expect(covered == [166, 167, 0, 1, 2, 3, 4, 5])
    }

    @Test func withoutCyclicTheNightIsCutAtTheEnd() throws {
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 168))
        let candidates = ShiftExpansion.candidates(for: [night], over: curve)
        #expect(candidates[0].coveredSlots(horizonCount: 168, cyclic: false) == [166, 167])
        #expect(candidates[0].length == hours(8))
    }

    @Test func theCheaperOfTwoIdenticalShiftsIsKept() throws {
        var dear = night
        dear.costPerHour = 3
        dear.name = "dear"
        let curve = try RequirementCurve(start: monday, slotSeconds: 3600, required: Array(repeating: 1, count: 168), cyclic: true)
        let candidates = ShiftExpansion.candidates(for: [dear, night], over: curve)
        #expect(candidates.count == 1)
        #expect(candidates[0].family == 1)
    }
}
