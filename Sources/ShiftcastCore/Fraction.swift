/// A share between 0 and 1, written by users as `0.8` or `80%` (SPEC section 2).
public struct Fraction: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The share, in [0, 1].
    public let value: Double

    /// - Throws: `ShiftcastError(.invalidArgument)` for a value outside [0, 1] or NaN.
    public init(_ value: Double) throws {
        guard value >= 0, value <= 1 else {
            throw ShiftcastError(.invalidArgument, "a share must be between 0 and 1 (0% and 100%); got \(value)")
        }
        self.value = value
    }

    private init(valid value: Double) { self.value = value }

    /// None, and all.
    public static let zero = Fraction(valid: 0), one = Fraction(valid: 1)

    /// Parses `0.8`, `.8`, `80%` or `80 %`; `nil` for text that is not a number or lies outside [0, 1].
    public init?(parsing text: String) {
        var body = text.trimmingCharacters(in: " \t")
        var scale = 1.0
        if body.hasSuffix("%") {
            body = String(body.dropLast()).trimmingCharacters(in: " \t")
            scale = 100
        }
        guard let number = Double(body), number.isFinite else { return nil }
        let value = number / scale
        guard value >= 0, value <= 1 else { return nil }
        self.init(valid: value)
    }

    /// `0.8` prints as `80%`.
    public var description: String {
        let percent = value * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool { lhs.value < rhs.value }
}
