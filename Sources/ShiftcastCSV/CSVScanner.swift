import ShiftcastCore

/// Where the fields of a CSV file are: the result of one pass over its bytes.
///
/// Offsets are byte offsets into the file's bytes (so a file is at most 4 GiB). Every data row has
/// exactly `columnCount` fields: field `column` of row `row` starts at `fieldStarts[row * columnCount +
/// column]` and ends where the next one starts, less the separator, or at `rowEnds[row]` for the last.
struct CSVLayout: Sendable {
    /// `,` or `;` (see `CSVScanner.detectSeparator`).
    var separator: UInt8 = UInt8(ascii: ",")
    /// Offset of the first byte after a UTF-8 byte-order mark.
    var dataStart = 0
    /// Physical line of the header row; 1 when the file has none.
    var headerLine = 1
    /// Start offsets of the header fields, and where the header row ends.
    var headerStarts: [UInt32] = []
    var headerEnd = 0
    var columnCount = 0
    var fieldStarts: [UInt32] = []
    /// Offset of the line break (or end of file) that ends each data row.
    var rowEnds: [UInt32] = []
    /// Physical line (1-based) on which each data row starts.
    var rowLines: [UInt32] = []
}

/// The byte-level CSV parser: RFC 4180 fields, LF, CRLF or lone-CR line ends, `,` or `;` separators.
///
/// It checks the structure of the whole file up front, so a table that was read has no ragged rows
/// and no broken quotes, and every later error is about a value. Rules (Docs/CSV.md):
/// - A field starting with `"` is quoted: it runs to the next lone `"`, `""` stands for one quote, and it
///   may hold separators and line breaks. Spaces or tabs may follow the closing quote; anything else
///   there is an error.
/// - A `"` anywhere else in a field is an ordinary character (lenient, like Python's `csv` and
///   spreadsheets).
/// - A line holding nothing but separators, spaces and tabs is blank and skipped, before or after the
///   header.
/// - Every data row has as many fields as the header.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// A header with more columns than this is not a Shiftcast file (most likely its line breaks are
    /// missing or not recognised); rejecting it keeps memory bounded.
    static let maximumColumnCount = 10_000

    let base: UnsafePointer<UInt8>
    let end: Int
    let name: String
    /// Offset of the first byte after a byte-order mark: where the first line starts.
    let dataStart: Int
    var separator: UInt8 = UInt8(ascii: ",")
    var position: Int
    var line = 1

    /// Scans `bytes` (already known to be UTF-8 without NUL bytes) into a layout.
    ///
    /// - Complexity: O(n) time; the layout takes 4 bytes per field and 8 per row.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> CSVLayout {
        var layout = CSVLayout()
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return layout }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { layout.dataStart = 3 }
        var scanner = CSVScanner(
            base: base, end: bytes.count, name: name, dataStart: layout.dataStart, position: layout.dataStart)

        while scanner.position < scanner.end, scanner.skipBlankLine(anySeparator: true) {}
        guard scanner.position < scanner.end else { return layout }  // empty: no header
        scanner.separator = scanner.detectSeparator()
        layout.separator = scanner.separator
        layout.headerLine = scanner.line

        let headerLine = scanner.line
        let (headerFields, headerEnd) = try scanner.scanRow(
            into: &layout.headerStarts, limit: maximumColumnCount, stopPastLimit: true)
        if headerFields > maximumColumnCount {
            throw ShiftcastError(
                .badData,
                "header row has more than the \(maximumColumnCount) columns a Shiftcast file can have; "
                    + "is this a CSV file with one record per line?",
                file: name, line: headerLine, column: maximumColumnCount + 1)
        }
        layout.headerEnd = headerEnd
        layout.columnCount = headerFields

        // Reserve for the likely row count, from the length of the header line.
        let estimate = (bytes.count - scanner.position) / max(16, headerEnd - layout.dataStart) + 16
        layout.fieldStarts.reserveCapacity(estimate * headerFields)
        layout.rowEnds.reserveCapacity(estimate)
        layout.rowLines.reserveCapacity(estimate)

        while scanner.position < scanner.end {
            if scanner.skipBlankLine(anySeparator: false) { continue }
            let rowLine = scanner.line
            let (fields, rowEnd) = try scanner.scanRow(into: &layout.fieldStarts, limit: headerFields)
            if fields != headerFields {
                throw raggedRowError(
                    found: fields, expected: headerFields, line: rowLine,
                    header: headerNames(layout: layout, base: base), name: name)
            }
            layout.rowEnds.append(UInt32(truncatingIfNeeded: rowEnd))
            layout.rowLines.append(UInt32(truncatingIfNeeded: rowLine))
        }
        return layout
    }

    /// Skips a line with nothing but separators, spaces and tabs (and its line break); `false` when
    /// the line at `position` has anything else. With `anySeparator` both `,` and `;` count (the
    /// separator is not known before the header).
    mutating func skipBlankLine(anySeparator: Bool) -> Bool {
        var index = position
        while index < end {
            let byte = base[index]
            if byte == separator || byte == Self.space || byte == Self.tab
                || (anySeparator && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";"))) {
                index += 1
            } else {
                break
            }
        }
        if index == end {
            position = end
            return true
        }
        guard base[index] == Self.lineFeed || base[index] == Self.carriageReturn else { return false }
        position = index
        consumeLineBreak()
        return true
    }

    /// The separator, decided from the header line at `position`: `;` when the line has more `;` than
    /// `,` outside quotes, else `,`. Only the first MiB of the line is looked at: a longer header is
    /// refused anyway (too many columns) or is one name.
    func detectSeparator() -> UInt8 {
        var commas = 0, semicolons = 0
        var quoted = false
        var index = position
        let end = min(self.end, position + (1 << 20))
        while index < end {
            let byte = base[index]
            if byte == Self.quote {
                quoted.toggle()
            } else if !quoted {
                if byte == Self.lineFeed || byte == Self.carriageReturn { break }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
            index += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Scans one row from `position`, appending the start offsets of its first `limit` fields, and
    /// consumes the line break after it. Returns the number of fields and the offset where the row ends
    /// (its line break, or the end of the file). With `stopPastLimit`, it returns as soon as it meets
    /// field `limit + 1`, without scanning the rest.
    mutating func scanRow(
        into starts: inout [UInt32], limit: Int, stopPastLimit: Bool = false
    ) throws -> (fields: Int, end: Int) {
        var fields = 0
        while true {
            if fields < limit {
                starts.append(UInt32(truncatingIfNeeded: position))
            } else if stopPastLimit {
                return (fields + 1, position)
            }
            fields += 1
            if position < end, base[position] == Self.quote {
                try scanQuotedField(fieldNumber: fields)
            } else {
                // The hot loop: an unquoted field ends at the separator or a line break. Eight bytes at
                // a time first (a word has byte b when (word ^ b...b) has a zero byte), then one by one.
                let separator = self.separator
                let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
                let separators = ones &* UInt64(separator)
                let lineFeeds = ones &* UInt64(Self.lineFeed), returns = ones &* UInt64(Self.carriageReturn)
                while position &+ 8 <= end {
                    let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                    let a = word ^ separators, b = word ^ lineFeeds, c = word ^ returns
                    let zeros = ((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c)
                    if zeros & highBits != 0 { break }
                    position &+= 8
                }
                while position < end {
                    let byte = base[position]
                    if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    position += 1
                }
            }
            if position < end, base[position] == separator {
                position += 1
                continue
            }
            let rowEnd = position
            consumeLineBreak()
            return (fields, rowEnd)
        }
    }

    /// Consumes LF, CRLF or a lone CR at `position`, counting one line; nothing at the end of the file.
    mutating func consumeLineBreak() {
        guard position < end else { return }
        if base[position] == Self.carriageReturn {
            position += 1
            if position < end, base[position] == Self.lineFeed { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    /// Scans a quoted field whose opening quote is at `position`, leaving `position` after the closing
    /// quote and any spaces that follow it.
    mutating func scanQuotedField(fieldNumber: Int) throws {
        let opening = position
        let openingLine = line
        position += 1
        while position < end {
            let byte = base[position]
            if byte == Self.quote {
                if position + 1 < end, base[position + 1] == Self.quote {
                    position += 2
                    continue
                }
                position += 1
                while position < end, base[position] == Self.space || base[position] == Self.tab { position += 1 }
                if position == end || base[position] == separator || base[position] == Self.lineFeed
                    || base[position] == Self.carriageReturn {
                    return
                }
                let character = TextPosition.characterColumn(of: opening, in: base, lineSearchStart: dataStart)
                throw ShiftcastError(
                    .badData,
                    "unexpected \(TextPosition.describeCharacter(at: position, in: base, end: end)) after the "
                        + "closing quote of the field that opens at line \(openingLine), character \(character); "
                        + "a quote inside a quoted field is written twice (\"\")",
                    file: name, line: line, column: fieldNumber)
            }
            if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, position + 1 == end || base[position + 1] != Self.lineFeed {
                line += 1
            }
            position += 1
        }
        let character = TextPosition.characterColumn(of: opening, in: base, lineSearchStart: dataStart)
        throw ShiftcastError(
            .badData,
            "the quote that opens this field (character \(character)) is never closed; "
                + "a quoted field ends with \" and a quote inside it is written twice (\"\")",
            file: name, line: openingLine, column: fieldNumber)
    }

    static func headerNames(layout: CSVLayout, base: UnsafePointer<UInt8>) -> [String] {
        (0..<layout.headerStarts.count).map { column in
            let start = Int(layout.headerStarts[column])
            let fieldEnd = column + 1 < layout.headerStarts.count
                ? Int(layout.headerStarts[column + 1]) - 1 : layout.headerEnd
            return FieldText.text(base: base, start: start, end: fieldEnd)
        }
    }

    static func raggedRowError(found: Int, expected: Int, line: Int, header: [String], name: String) -> ShiftcastError {
        let names = MessageText.list(header)
        let fieldWord = found == 1 ? "field" : "fields"
        if found < expected {
            return ShiftcastError(
                .badData,
                "row has \(found) \(fieldWord), expected \(expected) as in the header (\(names))",
                file: name, line: line, column: found + 1)
        }
        return ShiftcastError(
            .badData,
            "row has \(found) \(fieldWord), expected \(expected) as in the header (\(names)); "
                + "a field that holds the separator must be quoted, and each record needs its own line",
            file: name, line: line, column: expected + 1)
    }
}
