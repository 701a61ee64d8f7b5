/// The text of one CSV field, from its bytes.
///
/// An unquoted field loses its leading and trailing spaces and tabs (`q1, 12` reads as `q1` and `12`);
/// a quoted field keeps its content exactly, with each `""` read as one `"`.
enum FieldText {
    /// The field's content without quotes or surrounding spaces, as a byte range; `needsUnescaping`
    /// when it holds `""` pairs.
    ///
    /// `start..<end` is the whole field as scanned: from its first byte up to the separator or line
    /// break after it.
    @inline(__always)
    static func content(base: UnsafePointer<UInt8>, start: Int, end: Int)
        -> (start: Int, end: Int, needsUnescaping: Bool)
    {
        if start < end, base[start] == CSVScanner.quote {
            // The scanner allows only spaces and tabs after the closing quote.
            var close = end - 1
            while close > start, base[close] != CSVScanner.quote { close -= 1 }
            var needsUnescaping = false
            var index = start + 1
            while index < close {
                if base[index] == CSVScanner.quote {
                    needsUnescaping = true
                    break
                }
                index += 1
            }
            return (start + 1, max(start + 1, close), needsUnescaping)
        }
        var first = start, last = end
        while first < last, base[first] == CSVScanner.space || base[first] == CSVScanner.tab { first += 1 }
        while last > first, base[last - 1] == CSVScanner.space || base[last - 1] == CSVScanner.tab { last -= 1 }
        return (first, last, false)
    }

    /// The field's text (see the type's rules).
    static func text(base: UnsafePointer<UInt8>, start: Int, end: Int) -> String {
        let content = content(base: base, start: start, end: end)
        let bytes = UnsafeBufferPointer(start: base + content.start, count: content.end - content.start)
        guard content.needsUnescaping else { return String(decoding: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            unescaped.append(bytes[index])
            // A quote inside a quoted field is always doubled; keep one.
            index += bytes[index] == CSVScanner.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Whether the field's content is empty or only spaces and tabs.
    static func isBlank(base: UnsafePointer<UInt8>, start: Int, end: Int) -> Bool {
        let content = content(base: base, start: start, end: end)
        var index = content.start
        while index < content.end {
            if base[index] != CSVScanner.space, base[index] != CSVScanner.tab { return false }
            index += 1
        }
        return true
    }
}
