@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct CoverageFileTests {
    @Test func gapIsScheduledMinusRequired() throws {
        let curve = try RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 1800, required: [0.5, 2, 0])
        let result = ShiftMixResult(curve: curve, families: [], candidates: [], counts: [], coverage: [1, 1, 0], objective: 0,
                                    lowerBound: 0, relaxationBound: 0, provenOptimal: true, seconds: 0)
        let table = try table(String(decoding: CoverageFile.csvBytes(result), as: UTF8.self))
        #expect(table.header == ["timestamp", "required", "scheduled", "gap"])
        let gaps = try table.rows.map { try $0.number(3) }
        #expect(gaps == [0.5, -1, 0])
        #expect(table.rows[1].text(0) == "2024-01-01T00:30:00")
    }
}
