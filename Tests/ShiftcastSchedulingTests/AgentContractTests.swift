import ShiftcastScheduling
import Testing

@Suite struct AgentContractTests {
    let day = ShiftFamily(name: "day", weekdays: [1, 2, 3, 4, 5], earliestStart: hours(8), latestStart: hours(10), startStep: 3600,
                          minimumLength: hours(4), maximumLength: hours(8), lengthStep: hours(1))
    let weekend = ShiftFamily(name: "weekend", weekdays: [6, 7], earliestStart: hours(9), latestStart: hours(9), startStep: 3600,
                              minimumLength: hours(6), maximumLength: hours(6), lengthStep: hours(1))

    @Test func aFullTimeContractTheShiftsCanMeet() {
        let contract = AgentContract(agent: "ana", minimumWeekSeconds: hours(38), maximumWeekSeconds: hours(40), maximumDaysPerWeek: 5)
        #expect(contract.problems(families: [day, weekend]).isEmpty)
        #expect(contract.mayWork(day) && contract.mayWork(weekend))
    }

    @Test func tooFewDaysForTheMinimumHours() {
        // Four days of at most 8 hours cannot make 38 hours.
        let contract = AgentContract(agent: "bo", minimumWeekSeconds: hours(38), maximumDaysPerWeek: 4)
        #expect(contract.problems(families: [day, weekend]).map(\.field) == [.maximumDaysPerWeek])
    }

    @Test func unavailabilityCanMakeTheMinimumUnreachable() {
        // Only weekends (6h shifts) and the weekdays are all unavailable: at most 12 hours.
        let contract = AgentContract(agent: "cy", minimumWeekSeconds: hours(20), unavailableWeekdays: [1, 2, 3, 4, 5])
        let problems = contract.problems(families: [day, weekend])
        #expect(problems.map(\.field) == [.unavailable])
        #expect(problems.first?.message.contains("at most 12h") == true)
    }

    @Test func familiesTheShiftsFileLacksAndHoursInTheWrongOrder() {
        #expect(AgentContract(agent: "di", allowedFamilies: ["night"]).problems(families: [day]).map(\.field) == [.shifts])
        #expect(AgentContract(agent: "ed", minimumWeekSeconds: hours(30), maximumWeekSeconds: hours(20))
            .problems(families: [day]).map(\.field) == [.maximumWeekHours])
        // Weekend shifts are 6 hours; a 5-hour maximum allows none of them.
        #expect(AgentContract(agent: "fa", allowedFamilies: ["weekend"], maximumWeekSeconds: hours(5))
            .problems(families: [day, weekend]).map(\.field) == [.maximumWeekHours])
    }
}
