import ShiftcastCore

/// One row of the Events file: an occurrence of a kind of event over `[start, end)` in wall-clock time.
///
/// SPEC section 3: dates are whole days, inclusive (`2024-04-01,2024-04-01` is that one day, read here as
/// `[2024-04-01T00:00, 2024-04-02T00:00)`); timestamps mean `[start, end)`.
public struct EventOccurrence: Sendable, Equatable {
    /// The kind: rows with the same name are occurrences of one kind.
    public var kind: String
    /// Wall-clock start, inclusive.
    public var start: CivilDateTime
    /// Wall-clock end, exclusive.
    public var end: CivilDateTime
    /// The stated effect: a multiplier of normal volume (`0` closed, `2.5` for two and a half times).
    public var uplift: Double?
    /// The line of the row in its file, for messages.
    public var line: Int

    /// - Throws: `.invalidArgument` when `end` is not after `start`, or `uplift` is not a finite number
    ///   of at least 0.
    public init(kind: String, start: CivilDateTime, end: CivilDateTime, uplift: Double? = nil, line: Int = 0) throws {
        guard end > start else {
            throw ShiftcastError(.invalidArgument, "event '\(kind)' ends at \(end.formatted()), not after its start \(start.formatted())")
        }
        if let uplift, !(uplift.isFinite && uplift >= 0) {
            throw ShiftcastError(.invalidArgument, "event '\(kind)' has uplift \(uplift); expected a finite multiplier of at least 0")
        }
        self.kind = kind
        self.start = start
        self.end = end
        self.uplift = uplift
        self.line = line
    }

    /// Days since 1970-01-01 of the days the occurrence touches, first to last.
    public var days: ClosedRange<Int64> {
        start.daysSinceEpoch...end.adding(seconds: -1).daysSinceEpoch
    }
}

/// The events of one forecast: past occurrences to learn from, future ones to apply.
public struct EventCalendar: Sendable, Equatable {
    public var occurrences: [EventOccurrence]

    public init(_ occurrences: [EventOccurrence] = []) {
        self.occurrences = occurrences
    }

    /// For each day of `history` (and `extraDays` past its last day), whether any occurrence touches it.
    /// - Complexity: O(days + total days of the occurrences).
    public func eventDays(in history: HistorySeries, extraDays: Int = 0) -> [Bool] {
        var marks = [Bool](repeating: false, count: history.dayCount + extraDays)
        for occurrence in occurrences {
            for day in occurrence.days {
                let index = Int(day - history.firstDay)
                if index >= 0, index < marks.count { marks[index] = true }
            }
        }
        return marks
    }
}
