import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// Reads the Requirements file as `schedule` needs it (SPEC section 3): `timestamp` and
/// `scheduled_agents`, or a column named `required`, and an optional `queue`; other columns are ignored.
///
/// Each queue's rows are in time order, each interval once, and its step divides a day from midnight.
/// Requirements are finite and not negative; fractions are valid. An interval missing between two rows
/// requires nobody. Dates without times are refused: shifts need times of day. Times are read on `clock`:
/// naive wall-clock time, or a zone (`--timezone`), where offsets written in the file (`+01:00`, as
/// `staff --timezone` writes them) are honoured. On naive time an offset is refused, since the shifts'
/// times of day would otherwise be read in UTC.
public enum RequirementsReader {
    /// One queue's requirements.
    public typealias Queue = RequirementQueue

    /// The requirements of a file with one queue.
    /// - Throws: `ShiftcastError` located at the first bad field, or at a second queue.
    /// - Complexity: O(rows).
    public static func read(path: String, cyclic: Bool = false, clock: WallClock = .naive) throws -> RequirementCurve {
        try curve(from: CSVTable.read(path: path), cyclic: cyclic, clock: clock)
    }

    public static func curve(from table: CSVTable, cyclic: Bool = false, clock: WallClock = .naive) throws -> RequirementCurve {
        let all = try queues(from: table, cyclic: cyclic, clock: clock, single: true)
        return all[0].curve
    }

    /// Every queue of the file, in order of first appearance.
    /// - Throws: `ShiftcastError` located at the first bad field.
    /// - Complexity: O(rows).
    public static func readQueues(path: String, cyclic: Bool = false, clock: WallClock = .naive) throws -> [Queue] {
        try queues(from: CSVTable.read(path: path), cyclic: cyclic, clock: clock, single: false)
    }

    public static func queues(from table: CSVTable, cyclic: Bool = false, clock: WallClock = .naive, single: Bool = false) throws -> [Queue] {
        let time = try TimestampColumn(in: table, clock: clock)
        let valueColumn = try table.requireColumn(anyOf: ["scheduled_agents", "required"])
        let queueColumn = try table.column("queue")
        struct Rows { var instants: [Timestamp] = [], values: [Double] = [], lines: [Int] = [] }
        var names: [String] = [], rowsByQueue: [String: Rows] = [:]
        for row in table.rows {
            let queue = queueColumn.map { row.text($0) } ?? ""
            if rowsByQueue[queue] == nil {
                if single, let first = names.first, let queueColumn {
                    throw row.error(queueColumn, "queue \(MessageText.quoted(queue)) is a second queue after \(MessageText.quoted(first)); expected one queue")
                }
                names.append(queue)
            }
            var rows = rowsByQueue[queue] ?? Rows()
            let (parsed, instant) = try time.read(row, after: rows.instants.last)
            if parsed.isDateOnly {
                throw row.error(time.index, "\(time.name) \(MessageText.quoted(row.text(time.index))) is a date; schedule needs the time of each interval (YYYY-MM-DDTHH:MM)")
            }
            if parsed.utcOffset != nil, clock.timeZone == nil {
                throw row.error(time.index, "\(row.text(time.index)) has a UTC offset, but shifts are planned on local time; "
                    + "give the time zone the times belong to (Europe/Berlin)")
            }
            if let previous = rows.instants.last, instant <= previous {
                throw row.error(time.index, "\(row.text(time.index)) does not come after the previous row (line \(rows.lines.last!))"
                    + (queueColumn == nil ? "" : " of queue \(MessageText.quoted(queue))") + "; sort the rows by time, each interval once")
            }
            let value = try row.number(valueColumn, in: 0...InputLimits.maximumAgentsPerInterval, expected: "agents required")
            rows.instants.append(instant)
            rows.values.append(value)
            rows.lines.append(row.line)
            rowsByQueue[queue] = rows
        }
        guard !names.isEmpty else {
            throw ShiftcastError(.badData, "has a header but no rows; expected one row per interval", file: table.name, line: table.headerLine)
        }
        return try names.map { name in
            let rows = rowsByQueue[name]!
            let queueNote = queueColumn == nil ? "" : " (queue \(MessageText.quoted(name)))"
            do {
                let curve = try RequirementCurve.checked(instants: rows.instants, values: rows.values, cyclic: cyclic, clock: clock,
                                                         queueNote: queueNote)
                return Queue(name: queueColumn == nil ? nil : name, curve: curve)
            } catch let problem as InputProblem {
                throw problem.located(file: table.name, lines: rows.lines) {
                    $0 == "timestamp" ? time.index + 1 : $0 == "scheduled_agents" ? valueColumn + 1 : nil
                }
            }
        }
    }
}
