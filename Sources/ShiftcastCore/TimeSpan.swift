/// A length of time in seconds, written by users as a number with a unit.
///
/// SPEC section 2: `180s`, `30m`, `1.5h`, `14d`; a bare number means seconds. Whitespace around the
/// text and between number and unit is allowed, units are case-insensitive, and the long forms
/// `sec`, `min`, `hour`, `day` (with or without a plural `s`) are accepted too. Negative, NaN and
/// infinite lengths are rejected: no Shiftcast quantity is a negative time.
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in seconds; finite and not negative.
    public let seconds: Double

    /// - Throws: `ShiftcastError(.invalidArgument)` for a length that is negative, infinite or NaN.
    public init(seconds: Double) throws {
        guard seconds.isFinite, seconds >= 0 else {
            throw ShiftcastError(.invalidArgument, "a length of time must be a finite number of seconds, at least 0; got \(seconds)")
        }
        self.seconds = seconds
    }

    /// A length known to be valid.
    private init(valid seconds: Double) { self.seconds = seconds }

    /// Whole units, which are always a valid length (the largest `UInt` of days is still finite).
    public static func seconds(_ value: UInt) -> TimeSpan { TimeSpan(valid: Double(value)) }
    public static func minutes(_ value: UInt) -> TimeSpan { TimeSpan(valid: Double(value) * 60) }
    public static func hours(_ value: UInt) -> TimeSpan { TimeSpan(valid: Double(value) * 3600) }
    public static func days(_ value: UInt) -> TimeSpan { TimeSpan(valid: Double(value) * 86_400) }

    public var minutes: Double { seconds / 60 }
    public var hours: Double { seconds / 3600 }

    /// Parses `180s`, `30m`, `1.5h`, `14d` or a bare number of seconds; `nil` for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        // No unit starts with "e", so the number is the longest run of number characters.
        guard let numberEnd = trimmed.firstIndex(where: { !"0123456789.+-eE".contains($0) }) else {
            guard let value = Double(trimmed), value.isFinite, value >= 0 else { return nil }
            self.init(valid: value)
            return
        }
        let numberText = trimmed[..<numberEnd]
        let unitText = trimmed[numberEnd...].trimmingCharacters(in: " \t").lowercased()
        guard let value = Double(numberText), value.isFinite, value >= 0,
              let scale = TimeSpan.unitSeconds[unitText] else { return nil }
        let seconds = value * scale
        guard seconds.isFinite else { return nil }
        self.init(valid: seconds)
    }

    private static let unitSeconds: [String: Double] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86_400, "day": 86_400, "days": 86_400,
    ]

    /// The shortest exact spelling: `1d`, `30m`, `90s`, `1.5h` when not a whole number of smaller units.
    public var description: String { Self.spelling(seconds: seconds) }

    /// The spelling of ``description`` for any number of seconds, valid as a length or not (for messages
    /// about a length that is wrong).
    public static func spelling(seconds: Double) -> String {
        guard seconds >= 0, seconds < 1e15 else { return "\(seconds)s" }  // beyond any Int: no whole-unit spelling
        for (unit, scale) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where seconds >= scale {
            let value = seconds / scale
            if value == value.rounded() { return "\(Int(value))\(unit)" }
        }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set` (a small, Foundation-free trim).
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
