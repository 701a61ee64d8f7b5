@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("CSVScanner")
struct CSVScannerTests {
    func layout(_ text: String) throws -> CSVLayout {
        try Array(text.utf8).withUnsafeBufferPointer { try CSVScanner.scan($0, name: "t.csv") }
    }

    @Test func recordsFieldStartsRowEndsAndLines() throws {
        let result = try layout("a,b\n1,22\r\n\n333,\"4\n4\"\n")
        #expect(result.columnCount == 2)
        #expect(result.headerStarts == [0, 2])
        #expect(result.headerEnd == 3)
        #expect(result.fieldStarts == [4, 6, 11, 15])
        #expect(result.rowEnds == [8, 20])
        #expect(result.rowLines == [2, 4])
    }

    @Test func emptyInputHasNoHeader() throws {
        let result = try layout("")
        #expect(result.columnCount == 0)
        #expect(result.rowLines.isEmpty)
    }

    @Test func trailingSeparatorMakesAnEmptyLastField() throws {
        let result = try layout("a,b,\n1,2,")
        #expect(result.columnCount == 3)
        #expect(result.fieldStarts == [5, 7, 9])
        #expect(result.rowEnds == [9])
    }

    /// Fields longer than a word go through the eight-bytes-at-a-time loop; its stops must be exact.
    @Test func longFieldsSplitExactly() throws {
        for length in 1..<40 {  // (length 0 would make ",\r\n", a blank line)
            let field = String(repeating: "x", count: length)
            let result = try layout("a,b\n\(field),\(field)\r\n\(field),y")
            #expect(result.fieldStarts == [4, UInt32(5 + length), UInt32(7 + 2 * length), UInt32(8 + 3 * length)])
            #expect(result.rowEnds == [UInt32(5 + 2 * length), UInt32(9 + 3 * length)])
        }
    }
}
