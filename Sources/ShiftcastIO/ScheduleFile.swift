import ShiftcastCore
import ShiftcastScheduling

/// The Schedule file of SPEC section 3: one row per activity, `agent`, `date` (the shift's start date),
/// `shift` (the family), `activity` (`work` while no breaks are placed), `start`, `end` (ISO 8601 wall
/// clock). Rows are ordered by agent, then start.
public enum ScheduleFile {
    /// The file's bytes for anonymous agents, ready for ``OutputFile/write(_:to:)``.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ assignments: [AnonymousRoster.Assignment], families: [ShiftFamily]) -> [UInt8] {
        var writer = CSVWriter(header: ["agent", "date", "shift", "activity", "start", "end"], capacity: assignments.count * 72)
        let ordered = assignments.sorted { ($0.agent, $0.candidate.start) < ($1.agent, $1.candidate.start) }
        for assignment in ordered {
            let shift = assignment.candidate
            writer.append(field: AnonymousRoster.agentName(assignment.agent))
            writer.append(field: shift.start.formatted(dateOnly: true))
            writer.append(field: families[shift.family].name)
            writer.append(field: "work")
            writer.append(field: shift.start.formatted())
            writer.append(field: shift.start.adding(seconds: Int64(shift.length)).formatted())
            writer.endRow()
        }
        return writer.bytes
    }
}
