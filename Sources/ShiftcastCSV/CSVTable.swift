import ShiftcastCore

/// A CSV file read whole into memory: its header, and its rows as views into the file's bytes.
///
/// Reading checks the structure of the whole file (encoding, quotes, field counts) and throws a
/// located `ShiftcastError` (`.badData`) for the first problem; values are converted only when asked
/// for, by `CSVRow`. The rules (Docs/CSV.md, SPEC section 2):
/// - UTF-8, with or without a byte-order mark; LF, CRLF or a lone CR ends a line.
/// - RFC 4180 quoting; a quote inside an unquoted field is kept as an ordinary character.
/// - The separator is `;` when the header line has more `;` than `,` outside quotes, else `,`; with
///   `;`, numbers may use `,` as the decimal mark.
/// - Columns are found by name: trimmed, case-insensitive; unknown columns are ignored; a name that
///   appears twice is an error only when looked up.
/// - Lines with nothing but separators, spaces and tabs are skipped.
/// - Every row has as many fields as the header.
///
///     let table = try CSVTable.read(path: "history.csv")
///     let volume = try table.requireColumn("volume")
///     let aht = try table.column("aht")
///     for row in table.rows {
///         let contacts = try row.number(volume)
///         let handleTime = try aht.flatMap { try row.optionalNumber($0) }
///     }
public struct CSVTable: Sendable {
    /// The bytes and the layout, shared by the table and its rows.
    final class Storage: Sendable {
        let name: String
        let bytes: [UInt8]
        let layout: CSVLayout
        let header: [String]
        /// Header names trimmed and lowercased, for lookups.
        let keys: [String]

        init(name: String, bytes: [UInt8], layout: CSVLayout, header: [String]) {
            self.name = name
            self.bytes = bytes
            self.layout = layout
            self.header = header
            self.keys = header.map { $0.lowercased() }
        }
    }

    let storage: Storage

    /// Reads a file, or standard input for `-`.
    ///
    /// - Throws: `ShiftcastError` `.inputUnavailable` when the file cannot be read, `.badData` when it is
    ///   not CSV as described above.
    /// - Complexity: O(file size) time; memory is the file's size plus 4 bytes per field.
    public static func read(path: String) throws -> CSVTable {
        try CSVTable(bytes: InputFile.read(path), name: path)
    }

    /// Reads CSV from bytes; `name` is the file name used in errors (`-` for standard input).
    ///
    /// An empty file (or one with only blank lines) gives a table with no header and no rows;
    /// `requireColumn` then reports that it is empty.
    ///
    /// - Complexity: O(bytes.count).
    public init(bytes: [UInt8], name: String) throws {
        guard bytes.count <= InputLimits.maximumInputBytes else { throw InputFile.tooLarge(name) }
        let (layout, header) = try bytes.withUnsafeBufferPointer { buffer -> (CSVLayout, [String]) in
            if let problem = TextEncodingCheck.firstProblem(in: buffer) {
                throw Self.encodingError(problem, in: buffer, name: name)
            }
            let layout = try CSVScanner.scan(buffer, name: name)
            guard let base = buffer.baseAddress else { return (layout, []) }
            let header = CSVScanner.headerNames(layout: layout, base: base).map(Self.trimmingSpaces)
            return (layout, header)
        }
        storage = Storage(name: name, bytes: bytes, layout: layout, header: header)
    }

    /// The file name used in errors, as given (`-` for standard input).
    public var name: String { storage.name }
    /// The column names, trimmed of surrounding spaces, in file order; empty for an empty file.
    public var header: [String] { storage.header }
    /// The physical line (1-based) of the header row: 1 unless blank lines come first.
    public var headerLine: Int { storage.layout.headerLine }
    /// The field separator found in the header line: `,` or `;`.
    public var separator: Character { Character(Unicode.Scalar(storage.layout.separator)) }
    /// Whether numbers may use `,` as the decimal mark: true in `;`-separated files.
    public var usesDecimalComma: Bool { storage.layout.separator == UInt8(ascii: ";") }
    /// The number of data rows (blank lines not counted).
    public var rowCount: Int { storage.layout.rowLines.count }
    /// The data rows, in file order.
    public var rows: Rows { Rows(storage: storage) }

