/// A timestamp as written in an input file, before it is placed on a clock.
public struct ParsedTimestamp: Hashable, Sendable {
    /// The wall-clock date and time as written.
    public var civil: CivilDateTime
    /// The UTC offset written with it (`Z` is 0, `+02:00` is 7 200), in seconds; `nil` when none was written.
    public var utcOffset: Int?
    /// True when only a date was written (`2025-03-03`): the timestamp stands for the whole day.
    public var isDateOnly: Bool
}

/// Parses the timestamps of SPEC section 2: ISO 8601 local time with an optional offset.
///
/// Accepted: `2025-03-03`, `2025-03-03T08:30`, `2025-03-03 08:30`, `2025-03-03T08:30:00`, the same with
/// `/` between date fields, fractional seconds that are zero (`08:30:00.000`), and an offset
/// `Z`, `+02:00`, `+0200` or `+02`.
public enum TimestampText {
    /// What the parser accepts, for error messages.
    public static let expectedForms = "YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD HH:MM[:SS], optionally with Z or +HH:MM"

    /// The parsed timestamp, or `nil` when `text` is not one of the accepted forms or names a date or
    /// time that does not exist (2025-02-30, 25:00).
    /// - Complexity: O(length of text).
    public static func parse(_ text: some StringProtocol) -> ParsedTimestamp? {
        var utf8 = Array(text.utf8)
        // Tolerate surrounding spaces, as spreadsheet exports sometimes leave them.
        while utf8.last == UInt8(ascii: " ") { utf8.removeLast() }
        var cursor = Cursor(bytes: utf8)
        cursor.skipSpaces()
        return cursor.parseTimestamp()
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpaces() {
            while current == UInt8(ascii: " ") { index += 1 }
        }

        /// Exactly `count` decimal digits.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        mutating func accept(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func parseTimestamp() -> ParsedTimestamp? {
            guard let year = digits(4) else { return nil }
            let separator = current
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
            index += 1
            guard let month = digits(2), accept(separator!), let day = digits(2) else { return nil }
            if atEnd {
                guard let civil = CivilDateTime(year: year, month: month, day: day) else { return nil }
                return ParsedTimestamp(civil: civil, utcOffset: nil, isDateOnly: true)
            }
            guard accept(UInt8(ascii: "T")) || accept(UInt8(ascii: "t")) || accept(UInt8(ascii: " ")) else { return nil }
            guard let hour = digits(2), accept(UInt8(ascii: ":")), let minute = digits(2) else { return nil }
            var second = 0
            if accept(UInt8(ascii: ":")) {
                guard let value = digits(2) else { return nil }
                second = value
                if accept(UInt8(ascii: ".")) || accept(UInt8(ascii: ",")) {
                    // Only a zero fraction: every Shiftcast grid is in whole seconds.
                    var sawDigit = false
                    while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                        guard byte == UInt8(ascii: "0") else { return nil }
                        sawDigit = true
                        index += 1
                    }
                    guard sawDigit else { return nil }
                }
            }
            guard let civil = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            else { return nil }
            let offset: Int?
            if atEnd {
                offset = nil
            } else if accept(UInt8(ascii: "Z")) || accept(UInt8(ascii: "z")) {
                offset = 0
            } else if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                guard let hours = digits(2), hours <= 18 else { return nil }
                var minutes = 0
                if !atEnd {
                    _ = accept(UInt8(ascii: ":"))
                    guard let value = digits(2), value < 60 else { return nil }
                    minutes = value
                }
                let magnitude = hours * 3600 + minutes * 60
                offset = sign == UInt8(ascii: "+") ? magnitude : -magnitude
            } else {
                return nil
            }
            guard atEnd else { return nil }
            return ParsedTimestamp(civil: civil, utcOffset: offset, isDateOnly: false)
        }
    }
}
