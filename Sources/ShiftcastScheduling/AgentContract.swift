import ShiftcastCore

/// A named agent and the rules of their contract, one row of the Agents file (SPEC section 3).
///
/// `problems(families:)` finds a contract no week of shifts can satisfy; `AgentScheduler` gives shifts to
/// agents under their contracts, with `AgentRule` listing the rules each shift keeps (Docs/Scheduling.md).
public struct AgentContract: Sendable, Equatable {
    /// A field of the contract, for messages that point at the column that is wrong.
    public enum Field: String, Sendable, CaseIterable {
        case agent, shifts
        case minimumWeekHours = "min_week_hours", maximumWeekHours = "max_week_hours"
        case maximumDaysPerWeek = "max_days_per_week", minimumRestHours = "min_rest_hours"
        case unavailable, skills
    }

    public struct Problem: Sendable, Equatable {
        public var field: Field
        public var message: String
        /// Whether the contract contradicts itself or the Shifts file (a family it names does not exist,
        /// hours in the wrong order): bad data, to fix before anything is scheduled. Otherwise no week of
        /// these shifts meets it, and the agent still gets what the rules allow (Docs/Scheduling.md).
        public var isContradiction: Bool
    }

    public var agent: String
    /// Names of the families the agent may work; `nil` for every family (`*`).
    public var allowedFamilies: Set<String>?
    /// Seconds of work per week, at least and at most.
    public var minimumWeekSeconds: Int
    public var maximumWeekSeconds: Int
    public var maximumDaysPerWeek: Int
    /// Seconds of rest between the end of one shift and the start of the next.
    public var minimumRestSeconds: Int
    /// ISO weekdays (1 Monday ... 7 Sunday) the agent never works.
    public var unavailableWeekdays: Set<Int>
    /// Dates the agent does not work, as days since 1970-01-01.
    public var unavailableDays: Set<Int64>
    public var skills: Set<String>

    public init(agent: String, allowedFamilies: Set<String>? = nil, minimumWeekSeconds: Int = 0,
                maximumWeekSeconds: Int = 7 * 86_400, maximumDaysPerWeek: Int = 7, minimumRestSeconds: Int = 0,
                unavailableWeekdays: Set<Int> = [], unavailableDays: Set<Int64> = [], skills: Set<String> = []) {
        self.agent = agent
        self.allowedFamilies = allowedFamilies
        self.minimumWeekSeconds = minimumWeekSeconds
        self.maximumWeekSeconds = maximumWeekSeconds
        self.maximumDaysPerWeek = maximumDaysPerWeek
        self.minimumRestSeconds = minimumRestSeconds
        self.unavailableWeekdays = unavailableWeekdays
        self.unavailableDays = unavailableDays
        self.skills = skills
    }

    /// Whether the agent may work a shift of `family`.
    public func mayWork(_ family: ShiftFamily) -> Bool { allowedFamilies?.contains(family.name) ?? true }

    /// Everything that makes the contract impossible with these families: a family name the Shifts file
    /// does not have, hours in the wrong order, a week that cannot reach its minimum hours (too few days,
    /// too few available weekdays, too short shifts), or a maximum below every shift the agent may work.
    /// Checked per week: `unavailableDays` (single dates) are not counted, since a week without them may
    /// still meet the contract. An empty result means the contract can be met by some week of shifts.
    /// - Complexity: O(families x lengths).
    public func problems(families: [ShiftFamily]) -> [Problem] {
        var found: [Problem] = []
        func add(_ field: Field, _ message: String, contradiction: Bool = false) {
            found.append(Problem(field: field, message: message, isContradiction: contradiction))
        }
        func hours(_ seconds: Int) -> String {
            let value = Double(seconds) / 3600
            return value == value.rounded() ? "\(Int(value))h" : "\(value)h"
        }
        if let allowed = allowedFamilies {
            let known = Set(families.map(\.name))
            if let unknown = allowed.subtracting(known).sorted().first {
                add(.shifts, "shift family '\(unknown)' is not in the Shifts file", contradiction: true)
            }
        }
        if maximumWeekSeconds < minimumWeekSeconds {
            add(.maximumWeekHours, "max_week_hours \(hours(maximumWeekSeconds)) is below min_week_hours \(hours(minimumWeekSeconds))",
                contradiction: true)
        }
        guard found.isEmpty else { return found }
        let workable = families.filter(mayWork)
        // The longest shift the agent could work on each weekday.
        var longestOnDay = [Int](repeating: 0, count: 8)
        for family in workable {
            for weekday in family.weekdays where !unavailableWeekdays.contains(weekday) {
                longestOnDay[weekday] = max(longestOnDay[weekday], family.maximumLength)
            }
        }
        let bestWeek = longestOnDay.dropFirst().sorted(by: >).prefix(maximumDaysPerWeek).reduce(0, +)
        if minimumWeekSeconds > 0, bestWeek < minimumWeekSeconds {
            let field: Field = workable.isEmpty ? .shifts : unavailableWeekdays.isEmpty ? .maximumDaysPerWeek : .unavailable
            add(field, "no week of shifts reaches min_week_hours \(hours(minimumWeekSeconds)): at most \(hours(bestWeek)) "
                + "on the days and shifts this agent may work")
        }
        let shortest = workable.map(\.minimumLength).min()
        if let shortest, shortest > maximumWeekSeconds {
            add(.maximumWeekHours, "max_week_hours \(hours(maximumWeekSeconds)) is below the shortest shift this agent may work (\(hours(shortest)))")
        }
        return found
    }
}
