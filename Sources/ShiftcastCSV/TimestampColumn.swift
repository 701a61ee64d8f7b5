import ShiftcastCore

/// The time column of a file: `timestamp`, or `date` in a daily file (SPEC section 2).
///
/// Reads each row's timestamp and places it on the wall clock, with errors located at the field.
/// Rows of one series are read in order so that a repeated autumn hour under `--timezone` is taken
/// as its second occurrence once the series has passed the first.
public struct TimestampColumn: Sendable {
    /// The 0-based index of the column.
    public let index: Int
    /// The column's name as the file spells it.
    public let name: String
    public let clock: WallClock

    /// Finds `timestamp` (or, failing that, `date`) in `table`'s header.
    /// - Throws: `.badData` at the header line when neither is there.
    public init(in table: CSVTable, clock: WallClock) throws {
        index = try table.requireColumn(anyOf: ["timestamp", "date"])
        name = table.header[index]
        self.clock = clock
    }

    /// The column `name` of `table`, which holds timestamps (a Schedule file's `start` and `end`).
    /// - Throws: `.badData` at the header line when it is not there.
    public init(named name: String, in table: CSVTable, clock: WallClock) throws {
        index = try table.requireColumn(name)
        self.name = table.header[index]
        self.clock = clock
    }

    /// The row's timestamp as written, and its instant.
    ///
    /// - Parameter previous: the instant of the previous row of the same series, if any.
    /// - Throws: `.badData` at the field when it is not a timestamp of SPEC section 2, or names a
    ///   wall-clock time that does not exist on the clock.
    public func read(_ row: CSVRow, after previous: Timestamp? = nil) throws -> (parsed: ParsedTimestamp, instant: Timestamp) {
        let text = row.text(index)
        guard let parsed = TimestampText.parse(text) else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            throw row.error(index, "\(name) '\(shown)' is not a timestamp; expected \(TimestampText.expectedForms)")
        }
        switch clock.instant(of: parsed, after: previous) {
        case .success(let instant): return (parsed, instant)
        case .failure(let error): throw row.error(index, error.message)
        }
    }
}