    /// Calls `body` with each data row in file order.
    ///
    /// - Complexity: O(rows).
    public func forEachRow(_ body: (CSVRow) throws -> Void) rethrows {
        for index in 0..<rowCount { try body(CSVRow(storage: storage, index: index)) }
    }

    /// The 0-based index of the column called `name` (trimmed, case-insensitive), or `nil` when there is
    /// none. For optional columns such as `aht`.
    ///
    /// - Throws: `.badData` when two columns have that name: which one is meant cannot be known.
    /// - Complexity: O(columns).
    public func column(_ name: String) throws -> Int? {
        let key = Self.key(name)
        guard let first = storage.keys.firstIndex(of: key) else { return nil }
        if let second = storage.keys[(first + 1)...].firstIndex(of: key) {
            throw ShiftcastError(
                .badData,
                "has two columns named \(MessageText.quoted(storage.header[first])) (columns \(first + 1) and "
                    + "\(second + 1)); keep one",
                file: self.name, line: headerLine, column: second + 1)
        }
        return first
    }

    /// The 0-based index of the column called `name`, which must be there.
    ///
    /// - Throws: `.badData` at the header line when the file is empty, has no such column (the message
    ///   lists the columns found), or has two.
    public func requireColumn(_ name: String) throws -> Int {
        try requireColumn(anyOf: [name])
    }

    /// The 0-based index of the first of `names` that the file has, in the order of `names`: for a
    /// column with another accepted name (`scheduled_agents`, else `required`).
    ///
    /// - Throws: `.badData` at the header line when the file is empty, has none of the names, or has one
    ///   of them twice; `.invalidArgument` when `names` is empty.
    public func requireColumn(anyOf names: [String]) throws -> Int {
        guard !names.isEmpty else { throw ShiftcastError(.invalidArgument, "no column name was given to look for") }
        for name in names {
            if let index = try column(name) { return index }
        }
        let wanted = names.map { MessageText.quoted($0) }.joined(separator: " or ")
        if header.isEmpty {
            throw ShiftcastError(
                .badData, "is empty; expected a header row with a column \(wanted)", file: self.name, line: 1)
        }
        throw ShiftcastError(
            .badData, "has no column \(wanted); found columns: \(MessageText.list(header))",
            file: self.name, line: headerLine)
    }

    package static func key(_ name: String) -> String { trimmingSpaces(name).lowercased() }

    package static func trimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    static func encodingError(
        _ problem: TextEncodingCheck.Problem, in buffer: UnsafeBufferPointer<UInt8>, name: String
    ) -> ShiftcastError {
        let base = buffer.baseAddress!
        switch problem {
        case .utf16:
            return ShiftcastError(
                .badData,
                "is UTF-16 text; Shiftcast reads UTF-8: save it as UTF-8 (in Excel: \"CSV UTF-8\")",
                file: name, line: 1)
        case .binary(let offset):
            return ShiftcastError(
                .badData,
                "looks like a binary file, not CSV: it holds a NUL byte (at byte \(offset + 1)); "
                    + "expected UTF-8 text with a header row",
                file: name, line: TextPosition.line(of: offset, in: base, from: 0, startLine: 1))
        case .notUTF8(let offset):
            let byte = String(buffer[offset], radix: 16, uppercase: true)
            let character = TextPosition.characterColumn(of: offset, in: base, lineSearchStart: 0)
            return ShiftcastError(
                .badData,
                "is not UTF-8 text: byte 0x\(byte) at character \(character) is not valid UTF-8 (a Windows-1252 "
                    + "or Latin-1 export?); save it as UTF-8 (in Excel: \"CSV UTF-8\")",
                file: name, line: TextPosition.line(of: offset, in: base, from: 0, startLine: 1))
        }
    }
}

extension CSVTable {
    /// The data rows of a table, as a random-access collection.
    public struct Rows: RandomAccessCollection, Sendable {
        let storage: Storage

        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.layout.rowLines.count }
        public subscript(position: Int) -> CSVRow {
            precondition(position >= 0 && position < endIndex, "row index out of range")
            return CSVRow(storage: storage, index: position)
        }
    }
}
