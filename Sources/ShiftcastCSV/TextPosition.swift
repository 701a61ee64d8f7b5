/// Turns byte offsets into the positions people see: physical lines and character columns.
///
/// Only error paths use these, so they scan rather than keep tables.
enum TextPosition {
    /// The 1-based character column of `offset`: Unicode scalars from the start of its physical line
    /// (after a LF or CR, or `lineSearchStart`), plus one.
    ///
    /// - Complexity: O(length of the line up to `offset`).
    static func characterColumn(of offset: Int, in base: UnsafePointer<UInt8>, lineSearchStart: Int) -> Int {
        var lineStart = offset
        while lineStart > lineSearchStart, base[lineStart - 1] != CSVScanner.lineFeed,
              base[lineStart - 1] != CSVScanner.carriageReturn {
            lineStart -= 1
        }
        var column = 1
        var index = lineStart
        while index < offset {
            if base[index] & 0xC0 != 0x80 { column += 1 }  // not a UTF-8 continuation byte
            index += 1
        }
        return column
    }

    /// The physical line of `offset`, counting the line breaks (LF, CRLF, lone CR) from `start`, which
    /// is on line `startLine`.
    ///
    /// - Complexity: O(offset - start).
    static func line(of offset: Int, in base: UnsafePointer<UInt8>, from start: Int, startLine: Int) -> Int {
        var line = startLine
        var index = start
        while index < offset {
            if base[index] == CSVScanner.lineFeed {
                line += 1
            } else if base[index] == CSVScanner.carriageReturn,
                      index + 1 >= offset || base[index + 1] != CSVScanner.lineFeed {
                line += 1
            }
            index += 1
        }
        return line
    }

    /// The character at `offset`, quoted for a message: `'x'`.
    static func describeCharacter(at offset: Int, in base: UnsafePointer<UInt8>, end: Int) -> String {
        var length = 1
        while offset + length < end, length < 4, base[offset + length] & 0xC0 == 0x80 { length += 1 }
        let text = String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
        return "'\(text)'"
    }
}
