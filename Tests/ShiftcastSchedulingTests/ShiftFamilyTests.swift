import ShiftcastScheduling
import Testing

@Suite struct ShiftFamilyTests {
    let morning = ShiftFamily(name: "morning", earliestStart: hours(6), latestStart: hours(8), startStep: 1800,
                              minimumLength: hours(4), maximumLength: hours(5), lengthStep: 1800)

    @Test func startsAndLengthsStepThroughTheirRanges() {
        #expect(morning.startOffsets == [hours(6), hours(6.5), hours(7), hours(7.5), hours(8)])
        #expect(morning.lengths == [hours(4), hours(4.5), hours(5)])
        #expect(morning.problems(slotSeconds: 900).isEmpty)
    }

    @Test func aWindowAcrossMidnightRunsIntoTheNextDay() {
        let night = ShiftFamily(name: "night", earliestStart: hours(23), latestStart: hours(1), startStep: 3600,
                                minimumLength: hours(8), maximumLength: hours(8), lengthStep: 3600)
        #expect(night.startOffsets == [hours(23), hours(24), hours(25)])
        #expect(night.problems(slotSeconds: 3600).isEmpty)
    }

    @Test func aWindowOffTheGridIsAProblemOfItsField() {
        let problems = morning.problems(slotSeconds: 3600)
        #expect(problems.map(\.field) == [.startStep, .lengthStep])
        var late = morning
        late.earliestStart = hours(6) + 600
        #expect(late.problems(slotSeconds: 900).first?.field == .earliestStart)
    }

    @Test func lengthsOutOfOrderAreRefused() {
        var family = morning
        family.maximumLength = hours(3)
        #expect(family.problems(slotSeconds: 900).map(\.field) == [.maximumLength])
        family.maximumLength = hours(4.75)
        #expect(family.problems(slotSeconds: 900).first?.message.contains("not reached from min_length") == true)
    }
}

/// A public API never traps on what it accepts (issue 9): a family with a step of 0 has no starts or
/// lengths and its problems say why.
@Suite struct ShiftFamilyStepTests {
    @Test func aStepOfZeroGivesNothingAndIsReported() {
        let family = ShiftFamily(name: "odd", earliestStart: 8 * 3600, latestStart: 10 * 3600, startStep: 0,
                                 minimumLength: 4 * 3600, maximumLength: 8 * 3600, lengthStep: 0)
        #expect(family.startOffsets.isEmpty && family.lengths.isEmpty)
        #expect(family.problems(slotSeconds: 900).count >= 2)
    }
}
