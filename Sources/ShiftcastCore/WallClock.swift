import Foundation

/// The clock that input timestamps are read on: naive wall-clock time, or an IANA time zone.
///
/// SPEC section 2: without `--timezone` time is naive and every day has 24 hours; with it, days with a
/// daylight-saving change are 23 or 25 hours long, a wall-clock time inside the spring-forward gap does
/// not exist, and one inside the autumn fold happens twice (the first time, unless the previous row of a
/// file already passed it: then the second). Offsets written in the input (`Z`, `+02:00`) always win.
public struct WallClock: Sendable, Equatable, CustomStringConvertible {
    /// The zone, or `nil` for naive wall-clock time.
    public let timeZone: TimeZone?

    /// Naive wall-clock time: no zone, 24-hour days.
    public static let naive = WallClock(timeZone: nil)

    private init(timeZone: TimeZone?) {
        self.timeZone = timeZone
    }

    /// The clock of an IANA zone such as `Europe/Berlin`.
    /// - Throws: `ShiftcastError(.invalidArgument)` for a name the system's zone database does not know.
    public init(timeZoneIdentifier identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ShiftcastError(.invalidArgument,
                                 "unknown time zone '\(identifier)'; expected an IANA name such as Europe/Berlin or America/New_York")
        }
        self.init(timeZone: zone)
    }

    public var description: String { timeZone?.identifier ?? "naive wall-clock time" }

    /// Seconds east of UTC at `instant` (0 for naive time).
    public func utcOffset(at instant: Timestamp) -> Int {
        guard let timeZone else { return 0 }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)))
    }

    /// What the wall clock shows at `instant`.
    public func civil(at instant: Timestamp) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(utcOffset(at: instant)))
    }

    /// The instants at which the wall clock shows `civil`: none in a spring-forward gap, two in an
    /// autumn fold, else one; earliest first.
    public func instants(showing civil: CivilDateTime) -> [Timestamp] {
        guard timeZone != nil else { return [Timestamp(secondsSinceEpoch: civil.secondsSinceEpoch)] }
        // Any transition near `civil` is bracketed by the offsets half a day either side.
        let guess = Timestamp(secondsSinceEpoch: civil.secondsSinceEpoch)
        let offsets = Set([utcOffset(at: guess.adding(seconds: -43_200)), utcOffset(at: guess.adding(seconds: 43_200))])
        return offsets
            .map { Timestamp(secondsSinceEpoch: civil.secondsSinceEpoch - Int64($0)) }
            .filter { self.civil(at: $0) == civil }
            .sorted()
    }

    /// Places a parsed timestamp on this clock.
    ///
    /// - Parameter previous: the instant of the previous row of the same series, used to read the second
    ///   occurrence of a repeated autumn hour when the series has already passed the first.
    /// - Returns: the instant, or a message saying why the wall-clock time does not exist.
    public func instant(of parsed: ParsedTimestamp, after previous: Timestamp? = nil) -> Result<Timestamp, ShiftcastError> {
        if let offset = parsed.utcOffset {
            return .success(Timestamp(secondsSinceEpoch: parsed.civil.secondsSinceEpoch - Int64(offset)))
        }
        let candidates = instants(showing: parsed.civil)
        if candidates.isEmpty {
            if parsed.isDateOnly {
                // A zone that springs forward at midnight: the day starts at the first instant that exists.
                return .success(firstInstant(onOrAfter: parsed.civil))
            }
            return .failure(ShiftcastError(.badData,
                "\(parsed.civil.formatted()) does not exist in \(description): the clocks skip it for daylight saving"))
        }
        if let previous, let later = candidates.first(where: { $0 > previous }) { return .success(later) }
        return .success(candidates[0])
    }

    /// The first instant at or after which the wall clock shows `civil` or later.
    private func firstInstant(onOrAfter civil: CivilDateTime) -> Timestamp {
        // Step forward minute by minute through the gap (at most a few hours).
        var probe = civil
        for _ in 0..<(24 * 60) {
            probe = probe.adding(seconds: 60)
            if let first = instants(showing: probe).first { return first }
        }
        return Timestamp(secondsSinceEpoch: civil.secondsSinceEpoch - Int64(utcOffset(at: Timestamp(secondsSinceEpoch: civil.secondsSinceEpoch))))
    }

    /// The instant `days` calendar days after `instant` at the same wall-clock time (23 or 25 hours
    /// later across a daylight-saving change).
    public func adding(days: Int, to instant: Timestamp) -> Timestamp {
        let civil = civil(at: instant).adding(seconds: Int64(days) * 86_400)
        let parsed = ParsedTimestamp(civil: civil, utcOffset: nil, isDateOnly: false)
        switch self.instant(of: parsed, after: nil) {
        case .success(let result): return result
        case .failure: return firstInstant(onOrAfter: civil)
        }
    }

    /// The instant written as ISO 8601: `2025-03-03T08:30:00` for naive time, with the UTC offset
    /// (`2025-10-26T02:30:00+02:00`) under a zone so that the repeated autumn hour stays unambiguous;
    /// `2025-03-03` with `dateOnly`.
    public func format(_ instant: Timestamp, dateOnly: Bool = false) -> String {
        let civil = civil(at: instant)
        if dateOnly || timeZone == nil { return civil.formatted(dateOnly: dateOnly) }
        let offset = utcOffset(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        let hours = magnitude / 3600, minutes = magnitude / 60 % 60
        return civil.formatted() + sign + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

extension WallClock {
    /// Consecutive runs of `instants` that fall on one calendar date of this clock, with the date
    /// (`2025-03-03`): the days of a horizon, for figures per day.
    /// - Complexity: O(instants).
    public func days(of instants: [Timestamp]) -> [(date: String, range: Range<Int>)] {
        var days: [(date: String, range: Range<Int>)] = []
        for (index, instant) in instants.enumerated() {
            let date = format(instant, dateOnly: true)
            if let last = days.last, last.date == date {
                days[days.count - 1].range = last.range.lowerBound..<(index + 1)
            } else {
                days.append((date, index..<(index + 1)))
            }
        }
        return days
    }
}
