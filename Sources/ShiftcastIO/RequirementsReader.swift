import ShiftcastCore
import ShiftcastScheduling

/// Reads the Requirements file as `schedule` needs it (SPEC section 3): `timestamp` and
/// `scheduled_agents`, or a column named `required`; other columns are ignored.
///
/// Rows are in time order, each interval once, on naive wall-clock time (offsets written in the file
/// are honoured), and its step divides a day from midnight. Requirements are finite and not negative; fractions are valid. An interval missing
/// between two rows requires nobody. Dates without times are refused: shifts need times of day.
public enum RequirementsReader {
    /// - Throws: `ShiftcastError` located at the first bad field.
    /// - Complexity: O(rows).
    public static func read(path: String, cyclic: Bool = false) throws -> RequirementCurve {
        try curve(from: CSVTable.read(path: path), cyclic: cyclic)
    }

    public static func curve(from table: CSVTable, cyclic: Bool = false) throws -> RequirementCurve {
        let time = try TimestampColumn(in: table, clock: .naive)
        let valueColumn = try table.requireColumn(anyOf: ["scheduled_agents", "required"])
        let queueColumn = try table.column("queue")
        var instants: [Timestamp] = [], values: [Double] = [], lines: [Int] = []
        var firstQueue: String?
        for row in table.rows {
            if let queueColumn {
                let queue = row.text(queueColumn)
                if let firstQueue, queue != firstQueue {
                    throw row.error(queueColumn, "queue \(MessageText.quoted(queue)) is a second queue after \(MessageText.quoted(firstQueue)); schedule one queue at a time")
                }
                firstQueue = queue
            }
            let (parsed, instant) = try time.read(row, after: instants.last)
            if parsed.isDateOnly {
                throw row.error(time.index, "\(time.name) \(MessageText.quoted(row.text(time.index))) is a date; schedule needs the time of each interval (YYYY-MM-DDTHH:MM)")
            }
            if let previous = instants.last, instant <= previous {
                throw row.error(time.index, "\(row.text(time.index)) does not come after the previous row (line \(lines.last!)); "
                    + "sort the rows by time, each interval once")
            }
            let value = try row.number(valueColumn)
            if value < 0 {
                throw row.error(valueColumn, "\(table.header[valueColumn]) \(row.text(valueColumn)) is negative; expected agents required, 0 or more")
            }
            instants.append(instant)
            values.append(value)
            lines.append(row.line)
        }
        guard !instants.isEmpty else {
            throw ShiftcastError(.badData, "has a header but no rows; expected one row per interval", file: table.name, line: table.headerLine)
        }
        guard case .seconds(let step)? = TimeGrid.inferStep(from: instants, datesOnly: false) else {
            throw ShiftcastError(.badData, "has a single row, so the interval length cannot be read from the timestamps; give two or more intervals",
                                 file: table.name, line: lines[0])
        }
        let start = instants[0]
        let count = Int(start.seconds(to: instants.last!) / step) + 1
        var required = [Double](repeating: 0, count: count)
        for (instant, value) in zip(instants, values) { required[Int(start.seconds(to: instant) / step)] = value }
        let curve = RequirementCurve(start: start, slotSeconds: Int(step), required: required, cyclic: cyclic)
        if let problem = curve.gridProblem ?? curve.cyclicProblem {
            throw ShiftcastError(.badData, problem, file: table.name, line: lines[0], column: time.index + 1)
        }
        return curve
    }
}
