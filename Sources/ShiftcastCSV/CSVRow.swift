import ShiftcastCore

/// One data row of a `CSVTable`: its fields by 0-based column index (from `CSVTable.requireColumn` or
/// `CSVTable.column`), converted on demand, with errors located at the field.
///
/// Locations in errors: the line is the physical line on which the field starts (a quoted line break
/// earlier in the row moves it down); the column is the 1-based field number, the position of the
/// column in the header.
public struct CSVRow: Sendable {
    let storage: CSVTable.Storage
    /// The 0-based position of the row among the table's data rows.
    public let index: Int

    init(storage: CSVTable.Storage, index: Int) {
        self.storage = storage
        self.index = index
    }

    /// The physical line (1-based) on which the row starts.
    public var line: Int { Int(storage.layout.rowLines[index]) }

    /// The field's text: an unquoted field without surrounding spaces and tabs, a quoted one exactly as
    /// written between its quotes, with `""` read as `"`.
    ///
    /// - Complexity: O(field length).
    public func text(_ column: Int) -> String {
        let (start, end) = bounds(column)
        return storage.bytes.withUnsafeBufferPointer { FieldText.text(base: $0.baseAddress!, start: start, end: end) }
    }

    /// Whether the field is empty or holds only spaces and tabs.
    public func isBlank(_ column: Int) -> Bool {
        let (start, end) = bounds(column)
        return storage.bytes.withUnsafeBufferPointer {
            FieldText.isBlank(base: $0.baseAddress!, start: start, end: end)
        }
    }

    /// The field as a number (`12`, `-0.5`, `1e3`, ` 7 `; `1,5` too in a `;`-separated file).
    ///
    /// - Throws: `.badData` at the field, naming the column, when it is blank, not a number (`nan`,
    ///   `inf`, `12,5x`), or beyond the range of `Double`.
    /// - Complexity: O(field length), without allocating.
    public func number(_ column: Int) throws -> Double {
        guard let value = try optionalNumber(column) else {
            throw error(column, "\(columnName(column)) is empty; expected a number")
        }
        return value
    }

    /// The field as a number, or `nil` when it is blank: for optional values.
    ///
    /// - Throws: `.badData` at the field when it is not blank and not a number (see `number(_:)`).
    public func optionalNumber(_ column: Int) throws -> Double? {
        let (start, end) = bounds(column)
        let decimalComma = storage.layout.separator == UInt8(ascii: ";")
        let result = storage.bytes.withUnsafeBufferPointer { buffer -> DecimalParser.Result in
            let content = FieldText.content(base: buffer.baseAddress!, start: start, end: end)
            if content.needsUnescaping { return .invalid }
            return DecimalParser.parse(
                UnsafeBufferPointer(rebasing: buffer[content.start..<content.end]), decimalComma: decimalComma)
        }
        switch result {
        case .number(let value):
            return value
        case .empty:
            return nil
        case .invalid:
            var message = "\(columnName(column)) \(MessageText.quoted(text(column))) is not a number"
            if !decimalComma, text(column).contains(",") {
                message += "; in a file separated by ',' the decimal mark is '.'"
            }
            throw error(column, message)
        case .outOfRange:
            throw error(column, "\(columnName(column)) \(MessageText.quoted(text(column))) is out of range")
        }
    }

    /// The field as a number in `range`, or `nil` when it is blank.
    ///
    /// - Parameter expected: what a valid value is, for the message (`"a number of contacts"`).
    /// - Throws: `.badData` at the field when it is not a number, or outside `range`:
    ///   `volume 1e12 is out of range; expected a number of contacts from 0 to 1000000000`.
    public func optionalNumber(_ column: Int, in range: ClosedRange<Double>, expected: String) throws -> Double? {
        guard let value = try optionalNumber(column) else { return nil }
        guard range.contains(value) else {
            throw error(column, "\(columnName(column)) \(MessageText.quoted(text(column))) is "
                + (value < range.lowerBound && value < 0 ? "negative" : "out of range")
                + "; expected \(expected) from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))")
        }
        return value
    }

    /// The field as a number in `range` (see ``optionalNumber(_:in:expected:)``).
    /// - Throws: `.badData` at the field when it is blank, too.
    public func number(_ column: Int, in range: ClosedRange<Double>, expected: String) throws -> Double {
        guard let value = try optionalNumber(column, in: range, expected: expected) else {
            throw error(column, "\(columnName(column)) is empty; expected \(expected)")
        }
        return value
    }

    /// The field as a duration (`15m`, `8h`, a bare number of seconds) of whole seconds in `range`.
    ///
    /// - Throws: `.badData` at the field when it is not a duration, not whole seconds, or outside `range`,
    ///   so that the value always fits an `Int`.
    public func duration(_ column: Int, in range: ClosedRange<Int>) throws -> Int {
        let text = text(column)
        guard let span = TimeSpan(parsing: text), span.seconds == span.seconds.rounded(),
              span.seconds >= Double(range.lowerBound), span.seconds <= Double(range.upperBound) else {
            let lowest = TimeSpan.spelling(seconds: Double(range.lowerBound)), highest = TimeSpan.spelling(seconds: Double(range.upperBound))
            throw error(column, "\(columnName(column)) \(MessageText.quoted(text)) is not a duration from \(lowest) to \(highest)"
                + "; expected a number with a unit, such as 15m or 8h")
        }
        return Int(span.seconds)
    }

    /// A bound as people write it: `100000`, not `100000.0`.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && value.magnitude < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The physical line (1-based) on which the field starts.
    ///
    /// - Complexity: O(length of the row up to the field).
    public func line(of column: Int) -> Int {
        let (start, _) = bounds(column)
        let rowStart = Int(storage.layout.fieldStarts[index * storage.layout.columnCount])
        return storage.bytes.withUnsafeBufferPointer {
            TextPosition.line(of: start, in: $0.baseAddress!, from: rowStart, startLine: line)
        }
    }

    /// The 1-based character column at which the field starts on its line, for messages that point
    /// into the line.
    public func characterColumn(of column: Int) -> Int {
        let (start, _) = bounds(column)
        return storage.bytes.withUnsafeBufferPointer {
            TextPosition.characterColumn(of: start, in: $0.baseAddress!, lineSearchStart: storage.layout.dataStart)
        }
    }

    /// A `.badData` error located at the field: `FILE:LINE:COLUMN: message`. For checks the caller makes
    /// on a value (`"volume -3 is negative"`).
    public func error(_ column: Int, _ message: String) -> ShiftcastError {
        ShiftcastError(.badData, message, file: storage.name, line: line(of: column), column: column + 1)
    }

    /// The column's name as written in the header.
    func columnName(_ column: Int) -> String {
        MessageText.shortened(storage.header[column])
    }

    /// The scanned extent of field `column`: from its first byte to the separator or line break after it.
    @inline(__always)
    func bounds(_ column: Int) -> (start: Int, end: Int) {
        let layout = storage.layout
        precondition(column >= 0 && column < layout.columnCount, "column index out of range")
        let first = index * layout.columnCount
        let start = Int(layout.fieldStarts[first + column])
        let end = column + 1 < layout.columnCount
            ? Int(layout.fieldStarts[first + column + 1]) - 1 : Int(layout.rowEnds[index])
        return (start, end)
    }
}
