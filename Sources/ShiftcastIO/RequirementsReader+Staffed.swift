import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastStaffing

extension RequirementsReader {
    /// The workload and staffing of each row of a Requirements file that `staff` wrote (`volume`, `aht`,
    /// `agents`, `scheduled_agents`), per queue in the order of `queues`, for projecting the service a
    /// schedule gives; `nil` when the file lacks one of those columns (a curve of `required` agents only).
    /// - Throws: `ShiftcastError` located at the first field that is not a number in range.
    public static func staffed(from table: CSVTable, queues: [Queue], clock: WallClock) throws -> [QueueRequirements]? {
        guard let volume = try table.column("volume"), let aht = try table.column("aht"), let agents = try table.column("agents"),
              let scheduled = try table.column("scheduled_agents") else { return nil }
        let time = try TimestampColumn(in: table, clock: clock)
        let queueColumn = try table.column("queue")
        var rows: [String: [QueueRequirements.Row]] = [:]
        var previous: [String: Timestamp] = [:]
        for row in table.rows {
            let queue = queueColumn.map { row.text($0) } ?? ""
            let instant = try time.read(row, after: previous[queue]).instant
            previous[queue] = instant
            let slot = queues.first { ($0.name ?? "") == queue }?.curve.slotSeconds ?? 1
            let workload = Workload(volume: try row.number(volume, in: 0...InputLimits.maximumVolume, expected: "a number of contacts"),
                                    averageHandleTime: try row.number(aht, in: 0...InputLimits.maximumHandleTime, expected: "seconds of handle time"),
                                    intervalLength: slot)
            let needed = try row.number(agents, in: 0...InputLimits.maximumAgentsPerInterval, expected: "agents")
            let toSchedule = try row.number(scheduled, in: 0...InputLimits.maximumAgentsPerInterval, expected: "agents")
            let requirement = Requirement(workload: workload, agents: Int(needed), scheduledAgents: Int(toSchedule), performance: nil, deferred: nil)
            rows[queue, default: []].append(QueueRequirements.Row(start: instant, requirement: requirement))
        }
        return queues.map { queue in
            QueueRequirements(name: queue.name, rows: rows[queue.name ?? ""] ?? [], intervalSeconds: queue.curve.slotSeconds)
        }
    }
}
