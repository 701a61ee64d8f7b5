@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("NumberFormatting")
struct NumberFormattingTests {
    func text(_ value: Double, decimals: Int? = nil) -> String {
        var bytes: [UInt8] = []
        NumberFormatting.append(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func shortest() {
        #expect(text(0) == "0")
        #expect(text(-0.0) == "0")
        #expect(text(42) == "42")
        #expect(text(-7) == "-7")
        #expect(text(12.5) == "12.5")
        #expect(text(240.25) == "240.25")
        #expect(text(-0.05) == "-0.05")
        #expect(text(0.1) == "0.1")
        #expect(text(0.1 + 0.2) == "0.30000000000000004")
        #expect(text(1.0 / 3) == "0.3333333333333333")
        #expect(text(1e-5) == "1e-05")
        #expect(text(9_007_199_254_740_993) == "9007199254740992")
        #expect(text(1.5e20) == "1.5e+20")
    }

    @Test func rounded() {
        #expect(text(1.0 / 3, decimals: 6) == "0.333333")
        #expect(text(2.5, decimals: 6) == "2.5")
        #expect(text(2, decimals: 6) == "2")
        #expect(text(0.05, decimals: 2) == "0.05")
        #expect(text(-0.0000001, decimals: 6) == "0")
        #expect(text(-1.25, decimals: 1) == "-1.3")  // ties away from zero
        #expect(text(1234.5678, decimals: 0) == "1235")
        #expect(text(1e300, decimals: 6) == "1e+300")
    }

    @Test func nonFinite() {
        #expect(text(.nan) == "nan")
        #expect(text(.infinity) == "inf")
        #expect(text(-.infinity, decimals: 2) == "-inf")
    }

    @Test func integers() {
        var bytes: [UInt8] = []
        NumberFormatting.appendInteger(.min, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-9223372036854775808")
    }

    /// Shortest text reads back as exactly the same Double, through the CSV reader's own parser.
    @Test func shortestRoundTrips() {
        var generator = SeededGenerator(seed: 7)
        for index in 0..<20_000 {
            let value: Double
            switch index % 3 {
            case 0: value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            case 1: value = Double(generator.next() % 100_000) / 100
            default: value = Double.random(in: -1000...1000, using: &generator)
            }
            let written = text(value)
            let read = Array(written.utf8).withUnsafeBufferPointer { DecimalParser.parse($0, decimalComma: false) }
            #expect(read == .number(value), "\(value) -> \(written)")
            #expect(written.utf8.count <= value.description.utf8.count, "\(value) -> \(written)")
        }
    }
}
