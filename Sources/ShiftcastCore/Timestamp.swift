/// An instant in time: seconds since 1970-01-01T00:00:00Z.
///
/// Timestamps are placed on a ``WallClock``: with an IANA time zone the instant is exact and
/// daylight-saving days are 23 or 25 hours long; without one (naive time) the wall clock is read as if
/// it were UTC, every day has 24 hours and the instant equals the wall-clock reading.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    public func seconds(to later: Timestamp) -> Int64 { later.secondsSinceEpoch - secondsSinceEpoch }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}
