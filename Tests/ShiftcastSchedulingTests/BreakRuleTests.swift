import ShiftcastScheduling
import Testing

@Suite struct BreakRuleTests {
    let day = ShiftFamily(name: "day", earliestStart: hours(8), latestStart: hours(9), startStep: 900,
                          minimumLength: hours(4), maximumLength: hours(8), lengthStep: hours(1))

    @Test func aWindowAfterTheStartGivesItsStartsOnTheGrid() {
        let rule = BreakRule(shift: "day", activity: "break", duration: 900, anchor: .start, earliest: hours(2), latest: hours(3))
        #expect(rule.startOffsets(shiftLength: hours(8), slotSeconds: 900) == [7200, 8100, 9000, 9900, 10800])
        #expect(rule.problems(families: [day], slotSeconds: 900).isEmpty)
    }

    @Test func aWindowBeforeTheEndCountsBackwards() {
        // Between 2h and 1h before the end of an 8h shift: from 6h to 7h after its start.
        let rule = BreakRule(shift: "*", activity: "break", duration: 900, anchor: .end, earliest: hours(2), latest: hours(1))
        #expect(rule.startOffsets(shiftLength: hours(8), slotSeconds: 1800) == [hours(6), hours(6.5), hours(7)])
        // The break must end by the shift's end: 30 minutes before the end is the last start for a 30m break.
        let late = BreakRule(shift: "*", activity: "break", duration: 1800, anchor: .end, earliest: hours(1), latest: 0)
        #expect(late.startOffsets(shiftLength: hours(8), slotSeconds: 1800) == [hours(7), hours(7.5)])
    }

    @Test func rulesApplyOnlyToLongEnoughShiftsOfTheirFamily() {
        let lunch = BreakRule(shift: "day", activity: "lunch", duration: 1800, anchor: .start, earliest: hours(3), latest: hours(5),
                              minimumShiftLength: hours(6), paid: false)
        #expect(lunch.applies(to: day, length: hours(6)))
        #expect(!lunch.applies(to: day, length: hours(5)))
        var other = day
        other.name = "night"
        #expect(!lunch.applies(to: other, length: hours(8)))
        // The 4h and 5h shifts are exempt, so their windows need not hold the lunch.
        #expect(lunch.problems(families: [day], slotSeconds: 900).isEmpty)
    }

    @Test func aBreakLongerThanItsShiftIsAProblemOfItsDuration() {
        let rule = BreakRule(shift: "day", activity: "lunch", duration: hours(4), anchor: .start, earliest: 0, latest: hours(1))
        let problems = rule.problems(families: [day], slotSeconds: 900)
        #expect(problems.map(\.field) == [.duration])
        #expect(problems.first?.message.contains("as long as the 4h shifts of 'day' or longer") == true)
    }

    @Test func aWindowNoShiftCanMeetIsAProblem() {
        // Starting 5h to 6h after the start cannot happen in a 4h shift.
        let rule = BreakRule(shift: "day", activity: "break", duration: 900, anchor: .start, earliest: hours(5), latest: hours(6))
        let problems = rule.problems(families: [day], slotSeconds: 900)
        #expect(problems.map(\.field) == [.earliest])
        #expect(problems.first?.message.contains("cannot hold a 15m break in the 4h shifts of 'day'") == true)
    }

    @Test func windowsInTheWrongOrderOffTheGridOrForUnknownFamiliesAreProblems() {
        let reversed = BreakRule(shift: "day", activity: "break", duration: 900, anchor: .start, earliest: hours(3), latest: hours(2))
        #expect(reversed.problems(families: [day], slotSeconds: 900).map(\.field) == [.latest])
        let offGrid = BreakRule(shift: "day", activity: "break", duration: 600, anchor: .start, earliest: hours(2), latest: hours(3))
        #expect(offGrid.problems(families: [day], slotSeconds: 900).map(\.field) == [.duration])
        let unknown = BreakRule(shift: "evening", activity: "break", duration: 900, anchor: .start, earliest: hours(2), latest: hours(3))
        #expect(unknown.problems(families: [day], slotSeconds: 900).map(\.field) == [.shift])
    }
}
