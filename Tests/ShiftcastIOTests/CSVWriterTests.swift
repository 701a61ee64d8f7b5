@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import Testing

@Suite("CSVWriter")
struct CSVWriterTests {
    func text(_ writer: CSVWriter) -> String { String(decoding: writer.bytes, as: UTF8.self) }

    @Test func quotesOnlyWhereNeeded() {
        var writer = CSVWriter(header: ["event", "description"])
        writer.append(row: ["plain", "a, b"])
        writer.append(row: ["say \"hi\"", "two\nlines"])
        writer.append(row: [" padded", "cr\rhere"])
        writer.append(row: ["semi;colon", "tab\t"])
        #expect(text(writer) == """
            event,description
            plain,"a, b"
            "say ""hi""\",\"two
            lines"
            " padded","cr\rhere"
            semi;colon,"tab\t"

            """)
    }

    @Test func headerWithSemicolonIsQuotedSoTheSeparatorStaysComma() throws {
        var writer = CSVWriter(header: ["a;b", "c"])
        writer.append(row: ["1", "2"])
        #expect(text(writer).hasPrefix("\"a;b\",c\n"))
        let csv = try CSVTable(bytes: writer.bytes, name: "t.csv")
        #expect(csv.separator == ",")
        #expect(csv.header == ["a;b", "c"])
    }

    /// Issue 12: no file Shiftcast writes holds `inf` or `nan`; such a value is an empty field.
    @Test func nonFiniteNumbersAreEmptyFields() throws {
        var writer = CSVWriter(header: ["a", "b", "c"])
        writer.append(field: .infinity)
        writer.append(field: .nan, decimals: 3)
        writer.append(field: -.infinity)
        writer.endRow()
        writer.append(field: 1.5)
        writer.append(field: .nan)
        writer.append(field: 2)
        writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "a,b,c\n\"\",,\n1.5,,2\n")
        let table = try CSVTable(bytes: writer.bytes, name: "t.csv")
        #expect(table.rowCount == 2)
        #expect(try table.rows[1].optionalNumber(1) == nil)
    }

    @Test func fieldByFieldWithNumbers() {
        var writer = CSVWriter(header: ["timestamp", "volume", "agents"])
        writer.append(field: "2025-03-03T08:30")
        writer.append(field: 1.0 / 3, decimals: 6)
        writer.append(field: 12)
        writer.endRow()
        writer.append(field: "2025-03-03T09:00")
        writer.append(field: 12.5)
        writer.append(field: -1)
        writer.endRow()
        #expect(text(writer) == "timestamp,volume,agents\n2025-03-03T08:30,0.333333,12\n2025-03-03T09:00,12.5,-1\n")
    }

    @Test func allEmptyRowIsNotReadAsBlank() throws {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(row: ["", ""])
        writer.append(row: ["1", ""])
        #expect(text(writer) == "a,b\n\"\",\n1,\n")
        var single = CSVWriter(header: ["a"])
        single.append(row: [""])
        #expect(try CSVTable(bytes: single.bytes, name: "t.csv").rowCount == 1)
    }

    /// Writing and reading back gives the same text and the same numbers.
    @Test func roundTrip() throws {
        let texts = ["plain", "", " padded ", "comma, inside", "quote \"q\"", "line\nbreak", "crlf\r\nbreak", "ünïcödé 🙂",
                     "semi;colon", "\"", ",", "'"]
        var generator = SeededGenerator(seed: 11)
        var numbers: [Double] = []
        var writer = CSVWriter(header: ["name", "value", "count"])
        for (index, name) in (texts + texts.reversed()).enumerated() {
            let value = index % 2 == 0
                ? Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) : Double(index) / 7
            numbers.append(value)
            writer.append(field: name)
            writer.append(field: value)
            writer.append(field: index)
            writer.endRow()
        }
        let csv = try CSVTable(bytes: writer.bytes, name: "round.csv")
        #expect(csv.header == ["name", "value", "count"])
        #expect(csv.rows.map { $0.text(0) } == texts + texts.reversed())
        #expect(try csv.rows.map { try $0.number(1) } == numbers)
        #expect(try csv.rows.map { try $0.number(2) } == (0..<(2 * texts.count)).map(Double.init))
    }
}
