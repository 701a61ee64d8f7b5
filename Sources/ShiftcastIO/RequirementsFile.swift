import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastStaffing

/// The Requirements file of SPEC section 3: what `staff` writes and `schedule` reads.
///
/// Columns: `queue` (only when the forecast had one), `timestamp` (or `date`), `volume`, `aht`, `agents`,
/// `scheduled_agents`, then under a queueing method `service_level`, `asa`, `occupancy` (and
/// `abandon_rate` under Erlang A), or for deferred work `occupancy` and `backlog`.
public struct RequirementsFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var queue: String?
        public var start: Timestamp
        public var requirement: Requirement
    }

    public var rows: [Row]
    public var clock: WallClock
    public var datesOnly: Bool
    public var hasQueues: Bool
    public var policy: StaffingPolicy

    /// Staffs every interval of every queue of a forecast file (``QueueRequirements``), queues in parallel.
    ///
    /// - Parameters:
    ///   - averageHandleTime: seconds; when given, it replaces the file's `aht` column; when `nil`, each
    ///     row's `aht` is used and a row with volume and no `aht` is an error.
    /// - Throws: `ShiftcastError` located at the forecast row whose AHT is missing or whose targets
    ///   cannot be met.
    /// - Complexity: O(intervals) queueing evaluations.
    public init(forecast: VolumeFile, averageHandleTime: Double?, policy: StaffingPolicy) throws {
        let queues = forecast.queues
        let intervals = queues.map(\.forecastIntervals)
        let staffed: [QueueRequirements]
        do {
            staffed = try Planner.staff(intervals, averageHandleTime: averageHandleTime, policy: policy)
        } catch let problem as InputProblem {
            throw problem.located(file: forecast.name, lines: queues[problem.queue ?? 0].intervals.map(\.line))
        }
        self.init(staffed, clock: queues.first?.grid.clock ?? .naive, datesOnly: forecast.datesOnly,
                  hasQueues: queues.first?.name != nil, policy: policy)
    }

    /// The file of requirements staffed in memory.
    public init(_ queues: [QueueRequirements], clock: WallClock, datesOnly: Bool, hasQueues: Bool, policy: StaffingPolicy) {
        rows = queues.flatMap { queue in queue.rows.map { Row(queue: queue.name, start: $0.start, requirement: $0.requirement) } }
        self.clock = clock
        self.datesOnly = datesOnly
        self.hasQueues = hasQueues
        self.policy = policy
    }

    /// The file's bytes, ready for ``OutputFile/write(_:to:)``.
    /// - Complexity: O(rows).
    public func csvBytes() -> [UInt8] {
        var header = ["timestamp", "volume", "aht", "agents", "scheduled_agents"]
        if datesOnly { header[0] = "date" }
        if hasQueues { header.insert("queue", at: 0) }
        var isErlangA = false
        switch policy.method {
        case .queueing(let model, _):
            header += ["service_level", "asa", "occupancy"]
            if case .erlangA = model {
                header.append("abandon_rate")
                isErlangA = true
            }
        case .deferred:
            header += ["occupancy", "backlog"]
        }
        var writer = CSVWriter(header: header, capacity: rows.count * 96)
        for row in rows {
            let requirement = row.requirement
            if hasQueues { writer.append(field: row.queue ?? "") }
            writer.append(field: clock.format(row.start, dateOnly: datesOnly))
            writer.append(field: requirement.workload.volume)
            writer.append(field: requirement.workload.averageHandleTime)
            writer.append(field: requirement.agents)
            writer.append(field: requirement.scheduledAgents)
            if let performance = requirement.performance {
                writer.append(field: performance.serviceLevel, decimals: 6)
                writer.append(field: performance.averageSpeedOfAnswer, decimals: 3)
                writer.append(field: performance.occupancy, decimals: 6)
                if isErlangA { writer.append(field: performance.probabilityOfAbandoning ?? 0, decimals: 6) }
            } else {
                writer.append(field: requirement.occupancy, decimals: 6)
                writer.append(field: requirement.deferred?.backlog ?? 0, decimals: 3)
            }
            writer.endRow()
        }
        return writer.bytes
    }
}

extension RequirementsFile {
    /// A few lines for a person: intervals, the peak, and the agent hours to schedule.
    public var summary: String {
        guard let peak = rows.max(by: { $0.requirement.scheduledAgents < $1.requirement.scheduledAgents }) else {
            return "no intervals"
        }
        let scheduledHours = rows.reduce(0.0) { $0 + Double($1.requirement.scheduledAgents * $1.requirement.workload.intervalLength) } / 3600
        let productiveHours = rows.reduce(0.0) { $0 + Double($1.requirement.agents * $1.requirement.workload.intervalLength) } / 3600
        let contacts = rows.reduce(0.0) { $0 + $1.requirement.workload.volume }
        let queueNote = hasQueues ? " in queue \(peak.queue ?? "")" : ""
        return """
            \(rows.count) intervals, \(Int(contacts.rounded())) contacts
            peak: \(peak.requirement.scheduledAgents) agents to schedule (\(peak.requirement.agents) productive) at \(clock.format(peak.start, dateOnly: datesOnly))\(queueNote)
            agent hours to schedule: \(Int(scheduledHours.rounded())) (\(Int(productiveHours.rounded())) productive)
            """
    }
}
