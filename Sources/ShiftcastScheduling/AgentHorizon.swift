import ShiftcastCore

/// The calendar of a planning horizon as the contract rules see it: its days, its weeks, and which
/// days an agent is available.
///
/// Days are counted from the date of the first interval (day 0). Weeks are consecutive blocks of seven
/// days from day 0: weekly hours and days are limited per block, and a minimum of weekly hours applies
/// only to a block the horizon covers whole (a two-day horizon has no minimum to meet). On a cyclic
/// horizon the days repeat: the part of a shift past the end falls on the first days again.
///
/// Dates and weeks are read on the curve's clock (under `--timezone`, local dates); lengths and rest are
/// elapsed time, so a daylight-saving night is as long as it really is.
public struct AgentHorizon: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00 on the wall clock of the first interval.
    public var origin: Int64
    /// Elapsed length of the horizon in seconds.
    public var seconds: Int64
    /// Seconds on the wall clock from `origin` to the end of the horizon (`seconds`, give or take an hour
    /// under a zone whose clocks change within it).
    public var wallClockSeconds: Int64
    /// Days since 1970-01-01 of the first interval's date.
    public var firstDay: Int64
    /// Calendar days the horizon touches.
    public var dayCount: Int
    public var cyclic: Bool

    public init(curve: RequirementCurve) {
        origin = curve.civil(secondsFromStart: 0).secondsSinceEpoch
        seconds = Int64(curve.count) * Int64(curve.slotSeconds)
        wallClockSeconds = curve.civil(secondsFromStart: curve.count * curve.slotSeconds).secondsSinceEpoch - origin
        firstDay = CivilDateTime(secondsSinceEpoch: origin).daysSinceEpoch
        let lastDay = CivilDateTime(secondsSinceEpoch: origin + max(wallClockSeconds, 1) - 1).daysSinceEpoch
        dayCount = Int(lastDay - firstDay) + 1
        cyclic = curve.cyclic
    }

    public var weekCount: Int { (dayCount + 6) / 7 }

    /// Day index (from 0) on which a shift starts.
    public func day(of candidate: ShiftCandidate) -> Int { Int(candidate.start.daysSinceEpoch - firstDay) }

    public func week(ofDay day: Int) -> Int { day / 7 }

    /// Whether the horizon covers all seven days of week `week`, so its minimum weekly hours apply.
    public func isWholeWeek(_ week: Int) -> Bool {
        let blockStart = (firstDay + Int64(week) * 7) * 86_400
        return blockStart >= origin && blockStart + 7 * 86_400 <= origin + wallClockSeconds
    }

    /// The horizon's day indices a shift touches (from its start date to the date of its last second);
    /// on a cyclic horizon, days past the end wrap to the first days.
    public func daysTouched(by candidate: ShiftCandidate) -> [Int] {
        let start = candidate.start.secondsSinceEpoch
        let first = Int(floorDiv(start, 86_400) - firstDay)
        let last = Int(floorDiv(start + Int64(candidate.length) - 1, 86_400) - firstDay)
        return (first...last).map { cyclic ? (($0 % dayCount) + dayCount) % dayCount : $0 }
    }

    /// Whether the agent may work on day `day` (index from 0): its weekday and date are not unavailable.
    public func isAvailable(_ contract: AgentContract, day: Int) -> Bool {
        let date = firstDay + Int64(day)
        let weekday = Int(((date + 3) % 7 + 7) % 7) + 1
        return !contract.unavailableWeekdays.contains(weekday) && !contract.unavailableDays.contains(date)
    }

    /// Whether `day` (index from 0) is a Saturday or Sunday.
    public func isWeekend(day: Int) -> Bool {
        let date = firstDay + Int64(day)
        return Int(((date + 3) % 7 + 7) % 7) + 1 >= 6
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
