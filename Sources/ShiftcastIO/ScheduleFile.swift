import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// The Schedule file of SPEC section 3: one row per activity, `agent`, `date` (the shift's start date),
/// `shift` (the family), `activity` (`work`, or the break rule's activity), `start`, `end` (ISO 8601 wall
/// clock, with the UTC offset under a time zone); with several named queues, a `queue` column first. Rows
/// are ordered by agent (anonymous agents by number, named agents as in the Agents file), then start; a
/// shift's work segments and breaks tile it.
public enum ScheduleFile {
    /// The file's bytes for every queue's schedule.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ schedules: [QueueSchedule]) -> [UInt8] {
        let hasQueues = schedules.contains { $0.name != nil }
        var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + header,
                               capacity: schedules.reduce(0) { $0 + $1.result.shiftCount } * 80)
        for schedule in schedules {
            append(schedule.agentShifts, queue: hasQueues ? schedule.name ?? "" : nil, families: schedule.result.families,
                   breakRules: schedule.result.breakRules, curve: schedule.result.curve, to: &writer)
        }
        return writer.bytes
    }

    /// The file's bytes for one queue's anonymous agents.
    /// - Parameter curve: the horizon the shifts were planned on, whose clock writes the times.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ assignments: [AnonymousRoster.Assignment], families: [ShiftFamily],
                                breakRules: [BreakRule] = [], curve: RequirementCurve) -> [UInt8] {
        var writer = CSVWriter(header: header, capacity: assignments.count * 72)
        append(QueueSchedule.agentShifts(of: assignments), queue: nil, families: families, breakRules: breakRules, curve: curve, to: &writer)
        return writer.bytes
    }

    /// The file's bytes for one queue's named agents: each agent's shifts (in the order of the Agents
    /// file), in order of start.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ result: AgentScheduleResult) -> [UInt8] {
        var writer = CSVWriter(header: header, capacity: result.schedule.shiftCount * 80)
        append(QueueSchedule.agentShifts(of: result), queue: nil, families: result.schedule.families,
               breakRules: result.schedule.breakRules, curve: result.schedule.curve, to: &writer)
        return writer.bytes
    }

    private static let header = ["agent", "date", "shift", "activity", "start", "end"]

    private static func append(_ agentShifts: [(agent: String, shifts: [PlacedShift])], queue: String?, families: [ShiftFamily],
                               breakRules: [BreakRule], curve: RequirementCurve, to writer: inout CSVWriter) {
        for (agent, shifts) in agentShifts {
            for placedShift in shifts.sorted(by: { $0.candidate.startSlot < $1.candidate.startSlot }) {
                let shift = placedShift.candidate
                func row(_ activity: String, from: Int, to: Int) {
                    if let queue { writer.append(field: queue) }
                    writer.append(field: agent)
                    writer.append(field: shift.start.formatted(dateOnly: true))
                    writer.append(field: families[shift.family].name)
                    writer.append(field: activity)
                    // Elapsed time from the shift's start instant, written on the curve's clock.
                    let startSeconds = shift.startSlot * curve.slotSeconds
                    writer.append(field: curve.formatted(secondsFromStart: startSeconds + from))
                    writer.append(field: curve.formatted(secondsFromStart: startSeconds + to))
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
        }
    }
}
