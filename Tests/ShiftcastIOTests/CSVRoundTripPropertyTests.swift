@testable import ShiftcastCSV
import PropertyBased
import ShiftcastCore
@testable import ShiftcastIO
import Testing

/// Properties of `CSVWriter` and `CSVTable` together: what the writer writes, the reader reads back.
///
/// The strings are drawn from the characters that matter to CSV (separators, quotes, CR, LF, CRLF, spaces
/// and tabs at either end, empty fields) and a few beyond ASCII (accents, CJK, an emoji, a combining mark,
/// U+FEFF, a right-to-left mark). NUL is left out: the reader refuses any text holding one as a binary file.
@Suite("CSV round trip (properties)")
struct CSVRoundTripPropertyTests {
    static let alphabet: [Character] = [
        "a", "Z", "0", "7", "-", ".", "_", " ", "\t", ",", ";", "\"", "'", "\n", "\r", "\r\n", "|",
        "é", "ß", "日", "😀", "\u{0301}", "\u{FEFF}", "\u{200F}", "\u{00A0}",
    ]
    static let character = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }
    static let field = character.string(of: 0...6)

    /// The table the writer writes: `columns` header names, then rows of as many fields, from `cells`.
    static func table(cells: [String], columns: Int) -> (header: [String], rows: [[String]]) {
        let header = (0..<columns).map { $0 < cells.count ? cells[$0] : "" }
        let rest = Array(cells.dropFirst(columns))
        let rows = stride(from: 0, to: rest.count, by: columns).map { start in
            (start..<(start + columns)).map { $0 < rest.count ? rest[$0] : "" }
        }
        return (header, rows)
    }

    static func written(header: [String], rows: [[String]]) -> [UInt8] {
        var writer = CSVWriter(header: header)
        for row in rows { writer.append(row: row) }
        return writer.bytes
    }

    /// Header names as the reader gives them: trimmed of spaces and tabs (documented on `CSVTable.header`,
    /// so that ` volume` finds `volume`), even when the writer quoted them.
    static func trimmed(_ name: String) -> String {
        CSVTable.trimmingSpaces(name)
    }

    @Test func anyTableOfStringsReadsBackField_for_field() async throws {
        await propertyCheck(count: 500, input: Gen.int(in: 1...4), Self.field.array(of: 0...24)) { columns, cells in
            let (header, rows) = Self.table(cells: cells, columns: columns)
            let bytes = Self.written(header: header, rows: rows)
            let text = String(decoding: bytes, as: UTF8.self)
            Self.check(bytes: bytes, header: header, rows: rows, text: text)
        }
    }

    static func check(bytes: [UInt8], header: [String], rows: [[String]], text: String) {
        do {
            let table = try CSVTable(bytes: bytes, name: "t.csv")
            #expect(table.header == header.map(Self.trimmed), "header of \(text.debugDescription)")
            #expect(table.separator == ",", "separator of \(text.debugDescription)")
            #expect(table.rowCount == rows.count, "rows of \(text.debugDescription)")
            for (index, row) in table.rows.enumerated() where index < rows.count {
                let read = (0..<header.count).map { row.text($0) }
                #expect(read == rows[index], "row \(index) of \(text.debugDescription)")
            }
        } catch {
            Issue.record("the writer's text does not read: \(error); text \(text.debugDescription)")
        }
    }

    /// The case the property found: a first header name that starts with U+FEFF was written unquoted, so
    /// the file opened with EF BB BF and the reader dropped it as a byte-order mark.
    @Test func aLeadingByteOrderMarkInTheFirstHeaderNameReadsBack() throws {
        for header in [["\u{FEFF}id", "b"], ["\u{FEFF}"]] {
            let bytes = Self.written(header: header, rows: [Array(repeating: "1", count: header.count)])
            let table = try CSVTable(bytes: bytes, name: "t.csv")
            #expect(table.header == header)
        }
    }

    /// The same with only data fields drawn freely and plain header names, so that a failure of the data
    /// path is not masked by one of the header.
    @Test func anyFieldsUnderAPlainHeaderReadBack() async throws {
        await propertyCheck(count: 500, input: Gen.int(in: 1...3), Self.field.array(of: 1...18)) { columns, cells in
            let header = (0..<columns).map { "c\($0)" }
            let rows = Self.table(cells: Array(repeating: "", count: columns) + cells, columns: columns).rows
            let bytes = Self.written(header: header, rows: rows)
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let table = try CSVTable(bytes: bytes, name: "t.csv")
                #expect(table.rowCount == rows.count, "rows of \(text.debugDescription)")
                for (index, row) in table.rows.enumerated() where index < rows.count {
                    #expect((0..<columns).map { row.text($0) } == rows[index], "row \(index) of \(text.debugDescription)")
                    for column in 0..<columns {
                        let blank = rows[index][column].allSatisfy { $0 == " " || $0 == "\t" }
                        #expect(row.isBlank(column) == blank, "isBlank of \(rows[index][column].debugDescription)")
                    }
                }
            } catch {
                Issue.record("the writer's text does not read: \(error); text \(text.debugDescription)")
            }
        }
    }

    /// Finite doubles over their whole range: every bit pattern is equally likely, so subnormals, huge
    /// values, integers beyond 2^53 and both zeros all turn up.
    static let anyFiniteDouble = Gen<UInt64>.value(in: 0...UInt64.max)
        .map { Double(bitPattern: $0) }
        .map { $0.isFinite ? $0 : 0 }
    /// The values a contact centre writes: volumes, handle times, fractions.
    static let everydayDouble = Gen.double(in: -1e6...1e6)

    static func readBack(_ value: Double, decimals: Int? = nil) throws -> (text: String, value: Double) {
        var writer = CSVWriter(header: ["x"])
        writer.append(field: value, decimals: decimals)
        writer.endRow()
        let table = try CSVTable(bytes: writer.bytes, name: "t.csv")
        let text = table.rows[0].text(0)
        return (text, try table.rows[0].number(0))
    }

    @Test func anyFiniteDoubleReadsBackAsTheSameValue() async throws {
        await propertyCheck(count: 2000, input: Self.anyFiniteDouble) { value in
            let (text, read) = try Self.readBack(value)
            #expect(read == value, "\(value) was written as \(text)")
        }
    }

    @Test func everydayDoublesReadBackAsTheSameValue() async throws {
        await propertyCheck(count: 2000, input: Self.everydayDouble) { value in
            let (text, read) = try Self.readBack(value)
            #expect(read == value, "\(value) was written as \(text)")
        }
    }

    /// With `decimals`, the text reads back as the value rounded: within half a unit of the last decimal.
    @Test func roundedDoublesReadBackWithinHalfAUnit() async throws {
        await propertyCheck(count: 1000, input: Self.everydayDouble, Gen.int(in: 0...6)) { value, decimals in
            let (text, read) = try Self.readBack(value, decimals: decimals)
            let unit = (0..<decimals).reduce(1.0) { unit, _ in unit / 10 }
            #expect(abs(read - value) <= unit / 2 * (1 + 1e-9) + value.ulp, "\(value) to \(decimals) decimals: \(text)")
        }
    }

    /// Edge values the generators may miss.
    @Test(arguments: [0.0, -0.0, 1e308, -1e308, .greatestFiniteMagnitude, .leastNormalMagnitude,
                      .leastNonzeroMagnitude, 0x1.0p-1063, 9_007_199_254_740_992, 9_223_372_036_854_775_808.0, 1e19,
                      0.1, 0.30000000000000004, 123456.789, 1e-5, 5e-324, 2.5e-308])
    func edgeDoublesReadBack(value: Double) throws {
        let (text, read) = try Self.readBack(value)
        #expect(read == value, "\(value) was written as \(text)")
    }
}
