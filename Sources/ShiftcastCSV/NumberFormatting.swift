import ShiftcastCore
/// Writes numbers as short decimal text straight into bytes.
///
/// - Whole numbers below 2^53 in magnitude print as integers: `42`, `-7`, `0` (never `-0` or `42.0`).
/// - Other finite values print as the shortest text that reads back as the same `Double`: `0.1`,
///   `240.25`, and for the rest the standard library's `description`, which is exact and round-trips
///   (`0.30000000000000004`, `1e-05`, `1.5e+20`).
/// - With `decimals`, the value is rounded to that many digits after the point (ties away from zero,
///   after scaling by 10^decimals) and trailing zeros are dropped: 6 decimals print `1/3` as
///   `0.333333` and `2.5` as `2.5`. Values too large for that (|value| x 10^decimals >= 2^53) print as
///   the shortest text.
/// - NaN and infinities print as `nan`, `inf`, `-inf` (the CSV reader refuses them as input).
package enum NumberFormatting {
    /// Room that `write` needs: a sign, 16 integer digits, a point and 15 decimals, with margin.
    static let scratchSize = 48  // callers allocate 48 or more, as a literal (stack, not heap)

    private static let powersOfTen: [UInt64] = (0...18).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { value, _ in value * 10 }
    }
    private static let scales = DecimalRounding.scales
    private static let exactIntegerLimit = DecimalRounding.exactIntegerLimit

    /// Appends `value` (see the type's rules) to `buffer`.
    package static func append(_ value: Double, decimals: Int?, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { scratch in
            if let count = write(value, decimals: decimals, into: scratch.baseAddress!) {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
            } else {
                buffer.append(contentsOf: value.description.utf8)
            }
        }
    }

    /// Writes `value` into `scratch` (at least `scratchSize` bytes) and returns the byte count, or `nil`
    /// when the value needs `description` (a non-integer whose shortest form has more than 8 decimals,
    /// is below 0.001, or is at least 2^53).
    @inline(__always)
    package static func write(_ value: Double, decimals: Int?, into scratch: UnsafeMutablePointer<UInt8>) -> Int? {
        guard value.isFinite else {
            return writeASCII(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf", into: scratch)
        }
        if let decimals {
            // Beyond 15 decimals a Double has no more digits to show; below 0 means none.
            let decimals = min(max(decimals, 0), 15)
            guard let scaled = DecimalRounding.scaled(value, decimals: decimals) else { return write(value, decimals: nil, into: scratch) }
            return writeFixed(Int64(scaled), decimals: decimals, into: scratch)
        }
        if value.magnitude <= exactIntegerLimit, value == value.rounded(.towardZero) {
            return writeFixed(Int64(value), decimals: 0, into: scratch)
        }
        // The usual values, 0.001 <= |value| < 2^53 with few decimals: the fewest decimals d such that
        // units / 10^d gives back exactly `value`, units being value x 10^d rounded. That division of two
        // exact doubles is how the reader computes the text's value, so the text round-trips.
        guard value.magnitude >= 0.001 else { return nil }
        for decimals in 1...8 {
            let scale = scales[decimals]
            let product = value * scale
            guard product.magnitude < exactIntegerLimit else { return nil }
            // Any nearby integer will do (the check decides), so no call to `round`.
            let units = Int64(product + (product < 0 ? -0.5 : 0.5))
            if Double(units) / scale == value { return writeFixed(units, decimals: decimals, into: scratch) }
        }
        return nil
    }

    /// Writes `units / 10^decimals` in fixed notation, without trailing zeros in the fraction and
    /// without a sign for zero.
    @inline(__always)
    private static func writeFixed(_ units: Int64, decimals: Int, into scratch: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        if units < 0 {
            scratch[0] = UInt8(ascii: "-")
            count = 1
        }
        let magnitude = units.magnitude
        let scale = powersOfTen[decimals]
        var fraction = magnitude % scale
        count += writeDigits(magnitude / scale, minimumCount: 1, into: scratch + count)
        guard fraction != 0 else { return count }
        var fractionDigits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        scratch[count] = UInt8(ascii: ".")
        count += 1
        return count + writeDigits(fraction, minimumCount: fractionDigits, into: scratch + count)
    }

    /// Writes the decimal digits of `value`, padded with leading zeros to `minimumCount`.
    @inline(__always)
    private static func writeDigits(
        _ value: UInt64, minimumCount: Int, into target: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var length = 1
        var probe = value / 10
        while probe != 0 {
            length += 1
            probe /= 10
        }
        length = max(length, minimumCount)
        var rest = value
        var index = length
        while index > 0 {
            index -= 1
            target[index] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
            rest /= 10
        }
        return length
    }

    private static func writeASCII(_ text: StaticString, into scratch: UnsafeMutablePointer<UInt8>) -> Int {
        scratch.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }

    /// Appends the decimal digits of `value`, with a `-` when negative.
    package static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { scratch in
            let count = writeFixed(value, decimals: 0, into: scratch.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }
}
