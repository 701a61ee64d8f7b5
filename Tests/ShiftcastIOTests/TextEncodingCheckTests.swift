@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("TextEncodingCheck")
struct TextEncodingCheckTests {
    func problem(_ bytes: [UInt8]) -> TextEncodingCheck.Problem? {
        bytes.withUnsafeBufferPointer { TextEncodingCheck.firstProblem(in: $0) }
    }

    @Test func acceptsUTF8Text() {
        #expect(problem([]) == nil)
        #expect(problem(Array("plain ascii, long enough for whole words\n".utf8)) == nil)
        #expect(problem(Array("é ü € 𝄞 🙂 \u{10FFFF} \u{FEFF}".utf8)) == nil)
    }

    @Test(arguments: [
        [0xC0, 0x80],  // overlong NUL
        [0xE0, 0x80, 0x80],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],
        [0xC3],  // truncated at the end
        [0xE2, 0x82, 0x41],  // bad continuation
        [0x80],  // lone continuation
        [0xFC],  // Latin-1 u-umlaut
    ] as [[UInt8]])
    func refusesInvalidSequences(sequence: [UInt8]) {
        let prefix = Array("0123456789abc".utf8)  // past the first word, to test the slow path's offset
        #expect(problem(prefix + sequence + Array("xyz".utf8)) == .notUTF8(offset: prefix.count))
    }

    @Test func nulMeansBinaryEvenAfterInvalidUTF8() {
        #expect(problem(Array("abcdefghij".utf8) + [0]) == .binary(offset: 10))
        #expect(problem([0x61, 0xFF, 0x61, 0x00]) == .binary(offset: 3))
    }

    @Test func utf16ByteOrderMarks() {
        #expect(problem([0xFF, 0xFE, 0x61, 0x00]) == .utf16)
        #expect(problem([0xFE, 0xFF, 0x00, 0x61]) == .utf16)
    }
}
