import ShiftcastCore
import ShiftcastScheduling

/// The Schedule file of SPEC section 3: one row per activity, `agent`, `date` (the shift's start date),
/// `shift` (the family), `activity` (`work`, or the break rule's activity), `start`, `end` (ISO 8601 wall
/// clock). Rows are ordered by agent (anonymous agents by number, named agents as in the Agents file), then
/// start; a shift's work segments and breaks tile it.
public enum ScheduleFile {
    /// The file's bytes for anonymous agents, ready for ``OutputFile/write(_:to:)``.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ assignments: [AnonymousRoster.Assignment], families: [ShiftFamily],
                                breakRules: [BreakRule] = []) -> [UInt8] {
        let ordered = assignments.sorted { ($0.agent, $0.candidate.start) < ($1.agent, $1.candidate.start) }
        return csvBytes(ordered.map { (AnonymousRoster.agentName($0.agent), PlacedShift(candidate: $0.candidate, breaks: $0.breaks)) },
                        families: families, breakRules: breakRules)
    }

    /// The file's bytes for named agents: each agent's shifts (in the order of the Agents file), in order of start.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ result: AgentScheduleResult) -> [UInt8] {
        var rows: [(String, PlacedShift)] = []
        for (contract, shifts) in zip(result.contracts, result.assignments) {
            for shift in shifts.sorted(by: { $0.candidate.start < $1.candidate.start }) { rows.append((contract.agent, shift)) }
        }
        return csvBytes(rows, families: result.schedule.families, breakRules: result.schedule.breakRules)
    }

    /// Rows for (agent, shift) pairs in the given order.
    static func csvBytes(_ shifts: [(agent: String, shift: PlacedShift)], families: [ShiftFamily], breakRules: [BreakRule]) -> [UInt8] {
        var writer = CSVWriter(header: ["agent", "date", "shift", "activity", "start", "end"], capacity: shifts.count * 72)
        for (agent, placedShift) in shifts {
            let shift = placedShift.candidate
            func row(_ activity: String, from: Int, to: Int) {
                writer.append(field: agent)
                writer.append(field: shift.start.formatted(dateOnly: true))
                writer.append(field: families[shift.family].name)
                writer.append(field: activity)
                writer.append(field: shift.start.adding(seconds: Int64(from)).formatted())
                writer.append(field: shift.start.adding(seconds: Int64(to)).formatted())
                writer.endRow()
            }
            // Work segments and breaks tile the shift.
            var cursor = 0
            for placed in placedShift.breaks {
                if placed.offset > cursor { row("work", from: cursor, to: placed.offset) }
                let end = placed.offset + breakRules[placed.rule].duration
                row(breakRules[placed.rule].activity, from: placed.offset, to: end)
                cursor = end
            }
            if cursor < shift.length { row("work", from: cursor, to: shift.length) }
        }
        return writer.bytes
    }
}
