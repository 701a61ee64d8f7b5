/// Parses a decimal number straight from the bytes of a CSV field, without making a `String`.
///
/// Accepted: optional spaces or tabs around the number, an optional sign, digits with an optional
/// decimal mark (`.`, or `,` as well when `decimalComma` is set), and an optional exponent (`1e3`,
/// `2.5E-4`). At least one digit is needed before or after the mark (`5.`, `.5` are fine). Rejected:
/// an empty field, `nan`, `inf`, hexadecimal, thousands separators (`1,234.5`, `1 234`), and values
/// too large for a `Double`.
///
/// The result is correctly rounded: up to 19 significant digits with a power of ten in [-22, 22] it is
/// computed exactly by Clinger's fast path (one multiplication or division of two exact doubles;
/// W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990); anything else (rare in
/// CSV exports) goes to the standard library's correctly rounded `Double(String)`.
enum DecimalParser {
    enum Result: Equatable {
        case number(Double)
        /// Nothing but spaces.
        case empty
        /// Not a decimal number.
        case invalid
        /// A decimal number whose value is beyond the range of `Double` (`1e400`).
        case outOfRange
    }

    /// Exact powers of ten that a `Double` holds without rounding.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// - Complexity: O(n) in the length of the field.
    static func parse(_ field: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Result {
        guard let base = field.baseAddress else { return .empty }
        var start = 0
        var end = field.count
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        if start == end { return .empty }

        var index = start
        var negative = false
        if base[index] == 0x2D || base[index] == 0x2B {  // - +
            negative = base[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitsSeen = 0
        var exponent = 0
        var exact = true  // false when more than 19 significant digits were seen

        while index < end, case let digit = base[index] &- 0x30, digit < 10 {
            digitsSeen += 1
            if mantissa != 0 || digit != 0 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                } else {
                    exponent += 1
                    exact = false
                }
            }
            index += 1
        }
        if index < end, base[index] == 0x2E || (decimalComma && base[index] == 0x2C) {  // . or ,
            index += 1
            while index < end, case let digit = base[index] &- 0x30, digit < 10 {
                digitsSeen += 1
                if mantissa != 0 || digit != 0 {
                    if significantDigits < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        significantDigits += 1
                        exponent -= 1
                    } else {
                        exact = false
                    }
                } else {
                    exponent -= 1
                }
                index += 1
            }
        }
        guard digitsSeen > 0 else { return .invalid }
        if index < end, base[index] | 0x20 == 0x65 {  // e E
            index += 1
            var exponentNegative = false
            if index < end, base[index] == 0x2D || base[index] == 0x2B {
                exponentNegative = base[index] == 0x2D
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < end, case let digit = base[index] &- 0x30, digit < 10 {
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .invalid }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return .invalid }

        if mantissa == 0 { return .number(negative ? -0.0 : 0.0) }
        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * exactPowersOfTen[exponent] : value / exactPowersOfTen[-exponent]
            return .number(negative ? -value : value)
        }
        return slowPath(UnsafeBufferPointer(rebasing: field[start..<end]))
    }

    /// The standard library's correctly rounded conversion, for the rare long or extreme numbers.
    private static func slowPath(_ text: UnsafeBufferPointer<UInt8>) -> Result {
        // The text is already validated; only the decimal mark may need changing.
        let normalized = String(decoding: text.lazy.map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
        guard let value = Double(normalized) else { return .invalid }
        return value.isFinite ? .number(value) : .outOfRange
    }
}
