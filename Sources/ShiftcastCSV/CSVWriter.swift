/// Builds CSV text in memory: a header row, then rows written whole or field by field.
///
/// Output follows SPEC section 2 and reads back with `CSVTable` to the same text and numbers:
/// - `,` separator, LF line ends, UTF-8 without a byte-order mark.
/// - A field is quoted (RFC 4180, `"` doubled inside) only when it must be: when it holds `,`, `"`, CR
///   or LF, or starts or ends with a space or tab (the reader trims those from unquoted fields), or
///   starts with U+FEFF (which would read as a byte-order mark at the start of the file). A
///   header name holding `;` is quoted too, so the reader does not take `;` for the separator.
/// - A row whose fields are all empty writes its first field as `""`, so it is not read as a blank line.
/// - Numbers as `NumberFormatting` prints them: shortest round-trip text, or rounded to `decimals`.
///   A NaN or an infinity is written as an empty field, never as `nan` or `inf`: no file Shiftcast
///   writes holds them (issue 12), and every reader takes an empty field for "no value".
///
///     var writer = CSVWriter(header: ["timestamp", "volume"])
///     writer.append(field: "2025-03-03T08:30")
///     writer.append(field: 12.5, decimals: 6)
///     writer.endRow()
///     try OutputFile.write(writer.bytes, to: outputPath)
public struct CSVWriter: Sendable {
    /// The CSV text so far.
    public private(set) var bytes: [UInt8] = []
    /// The number of fields in each row: the header's.
    public let columnCount: Int
    private var fieldsInRow = 0
    private var rowStart = 0
    private var rowHasText = false

    /// Starts a CSV text with its header row. `capacity` reserves room for that many bytes.
    public init(header: [String], capacity: Int = 0) {
        precondition(!header.isEmpty, "a CSV file needs at least one column")
        columnCount = header.count
        bytes.reserveCapacity(max(capacity, 256))
        for name in header { appendText(name, quoteSemicolon: true) }
        endRow()
    }

    /// Appends a whole row of text fields; there must be `columnCount` of them.
    ///
    /// - Complexity: O(total length of the fields).
    public mutating func append(row fields: [String]) {
        precondition(fieldsInRow == 0, "append(row:) in the middle of a row")
        for field in fields { append(field: field) }
        endRow()
    }

    /// Appends a text field to the current row.
    public mutating func append(field text: String) {
        appendText(text, quoteSemicolon: false)
    }

    /// Appends a number to the current row: the shortest text that reads back as `value`, or, with
    /// `decimals`, rounded to at most that many digits after the point (taken as 0 below 0 and as 15
    /// above, where a `Double` has no more digits to show).
    public mutating func append(field value: Double, decimals: Int? = nil) {
        precondition(fieldsInRow < columnCount, "row has more fields than the header's \(columnCount)")
        guard value.isFinite else {
            startField()
            return
        }
        // The separator and the number go in with one append.
        let separator = fieldsInRow > 0
        fieldsInRow += 1
        rowHasText = true
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            let start = scratch.baseAddress!
            start[0] = UInt8(ascii: ",")
            let offset = separator ? 1 : 0
            if let count = NumberFormatting.write(value, decimals: decimals, into: start + offset) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: offset + count))
            } else {
                if separator { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: value.description.utf8)
            }
        }
    }

    /// Appends a whole number to the current row.
    public mutating func append(field value: Int) {
        startField()
        NumberFormatting.appendInteger(Int64(value), to: &bytes)
        rowHasText = true
    }

    /// Ends the current row, which must have `columnCount` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == columnCount, "row has \(fieldsInRow) fields; the header has \(columnCount)")
        if !rowHasText {
            bytes.insert(contentsOf: [CSVScanner.quote, CSVScanner.quote], at: rowStart)
        }
        bytes.append(CSVScanner.lineFeed)
        fieldsInRow = 0
        rowStart = bytes.count
        rowHasText = false
    }

    @inline(__always)
    private mutating func startField() {
        precondition(fieldsInRow < columnCount, "row has more fields than the header's \(columnCount)")
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func appendText(_ text: String, quoteSemicolon: Bool) {
        startField()
        if !text.isEmpty { rowHasText = true }
        var text = text
        text.withUTF8 { utf8 in
            if Self.needsQuotes(utf8, quoteSemicolon: quoteSemicolon) {
                bytes.append(CSVScanner.quote)
                for byte in utf8 {
                    if byte == CSVScanner.quote { bytes.append(CSVScanner.quote) }
                    bytes.append(byte)
                }
                bytes.append(CSVScanner.quote)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>, quoteSemicolon: Bool) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == CSVScanner.space || first == CSVScanner.tab || last == CSVScanner.space || last == CSVScanner.tab {
            return true
        }
        // A leading U+FEFF would open the file as a byte-order mark, which the reader drops.
        if utf8.count >= 3, utf8[0] == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF { return true }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: ","), CSVScanner.quote, CSVScanner.lineFeed, CSVScanner.carriageReturn: return true
            case UInt8(ascii: ";") where quoteSemicolon: return true
            default: continue
            }
        }
        return false
    }
}
