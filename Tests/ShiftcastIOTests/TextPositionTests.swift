@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("TextPosition")
struct TextPositionTests {
    let bytes = Array("ab\r\nçd\ref\ng🙂h".utf8)

    @Test func linesCountLFCRLFAndLoneCR() {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            #expect(TextPosition.line(of: 0, in: base, from: 0, startLine: 1) == 1)
            #expect(TextPosition.line(of: 4, in: base, from: 0, startLine: 1) == 2)  // after CRLF
            #expect(TextPosition.line(of: 8, in: base, from: 0, startLine: 1) == 3)  // after the lone CR
            #expect(TextPosition.line(of: buffer.count, in: base, from: 4, startLine: 2) == 4)
        }
    }

    @Test func characterColumnsCountScalars() {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            #expect(TextPosition.characterColumn(of: 6, in: base, lineSearchStart: 0) == 2)  // "d" after "ç"
            #expect(TextPosition.characterColumn(of: buffer.count - 1, in: base, lineSearchStart: 0) == 3)  // "h" after "g🙂"
            #expect(TextPosition.describeCharacter(at: 12, in: base, end: buffer.count) == "'🙂'")
        }
    }
}
