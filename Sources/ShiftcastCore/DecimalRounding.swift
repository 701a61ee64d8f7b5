/// Rounding to a number of decimals as Shiftcast's files write numbers: ties away from zero after
/// scaling by 10^decimals, the value left as it is when the scaled value reaches 2^53 (beyond which
/// whole numbers are not all exact). The CSV writer prints what ``scaled(_:decimals:)`` gives, and
/// ``rounded(_:decimals:)`` is the number a reader of that text gets back, so a value kept in memory and
/// the same value read from its file agree to the last bit.
public enum DecimalRounding {
    /// 10^0 ... 10^15, each exact in a `Double`.
    public static let scales: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
    /// The largest magnitude whose whole numbers are all exact in a `Double`: 2^53.
    public static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// `value` x 10^`decimals` (0...15), rounded to a whole number; `nil` when that is 2^53 or more.
    @inlinable
    public static func scaled(_ value: Double, decimals: Int) -> Double? {
        let scaled = (value * scales[decimals]).rounded(.toNearestOrAwayFromZero)
        return scaled.magnitude < exactIntegerLimit ? scaled : nil
    }

    /// `value` rounded to `decimals` (0...15) as a file shows it; the value itself when too large.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        scaled(value, decimals: decimals).map { $0 / scales[decimals] } ?? value
    }
}
