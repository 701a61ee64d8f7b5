import ShiftcastCore
import ShiftcastScheduling

/// What a schedule is made of besides the requirements: the shift families, the break rules they hold,
/// and, for named agents, their contracts (SPEC section 3: the Shifts, Breaks and Agents files).
///
/// The checks here need the requirements' grid, so they run once it is known; each names the item
/// and field at fault (``InputProblem``), which a file reader turns into a line and column.
public struct ScheduleRules: Sendable {
    public var families: [ShiftFamily]
    public var breaks: [BreakRule]
    /// The named agents' contracts; `nil` for anonymous agents (`A0001`, ...).
    public var contracts: [AgentContract]?

    public init(families: [ShiftFamily], breaks: [BreakRule] = [], contracts: [AgentContract]? = nil) {
        self.families = families
        self.breaks = breaks
        self.contracts = contracts
    }

    /// The first family whose starts or lengths are off the grid of `curve`, or whose shifts over the
    /// curve's horizon are more than `InputLimits.maximumCandidateShifts`.
    /// - Complexity: O(families).
    public static func familyProblem(_ families: [ShiftFamily], fitting curve: RequirementCurve) -> InputProblem? {
        for (index, family) in families.enumerated() {
            if let problem = family.problems(slotSeconds: curve.slotSeconds).first {
                return InputProblem(ShiftcastError(.badData, "shift \(quoted(family.name)): \(problem.message)"),
                                    input: .shifts, item: index, field: problem.field.rawValue)
            }
        }
        let bounds = ShiftExpansion.candidateBounds(for: families, over: curve)
        let total = bounds.reduce(0, +)
        if total > InputLimits.maximumCandidateShifts, let largest = bounds.indices.max(by: { bounds[$0] < bounds[$1] }) {
            return InputProblem(ShiftcastError(.badData, "the shift families give up to \(total) shifts over the requirements' horizon "
                + "(\(quoted(families[largest].name)) \(bounds[largest])); a schedule takes at most "
                + "\(InputLimits.maximumCandidateShifts) (Docs/Limits.md): give a coarser start_step or length_step, or a shorter horizon"),
                input: .shifts, item: largest, field: ShiftFamily.Field.startStep.rawValue)
        }
        return nil
    }

    /// The first break rule that cannot be met by `families` on a grid of `slotSeconds`, or two that
    /// cannot all fit without overlapping.
    /// - Complexity: O(rules x families x lengths x window / slot).
    public static func breakProblem(_ rules: [BreakRule], families: [ShiftFamily], slotSeconds: Int) -> InputProblem? {
        for (index, rule) in rules.enumerated() {
            if let problem = rule.problems(families: families, slotSeconds: slotSeconds).first {
                return InputProblem(ShiftcastError(.badData, "\(rule.activity) of shift \(quoted(rule.shift)): \(problem.message)"),
                                    input: .breaks, item: index, field: problem.field.rawValue)
            }
        }
        if let conflict = BreakRule.firstConflict(rules, families: families, slotSeconds: slotSeconds) {
            let length = TimeSpan.spelling(seconds: Double(conflict.length))
            return InputProblem(ShiftcastError(.badData, "the breaks of the \(length) shifts of '\(conflict.family.name)' cannot all fit without "
                + "overlapping; widen a window or shorten a break"), input: .breaks, item: conflict.rule)
        }
        return nil
    }

    /// The first problem of each contract that has one, in order: contradictions (a family that does
    /// not exist, hours in the wrong order: bad data) and contracts no week of `families` can meet.
    /// - Complexity: O(agents x families x lengths).
    public static func contractProblems(_ contracts: [AgentContract], families: [ShiftFamily]) -> [(problem: InputProblem, isContradiction: Bool)] {
        contracts.enumerated().compactMap { index, contract in
            contract.problems(families: families).first.map { problem in
                (InputProblem(ShiftcastError(.badData, "agent \(quoted(contract.agent)): \(problem.message)"),
                              input: .agents, item: index, field: problem.field.rawValue),
                 problem.isContradiction)
            }
        }
    }

    static func quoted(_ text: String) -> String { MessageText.quoted(text) }
}
