@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct ScheduleFileTests {
    @Test func oneWorkRowPerShiftOrderedByAgentThenStart() throws {
        let family = ShiftFamily(name: "night", earliestStart: 22 * 3600, latestStart: 22 * 3600, startStep: 3600,
                                 minimumLength: 8 * 3600, maximumLength: 8 * 3600, lengthStep: 3600)
        let start = CivilDateTime(year: 2024, month: 1, day: 7, hour: 22)!
        let shift = ShiftCandidate(family: 0, startSlot: 166, lengthSlots: 8, start: start, length: 8 * 3600, cost: 8)
        let earlier = ShiftCandidate(family: 0, startSlot: 22, lengthSlots: 8,
                                     start: CivilDateTime(year: 2024, month: 1, day: 1, hour: 22)!, length: 8 * 3600, cost: 8)
        let bytes = ScheduleFile.csvBytes([.init(agent: 2, candidate: earlier), .init(agent: 1, candidate: shift),
                                           .init(agent: 1, candidate: earlier)], families: [family],
                                          curve: try RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 3600,
                                                                  required: [Double](repeating: 1, count: 168)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == """
            agent,date,shift,activity,start,end
            A0001,2024-01-01,night,work,2024-01-01T22:00:00,2024-01-02T06:00:00
            A0001,2024-01-07,night,work,2024-01-07T22:00:00,2024-01-08T06:00:00
            A0002,2024-01-01,night,work,2024-01-01T22:00:00,2024-01-02T06:00:00

            """)
    }
}
