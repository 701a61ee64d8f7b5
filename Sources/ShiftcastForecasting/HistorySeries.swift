import ShiftcastCore

/// A queue's history as a regular series of whole days: `slotsPerDay` intervals per day, every day from
/// the first row's date to the last row's date, with missing intervals known.
///
/// Positions are counted from midnight of the first day: position `i` is slot `i % slotsPerDay` of day
/// `i / slotsPerDay`. Slots are wall-clock times of day, so under a time zone the spring-forward hour is
/// simply never observed, and the two rows of the repeated autumn hour share one slot, which holds their
/// mean (a volume per interval, like every other slot; the forecast writes that slot once per instant,
/// so both repeated hours are forecast). A volume of `.nan` marks an interval with no row (before the
/// first row, after the last, or a gap in the file).
public struct HistorySeries: Sendable {
    /// Days since 1970-01-01 of the first day.
    public let firstDay: Int64
    /// Intervals per day: 1 for daily data, 48 for 30 minutes, 240 for 6 minutes.
    public let slotsPerDay: Int
    /// The interval length in seconds (86 400 for daily data).
    public var stepSeconds: Int { 86_400 / slotsPerDay }
    /// Volume per position; `.nan` where missing. `volume.count` is a whole number of days.
    public var volume: [Double]
    /// Average handle time per position, seconds; `nil` when the history has none, `.nan` where missing.
    public var averageHandleTime: [Double]?
    /// One past the position of the last row: where a forecast starts.
    public let end: Int
    /// The position of the first row.
    public let begin: Int
    /// The clock the timestamps were read on.
    public let clock: WallClock

    /// Days covered (whole days from the first row's date to the last row's).
    public var dayCount: Int { volume.count / slotsPerDay }

    /// Builds the series from rows in time order.
    ///
    /// - Parameters:
    ///   - step: the grid step of the rows: whole seconds that divide a day, or one calendar day.
    ///   - rows: (instant, volume, aht) in increasing time order.
    /// - Throws: `.badData` when the step does not divide a day (say 7 minutes, or 2 days), or the rows
    ///   span more than ``InputLimits/maximumHistoryIntervals``, before anything is allocated.
    /// - Complexity: O(rows + days x slotsPerDay).
    public init(step: TimeGrid.Step, clock: WallClock, rows: [(start: Timestamp, volume: Double, averageHandleTime: Double?)],
                hasAverageHandleTime: Bool) throws {
        let slots: Int
        switch step {
        case .days(let days):
            guard days == 1 else {
                throw ShiftcastError(.badData, "rows are \(days) days apart; expected one row per day or per interval of a day")
            }
            slots = 1
        case .seconds(let seconds):
            guard seconds > 0, 86_400 % seconds == 0 else {
                throw ShiftcastError(.badData, "the interval \(step) does not divide the day; expected an interval such as 5m, 6m, 15m, 30m, 1h or 1d")
            }
            slots = Int(86_400 / seconds)
        }
        guard let first = rows.first, let last = rows.last else {
            throw ShiftcastError(.badData, "has no rows; expected one row per interval")
        }
        let firstCivil = clock.civil(at: first.start)
        let lastCivil = clock.civil(at: last.start)
        firstDay = firstCivil.daysSinceEpoch
        slotsPerDay = slots
        self.clock = clock
        let days = Int(lastCivil.daysSinceEpoch - firstDay) + 1
        guard days <= InputLimits.maximumHistoryIntervals / slots else {
            throw ShiftcastError(.badData, "the rows span \(days) days of \(slots) intervals, more than the "
                + "\(InputLimits.maximumHistoryIntervals) intervals that fit the memory of a run (Docs/Limits.md)")
        }
        var volume = [Double](repeating: .nan, count: days * slots)
        var aht: [Double]? = hasAverageHandleTime ? [Double](repeating: .nan, count: days * slots) : nil
        var weightedAht = hasAverageHandleTime ? [Double](repeating: 0, count: days * slots) : []
        var ahtVolume = hasAverageHandleTime ? [Double](repeating: 0, count: days * slots) : []
        let stepSeconds = 86_400 / slots
        var firstPosition = Int.max, lastPosition = 0
        // Rows per slot: more than one only in a repeated autumn hour (or a sub-interval offset).
        var rowCount = [Int32](repeating: 0, count: days * slots)
        for row in rows {
            let civil = clock.civil(at: row.start)
            let position = Int(civil.daysSinceEpoch - firstDay) * slots + civil.secondOfDay / stepSeconds
            rowCount[position] += 1
            // A running mean: the slot holds the volume of one interval, however many rows share it.
            volume[position] = volume[position].isNaN ? row.volume
                : volume[position] + (row.volume - volume[position]) / Double(rowCount[position])
            if hasAverageHandleTime, let value = row.averageHandleTime {
                // A repeated autumn hour merges two rows: weight their AHTs by volume.
                weightedAht[position] += value * max(row.volume, 1e-9)
                ahtVolume[position] += max(row.volume, 1e-9)
                aht![position] = weightedAht[position] / ahtVolume[position]
            }
            firstPosition = min(firstPosition, position)
            lastPosition = max(lastPosition, position)
        }
        self.volume = volume
        averageHandleTime = aht
        begin = firstPosition
        end = lastPosition + 1
    }

    /// ISO weekday (1 Monday ... 7 Sunday) of day `day` of the series.
    public func weekday(ofDay day: Int) -> Int {
        CivilDateTime(secondsSinceEpoch: (firstDay + Int64(day)) * 86_400).isoWeekday
    }

    /// The wall-clock time at which position `position` starts (any position, also past the end).
    public func civil(at position: Int) -> CivilDateTime {
        let day = position >= 0 ? position / slotsPerDay : (position - slotsPerDay + 1) / slotsPerDay
        let slot = position - day * slotsPerDay
        return CivilDateTime(secondsSinceEpoch: (firstDay + Int64(day)) * 86_400 + Int64(slot * stepSeconds))
    }

    /// The position of the day `civil` falls on, times `slotsPerDay`, plus its slot.
    public func position(of civil: CivilDateTime) -> Int {
        Int(civil.daysSinceEpoch - firstDay) * slotsPerDay + civil.secondOfDay / stepSeconds
    }

    /// The instant position `position` starts at on the series' clock; `nil` for a wall-clock time that
    /// does not exist (the spring-forward gap).
    public func instant(at position: Int) -> Timestamp? {
        instants(at: position).first
    }

    /// Every instant position `position` starts at: none in the spring-forward gap, two in the repeated
    /// autumn hour, else one; earliest first.
    public func instants(at position: Int) -> [Timestamp] {
        clock.instants(showing: civil(at: position))
    }
}

extension HistorySeries {
    /// The volume of each whole day before `origin` (days after it are left off); `.nan` for a day with a
    /// missing interval.
    /// - Complexity: O(origin).
    public func dayTotals(before origin: Int) -> [Double] {
        let days = origin / slotsPerDay
        var totals = [Double](repeating: .nan, count: days)
        for day in 0..<days {
            var total = 0.0
            for slot in 0..<slotsPerDay {
                let value = volume[day * slotsPerDay + slot]
                if value.isNaN { total = .nan; break }
                total += value
            }
            totals[day] = total
        }
        return totals
    }
}
