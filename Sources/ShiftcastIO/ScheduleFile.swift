import ShiftcastCore
import ShiftcastScheduling

/// The Schedule file of SPEC section 3: one row per activity, `agent`, `date` (the shift's start date),
/// `shift` (the family), `activity` (`work`, or the break rule's activity), `start`, `end` (ISO 8601 wall
/// clock, with the UTC offset under a time zone). Rows are ordered by agent, then start; a shift's work
/// segments and breaks tile it.
public enum ScheduleFile {
    /// The file's bytes for every queue's schedule: a `queue` column first when the queues have names.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ schedules: [QueueSchedule]) -> [UInt8] {
        let hasQueues = schedules.contains { $0.name != nil }
        var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + ["agent", "date", "shift", "activity", "start", "end"],
                               capacity: schedules.reduce(0) { $0 + $1.roster.count } * 80)
        for schedule in schedules {
            append(schedule.roster, queue: hasQueues ? schedule.name ?? "" : nil, families: schedule.result.families,
                   breakRules: schedule.result.breakRules, curve: schedule.result.curve, to: &writer)
        }
        return writer.bytes
    }

    /// The file's bytes for one queue's anonymous agents, ready for ``OutputFile/write(_:to:)``.
    /// - Parameter curve: the horizon the shifts were planned on, whose clock writes the times.
    /// - Complexity: O(shifts log shifts).
    public static func csvBytes(_ assignments: [AnonymousRoster.Assignment], families: [ShiftFamily],
                                breakRules: [BreakRule] = [], curve: RequirementCurve) -> [UInt8] {
        var writer = CSVWriter(header: ["agent", "date", "shift", "activity", "start", "end"], capacity: assignments.count * 72)
        append(assignments, queue: nil, families: families, breakRules: breakRules, curve: curve, to: &writer)
        return writer.bytes
    }

    private static func append(_ assignments: [AnonymousRoster.Assignment], queue: String?, families: [ShiftFamily],
                               breakRules: [BreakRule], curve: RequirementCurve, to writer: inout CSVWriter) {
        let ordered = assignments.sorted { ($0.agent, $0.candidate.startSlot) < ($1.agent, $1.candidate.startSlot) }
        for assignment in ordered {
            let shift = assignment.candidate
            func row(_ activity: String, from: Int, to: Int) {
                if let queue { writer.append(field: queue) }
                writer.append(field: AnonymousRoster.agentName(assignment.agent))
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
            for placed in assignment.breaks {
                if placed.offset > cursor { row("work", from: cursor, to: placed.offset) }
                let end = placed.offset + breakRules[placed.rule].duration
                row(breakRules[placed.rule].activity, from: placed.offset, to: end)
                cursor = end
            }
            if cursor < shift.length { row("work", from: cursor, to: shift.length) }
        }
    }
}
