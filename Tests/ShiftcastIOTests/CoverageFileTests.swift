@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastPlanning
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

    /// A schedule's file says why each short interval is short, and reads back: the interval no shift
    /// reaches (no candidates at all) is short by 1.5 agents for that reason; the covered ones say nothing.
    @Test func aScheduleWritesTheCauseOfEachShortIntervalAndReadsBack() throws {
        let curve = try RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_704_067_200), slotSeconds: 1800, required: [0, 1.5, 0])
        let result = ShiftMixResult(curve: curve, families: [], candidates: [], counts: [], coverage: [0, 0, 1], objective: 0,
                                    lowerBound: 0, relaxationBound: 0, provenOptimal: true, seconds: 0)
        let bytes = CoverageFile.csvBytes([QueueSchedule(name: nil, result: result)])
        let table = try table(String(decoding: bytes, as: UTF8.self))
        #expect(table.header == ["timestamp", "required", "scheduled", "gap", "cause"])
        let rows = try CoverageFile.read(table: table, clock: .naive)
        #expect(rows.map(\.cause) == [nil, "no shift reaches it", nil])
        #expect(rows.map(\.required) == [0, 1.5, 0])
        #expect(rows.map(\.scheduled) == [0, 0, 1])
        #expect(rows[1].start == Timestamp(secondsSinceEpoch: 1_704_067_200 + 1800))
    }

    @Test func aCoverageFileOutOfRangeIsRefusedAtItsField() throws {
        let text = "timestamp,required,scheduled,gap,service_level\n2024-01-01T00:00:00,2,1,-1,1.5\n"
        #expect(throws: ShiftcastError.self) { try CoverageFile.read(table: table(text), clock: .naive) }
        do {
            _ = try CoverageFile.read(table: table(text), clock: .naive)
        } catch let error as ShiftcastError {
            #expect(error.line == 2 && error.column == 5, "\(error)")
        }
    }
}
