import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// The Shifts file of SPEC section 3: one shift family per row.
///
/// Columns: `shift` (name), `days` (`Mon|Tue|...`, full names too, or `*`), `earliest_start` and
/// `latest_start` (`HH:MM`), `start_step`, `min_length`, `max_length`, `length_step` (durations:
/// `15m`, `8h`), optional `cost_per_hour` (default 1). Whether starts and lengths fit the requirements'
/// grid is checked by ``families(fitting:)`` once the grid is known, located at the field at fault.
public struct ShiftsFile: Sendable {
    public var name: String
    public var families: [ShiftFamily]
    /// The physical line of each family's row.
    public var lines: [Int]
    /// The 1-based column of each field, for messages.
    var columns: [ShiftFamily.Field: Int]

    /// Reads and checks a Shifts file, or standard input for `-`.
    /// - Throws: `ShiftcastError` located at the first bad field.
    /// - Complexity: O(rows).
    public static func read(path: String) throws -> ShiftsFile {
        try ShiftsFile(table: CSVTable.read(path: path))
    }

    public init(table: CSVTable) throws {
        name = table.name
        let nameColumn = try table.requireColumn("shift")
        var columns: [ShiftFamily.Field: Int] = [:]
        for field in ShiftFamily.Field.allCases where field != .costPerHour {
            columns[field] = try table.requireColumn(field.rawValue)
        }
        let costColumn = try table.column("cost_per_hour")
        if let costColumn { columns[.costPerHour] = costColumn }
        self.columns = columns.mapValues { $0 + 1 }
        var families: [ShiftFamily] = [], lines: [Int] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let familyName = row.text(nameColumn)
            if familyName.isEmpty { throw row.error(nameColumn, "shift is empty; expected a name for the shift family") }
            if let line = seen[familyName] {
                throw row.error(nameColumn, "shift \(MessageText.quoted(familyName)) appears twice (first on line \(line)); give each family one row")
            }
            seen[familyName] = row.line
            func time(_ field: ShiftFamily.Field) throws -> Int {
                let column = columns[field]!
                guard let seconds = Self.timeOfDay(row.text(column)) else {
                    throw row.error(column, "\(field.rawValue) \(MessageText.quoted(row.text(column))) is not a time of day; expected HH:MM, 00:00 to 23:59")
                }
                return seconds
            }
            func duration(_ field: ShiftFamily.Field) throws -> Int {
                try row.duration(columns[field]!, in: 1...InputLimits.maximumShiftDuration)
            }
            let daysColumn = columns[.days]!
            guard let weekdays = Self.weekdays(row.text(daysColumn)) else {
                throw row.error(daysColumn, "days \(MessageText.quoted(row.text(daysColumn))) is not a list of weekdays; expected * or names such as Mon|Tue|Wed")
            }
            var cost = 1.0
            if let costColumn, let value = try row.optionalNumber(costColumn, in: 0...InputLimits.maximumWeight, expected: "a cost per paid hour") {
                cost = value
            }
            let family = ShiftFamily(
                name: familyName, weekdays: weekdays, earliestStart: try time(.earliestStart), latestStart: try time(.latestStart),
                startStep: try duration(.startStep), minimumLength: try duration(.minimumLength),
                maximumLength: try duration(.maximumLength), lengthStep: try duration(.lengthStep), costPerHour: cost)
            families.append(family)
            lines.append(row.line)
        }
        guard !families.isEmpty else {
            throw ShiftcastError(.badData, "has a header but no rows; expected one row per shift family", file: table.name, line: table.headerLine)
        }
        self.families = families
        self.lines = lines
    }

    /// The families, checked against the grid of `curve`: every start and length must fall on it.
    /// - Throws: `.badData` located at the first field that does not fit.
    /// - Complexity: O(families).
    public func families(fitting curve: RequirementCurve) throws -> [ShiftFamily] {
        if let problem = ScheduleRules.familyProblem(families, fitting: curve) { throw locate(problem) }
        return families
    }

    /// A problem with one of the families (``ScheduleRules``), at its line and column.
    public func locate(_ problem: InputProblem) -> ShiftcastError {
        problem.located(file: name, lines: lines) { ShiftFamily.Field(rawValue: $0).flatMap { columns[$0] } }
    }

    /// Seconds since midnight of `H:MM` or `HH:MM` (`:SS` allowed); `nil` otherwise.
    static func timeOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let value = Int(parts[2]), parts[2].count == 2, (0...59).contains(value) else { return nil }
            second = value
        }
        return hour * 3600 + minute * 60 + second
    }

    /// ISO weekdays of `*` or `Mon|Tue|...` (three-letter or full English names, any case); `nil` for
    /// anything else.
    static func weekdays(_ text: String) -> Set<Int>? {
        let trimmed = CSVTable.trimmingSpaces(text)
        if trimmed == "*" { return Set(1...7) }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var days = Set<Int>()
        for part in trimmed.split(separator: "|", omittingEmptySubsequences: false) {
            let word = CSVTable.trimmingSpaces(String(part)).lowercased()
            guard word.count >= 3, let index = names.firstIndex(of: String(word.prefix(3))) else { return nil }
            let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][index]
            guard word == names[index] || word == full else { return nil }
            days.insert(index + 1)
        }
        return days.isEmpty ? nil : days
    }
}
