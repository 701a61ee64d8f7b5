/// A calendar date and wall-clock time with no time zone: what a clock on the wall of the centre shows.
///
/// Stored as seconds since 1970-01-01T00:00 on the same wall clock, so that arithmetic and comparison
/// are integer operations. Dates are proleptic Gregorian; the conversion uses Howard Hinnant's
/// `days_from_civil` algorithm ("chrono-Compatible Low-Level Date Algorithms", 2013).
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00 on this wall clock (as if the clock were in UTC).
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The date-time with these fields; `nil` when a field is out of range (month 13, 30 February, 24:01).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...12).contains(month), day >= 1, day <= CivilDateTime.daysIn(month: month, year: year),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = CivilDateTime.daysFromCivil(year: year, month: month, day: day)
        // A leap second (:60) is folded into the next minute's first second.
        secondsSinceEpoch = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int64 { floorDivide(secondsSinceEpoch, 86_400) }
    /// Seconds since this day's midnight, in [0, 86 400).
    public var secondOfDay: Int { Int(secondsSinceEpoch - daysSinceEpoch * 86_400) }
    /// Midnight at the start of this date.
    public var startOfDay: CivilDateTime { CivilDateTime(secondsSinceEpoch: daysSinceEpoch * 86_400) }

    /// The calendar fields.
    public var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let (year, month, day) = CivilDateTime.civilFromDays(daysSinceEpoch)
        let seconds = secondOfDay
        return (year, month, day, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// Day of the week, ISO numbering: 1 Monday ... 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        Int(floorModulo(daysSinceEpoch + 3, 7)) + 1
    }

    /// The date-time `seconds` later (or earlier, when negative) on the same wall clock.
    public func adding(seconds: Int64) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// `2025-03-03T08:30:00`, or `2025-03-03` with `dateOnly`.
    public func formatted(dateOnly: Bool = false) -> String {
        let f = fields
        let date = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))"
        if dateOnly { return date }
        return "\(date)T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
    }

    public var description: String { formatted() }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    // MARK: Calendar arithmetic

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Hinnant's `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's `civil_from_days`, the inverse of `daysFromCivil`.
    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

@inline(__always) func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

@inline(__always) func floorModulo(_ a: Int64, _ b: Int64) -> Int64 { a - floorDivide(a, b) * b }

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
