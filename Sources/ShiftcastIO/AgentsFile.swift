import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// The Agents file of SPEC section 3: one named agent per row.
///
/// Columns: `agent` (name, unique); optional `shifts` (allowed families, `a|b`, or `*` / blank for all),
/// `min_week_hours`, `max_week_hours` (numbers of hours), `max_days_per_week` (0 to 7), `min_rest_hours`
/// (between shifts), `unavailable` (weekdays `Sat|Sun` and dates `2025-03-08`, `|`-separated), `skills`
/// (`|`-separated). Blank optional fields take the defaults of ``AgentContract``. Whether each contract can
/// be met by the shift families is checked by ``contracts(fitting:)``, located at the field at fault.
public struct AgentsFile: Sendable {
    public var name: String
    public var contracts: [AgentContract]
    public var lines: [Int]
    var columns: [AgentContract.Field: Int]

    /// - Throws: `ShiftcastError` located at the first bad field.
    /// - Complexity: O(rows).
    public static func read(path: String) throws -> AgentsFile {
        try AgentsFile(table: CSVTable.read(path: path))
    }

    public init(table: CSVTable) throws {
        name = table.name
        var columns: [AgentContract.Field: Int] = [.agent: try table.requireColumn("agent")]
        for field in AgentContract.Field.allCases where field != .agent {
            if let column = try table.column(field.rawValue) { columns[field] = column }
        }
        self.columns = columns.mapValues { $0 + 1 }
        guard !table.rows.isEmpty else {
            // An empty team is a wrong file, not a schedule with nobody in it.
            throw ShiftcastError(.badData, "has a header but no rows; expected one row per agent", file: table.name, line: table.headerLine)
        }
        guard table.rows.count <= InputLimits.maximumAgents else {
            throw ShiftcastError(.badData, "has \(table.rows.count) agents; one schedule takes at most \(InputLimits.maximumAgents) "
                + "(Docs/Limits.md): split the file by team or site", file: table.name, line: table.rows[InputLimits.maximumAgents].line)
        }
        var contracts: [AgentContract] = [], lines: [Int] = [], seen: [String: Int] = [:]
        for row in table.rows {
            let agentColumn = columns[.agent]!
            let agent = row.text(agentColumn)
            if agent.isEmpty { throw row.error(agentColumn, "agent is empty; expected the agent's name or id") }
            if let line = seen[agent] {
                throw row.error(agentColumn, "agent \(MessageText.quoted(agent)) appears twice (first on line \(line)); give each agent one row")
            }
            seen[agent] = row.line
            var contract = AgentContract(agent: agent)
            func list(_ field: AgentContract.Field) -> [String]? {
                guard let column = columns[field], !row.isBlank(column) else { return nil }
                return row.text(column).split(separator: "|").map { CSVTable.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
            }
            func hours(_ field: AgentContract.Field) throws -> Int? {
                guard let column = columns[field], let value = try row.optionalNumber(column) else { return nil }
                guard value >= 0, value <= 168 else {
                    throw row.error(column, "\(field.rawValue) \(row.text(column)) is not a number of hours from 0 to 168")
                }
                return Int((value * 3600).rounded())
            }
            if let families = list(.shifts), families != ["*"] { contract.allowedFamilies = Set(families) }
            if let value = try hours(.minimumWeekHours) { contract.minimumWeekSeconds = value }
            if let value = try hours(.maximumWeekHours) { contract.maximumWeekSeconds = value }
            if let value = try hours(.minimumRestHours) { contract.minimumRestSeconds = value }
            if let column = columns[.maximumDaysPerWeek], let value = try row.optionalNumber(column) {
                guard value >= 0, value <= 7, value == value.rounded() else {
                    throw row.error(column, "max_days_per_week \(row.text(column)) is not a whole number from 0 to 7")
                }
                contract.maximumDaysPerWeek = Int(value)
            }
            for item in list(.unavailable) ?? [] {
                if let weekdays = ShiftsFile.weekdays(item), weekdays.count == 1 {
                    contract.unavailableWeekdays.formUnion(weekdays)
                } else if let parsed = TimestampText.parse(item), parsed.isDateOnly {
                    contract.unavailableDays.insert(parsed.civil.daysSinceEpoch)
                } else {
                    throw row.error(columns[.unavailable]!, "unavailable \(MessageText.quoted(item)) is not a weekday (Sat) or a date (YYYY-MM-DD)")
                }
            }
            contract.skills = Set(list(.skills) ?? [])
            contracts.append(contract)
            lines.append(row.line)
        }
        self.contracts = contracts
        self.lines = lines
    }

    /// Every contract that cannot be met with these families, as located errors (`.badData`), one per
    /// agent, in file order; empty when every contract can be met. Contradictions
    /// (``contradictions(fitting:)``) and contracts no week of shifts reaches (``unmeetable(fitting:)``).
    /// - Complexity: O(agents x families x lengths).
    public func problems(fitting families: [ShiftFamily]) -> [ShiftcastError] {
        checked(families).map(\.error)
    }

    /// Contracts that contradict themselves or the Shifts file (a family that does not exist, hours in the
    /// wrong order): bad data, so `schedule` fails on them and writes nothing.
    public func contradictions(fitting families: [ShiftFamily]) -> [ShiftcastError] {
        checked(families).filter(\.isContradiction).map(\.error)
    }

    /// Contracts that are consistent but that no week of these shifts can meet (minimum hours out of reach,
    /// a maximum below every shift): their agents get what the rules allow, and `schedule` warns.
    public func unmeetable(fitting families: [ShiftFamily]) -> [ShiftcastError] {
        checked(families).filter { !$0.isContradiction }.map(\.error)
    }

    /// The contracts, checked against the shift families.
    /// - Throws: `.badData` located at the field of the first contract no week of shifts can satisfy.
    /// - Complexity: O(agents x families x lengths).
    public func contracts(fitting families: [ShiftFamily]) throws -> [AgentContract] {
        if let first = problems(fitting: families).first { throw first }
        return contracts
    }

    /// The first problem of each contract that has one, located at its field.
    private func checked(_ families: [ShiftFamily]) -> [(error: ShiftcastError, isContradiction: Bool)] {
        ScheduleRules.contractProblems(contracts, families: families).map { (locate($0.problem), $0.isContradiction) }
    }

    /// A problem with one of the contracts (``ScheduleRules``), at its line and at the field's column
    /// (the agent's when the file lacks that column).
    public func locate(_ problem: InputProblem) -> ShiftcastError {
        problem.located(file: name, lines: lines) { AgentContract.Field(rawValue: $0).flatMap { columns[$0] } ?? columns[.agent] }
    }
}
