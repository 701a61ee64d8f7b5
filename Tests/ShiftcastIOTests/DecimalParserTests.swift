@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("DecimalParser")
struct DecimalParserTests {
    func parse(_ text: String, decimalComma: Bool = false) -> DecimalParser.Result {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0, decimalComma: decimalComma) }
    }

    @Test func acceptedForms() {
        #expect(parse("0") == .number(0))
        #expect(parse("-0") == .number(-0.0))
        #expect(parse("  12.5\t") == .number(12.5))
        #expect(parse("1e3") == .number(1000))
        #expect(parse("1E+3") == .number(1000))
        #expect(parse("2.5e-3") == .number(0.0025))
        #expect(parse(".25") == .number(0.25))
        #expect(parse("7.") == .number(7))
        #expect(parse("1,5", decimalComma: true) == .number(1.5))
        #expect(parse("1.5", decimalComma: true) == .number(1.5))
        #expect(parse("0.000000000000000000000000001") == .number(1e-27))
        #expect(parse("123456789012345678901234567890") == .number(1.2345678901234568e29))
        #expect(parse("1e-400") == .number(0))
    }

    @Test func rejectedForms() {
        for text in ["nan", "inf", "-inf", "infinity", "0x1p3", "1,5", "1 5", "1.2.3", "+", "-", ".", "e3", "1e", "1e+",
                     "--1", "1-", "12a", "1,000.5", "١٢"] {
            #expect(parse(text) == .invalid, "\(text)")
        }
        #expect(parse("") == .empty)
        #expect(parse("   ") == .empty)
        #expect(parse("1e400") == .outOfRange)
        #expect(parse("-1e99999999999999999999") == .outOfRange)
    }

    /// The fast path and the slow path both round correctly: the same Double as the standard library.
    @Test func agreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (generator.next() % 2 == 0 ? 1 : -1)
            for text in [value.description, String(format6(value)), "\(generator.next() % 1_000_000).\(generator.next() % 1000)"] {
                guard let expected = Double(text) else { continue }
                #expect(parse(text) == .number(expected), "\(text)")
            }
        }
    }

    private func format6(_ value: Double) -> String {
        // A fixed-notation form when it is short enough, else the shortest one.
        let magnitude = value.magnitude
        guard magnitude < 1e15, magnitude > 1e-6 else { return value.description }
        let units = (value * 1e6).rounded()
        return "\(units / 1e6)"
    }
}
