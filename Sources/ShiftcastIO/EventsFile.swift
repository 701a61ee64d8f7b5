import ShiftcastCore
import ShiftcastCSV
import ShiftcastForecasting

/// The Events file of SPEC section 3: `event`, `start`, `end`, optional `uplift`, optional `description`.
///
/// Dates are whole days, inclusive (`2024-04-01,2024-04-03` is three days); timestamps mean
/// `[start, end)`. Times are read as wall-clock times of the history's clock (an offset, if written, is
/// dropped: events are local). An end before its start, a blank event name and a negative uplift are
/// errors located at the field.
public enum EventsFile {
    /// Reads and checks an events file, or standard input for `-`.
    /// - Complexity: O(rows).
    public static func read(path: String) throws -> EventCalendar {
        try calendar(from: CSVTable.read(path: path))
    }

    public static func calendar(from table: CSVTable) throws -> EventCalendar {
        let eventColumn = try table.requireColumn("event")
        let startColumn = try table.requireColumn("start")
        let endColumn = try table.requireColumn("end")
        let upliftColumn = try table.column("uplift")
        var occurrences: [EventOccurrence] = []
        for row in table.rows {
            let kind = row.text(eventColumn)
            guard !kind.isEmpty else { throw row.error(eventColumn, "event name is blank; expected the kind of event, such as bill_mailed") }
            let start = try time(row, startColumn, isEnd: false)
            let end = try time(row, endColumn, isEnd: true)
            guard end.civil > start.civil else {
                throw row.error(endColumn, "end \(row.text(endColumn)) is before start \(row.text(startColumn))"
                    + (start.dateOnly && end.dateOnly ? "; expected an end date on or after the start date" : "; expected an end after the start"))
            }
            if end.civil.secondsSinceEpoch - start.civil.secondsSinceEpoch > Int64(InputLimits.maximumEventDays) * 86_400 {
                throw row.error(endColumn, "the event lasts more than \(InputLimits.maximumEventDays) days; "
                    + "expected an event of at most a year (a lasting change is a new level, which the history shows)")
            }
            let uplift = try upliftColumn.flatMap {
                try row.optionalNumber($0, in: 0...InputLimits.maximumUplift, expected: "a multiplier of normal volume, 0 (closed)")
            }
            occurrences.append(try EventOccurrence(kind: kind, start: start.civil, end: end.civil, uplift: uplift, line: row.line))
        }
        return EventCalendar(occurrences)
    }

    /// A start or end field as a wall-clock time; an end date means the end of that day.
    private static func time(_ row: CSVRow, _ column: Int, isEnd: Bool) throws -> (civil: CivilDateTime, dateOnly: Bool) {
        let text = row.text(column)
        guard let parsed = TimestampText.parse(text) else {
            throw row.error(column, "\(isEnd ? "end" : "start") '\(MessageText.shortened(text))' is not a date or timestamp; expected \(TimestampText.expectedForms)")
        }
        return (parsed.isDateOnly && isEnd ? parsed.civil.adding(seconds: 86_400) : parsed.civil, parsed.isDateOnly)
    }
}
