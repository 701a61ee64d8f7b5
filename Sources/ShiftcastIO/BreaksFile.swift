import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// The Breaks file of SPEC section 3: one break or lunch rule per row.
///
/// Columns: `shift` (a family of the Shifts file, or `*`), `activity` (`break`, `lunch`, ...), `duration`,
/// `anchor` (`start` or `end`), `earliest`, `latest` (offsets from the anchor: durations such as `2h`,
/// `0`), optional `min_shift_length` (the rule applies only to shifts at least this long), optional `paid`
/// (`true`/`false`, `yes`/`no`, `1`/`0`; default `true`). Whether each rule can be met by the shifts it
/// applies to, on the requirements' grid, is checked by ``rules(fitting:slotSeconds:)``, located at the field
/// at fault.
public struct BreaksFile: Sendable {
    public var name: String
    public var rules: [BreakRule]
    /// The physical line of each rule's row.
    public var lines: [Int]
    /// The 1-based column of each field present, for messages.
    var columns: [BreakRule.Field: Int]

    /// Reads and checks a Breaks file, or standard input for `-`.
    /// - Throws: `ShiftcastError` located at the first bad field.
    /// - Complexity: O(rows).
    public static func read(path: String) throws -> BreaksFile {
        try BreaksFile(table: CSVTable.read(path: path))
    }

    public init(table: CSVTable) throws {
        name = table.name
        var columns: [BreakRule.Field: Int] = [:]
        for field in [BreakRule.Field.shift, .activity, .duration, .anchor, .earliest, .latest] {
            columns[field] = try table.requireColumn(field.rawValue)
        }
        for field in [BreakRule.Field.minimumShiftLength, .paid] {
            if let column = try table.column(field.rawValue) { columns[field] = column }
        }
        self.columns = columns.mapValues { $0 + 1 }
        var rules: [BreakRule] = [], lines: [Int] = []
        for row in table.rows {
            func text(_ field: BreakRule.Field) -> String { row.text(columns[field]!) }
            func duration(_ field: BreakRule.Field, allowZero: Bool) throws -> Int {
                try row.duration(columns[field]!, in: (allowZero ? 0 : 1)...InputLimits.maximumShiftDuration)
            }
            let shift = text(.shift)
            if shift.isEmpty { throw row.error(columns[.shift]!, "shift is empty; expected a family of the Shifts file or *") }
            let activity = text(.activity)
            if activity.isEmpty || activity.lowercased() == "work" {
                throw row.error(columns[.activity]!, "activity \(MessageText.quoted(activity)) is not a break; expected a name such as break or lunch")
            }
            guard let anchor = BreakRule.Anchor(rawValue: text(.anchor).lowercased()) else {
                throw row.error(columns[.anchor]!, "anchor \(MessageText.quoted(text(.anchor))) is not start or end")
            }
            var minimumLength = 0
            if let column = columns[.minimumShiftLength], !row.isBlank(column) {
                minimumLength = try duration(.minimumShiftLength, allowZero: true)
            }
            var paid = true
            if let column = columns[.paid], !row.isBlank(column) {
                switch row.text(column).lowercased() {
                case "true", "yes", "1": paid = true
                case "false", "no", "0": paid = false
                default: throw row.error(column, "paid \(MessageText.quoted(row.text(column))) is not true or false")
                }
            }
            rules.append(BreakRule(shift: shift, activity: activity, duration: try duration(.duration, allowZero: false),
                                   anchor: anchor, earliest: try duration(.earliest, allowZero: true),
                                   latest: try duration(.latest, allowZero: true), minimumShiftLength: minimumLength, paid: paid))
            lines.append(row.line)
        }
        self.rules = rules
        self.lines = lines
    }

    /// The rules, checked against the shift families and the requirements' grid.
    /// - Throws: `.badData` located at the first field of the first rule that cannot be met.
    /// - Complexity: O(rules x families x lengths x window / slot).
    public func rules(fitting families: [ShiftFamily], slotSeconds: Int) throws -> [BreakRule] {
        if let problem = ScheduleRules.breakProblem(rules, families: families, slotSeconds: slotSeconds) { throw locate(problem) }
        return rules
    }

    /// A problem with one of the rules (``ScheduleRules``), at its line and column.
    public func locate(_ problem: InputProblem) -> ShiftcastError {
        problem.located(file: name, lines: lines) { BreakRule.Field(rawValue: $0).flatMap { columns[$0] } }
    }
}
