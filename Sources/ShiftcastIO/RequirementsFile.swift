import Foundation
import ShiftcastCore
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

    /// Staffs every interval of every queue of a forecast.
    ///
    /// - Parameters:
    ///   - averageHandleTime: seconds; when given, it replaces the file's `aht` column; when `nil`, each
    ///     row's `aht` is used and a row with volume and no `aht` is an error.
    /// - Throws: `ShiftcastError` located at the forecast row whose AHT is missing or whose targets
    ///   cannot be met.
    /// - Complexity: O(intervals) queueing evaluations; queues are staffed in parallel.
    public init(forecast: VolumeFile, averageHandleTime: Double?, policy: StaffingPolicy) throws {
        self.policy = policy
        clock = forecast.queues.first?.grid.clock ?? .naive
        datesOnly = forecast.datesOnly
        hasQueues = forecast.queues.first?.name != nil
        let queues = forecast.queues
        let results = ConcurrentResults<Result<[Row], Error>>(count: queues.count)
        DispatchQueue.concurrentPerform(iterations: queues.count) { index in
            results[index] = Result { try Self.staff(queues[index], file: forecast.name, averageHandleTime: averageHandleTime, policy: policy) }
        }
        rows = try results.values.flatMap { try $0!.get() }
    }

    private static func staff(_ queue: VolumeFile.Queue, file: String, averageHandleTime: Double?, policy: StaffingPolicy) throws -> [Row] {
        // An interval without contacts needs no handle time; it borrows the queue's first one so that
        // the output's aht column stays meaningful.
        let fallbackAHT = averageHandleTime ?? queue.intervals.lazy.compactMap(\.averageHandleTime).first { $0 > 0 } ?? 1
        func workload(_ interval: VolumeFile.Interval, length: Int64) throws -> Workload {
            let aht = averageHandleTime ?? interval.averageHandleTime
            guard let aht else {
                if interval.volume == 0 { return Workload(volume: 0, averageHandleTime: fallbackAHT, intervalLength: Double(length)) }
                throw ShiftcastError(.badData, "has volume but no aht; give an aht column value or --aht", file: file, line: interval.line)
            }
            return Workload(volume: interval.volume, averageHandleTime: aht, intervalLength: Double(length))
        }
        switch policy.method {
        case .queueing:
            return try queue.intervals.map { interval in
                let length = queue.grid.length(at: queue.grid.position(of: interval.start)!)
                do {
                    return Row(queue: queue.name, start: interval.start,
                               requirement: try policy.requirement(for: workload(interval, length: length)))
                } catch let error as ShiftcastError {
                    throw error.located(file: file, line: interval.line)
                }
            }
        case .deferred:
            // Deferred work flows from one interval to the next, so the grid is filled: a missing
            // interval has no contacts, but agents may work off the backlog in it.
            var workloads: [Workload] = []
            workloads.reserveCapacity(queue.grid.count)
            var next = queue.intervals.makeIterator()
            var pending = next.next()
            for index in 0..<queue.grid.count {
                let start = queue.grid.timestamp(at: index), length = queue.grid.length(at: index)
                if let interval = pending, interval.start == start {
                    workloads.append(try workload(interval, length: length))
                    pending = next.next()
                } else {
                    workloads.append(Workload(volume: 0, averageHandleTime: fallbackAHT, intervalLength: Double(length)))
                }
            }
            let requirements = try policy.requirements(forConsecutive: workloads).enumerated()
            return requirements.map { Row(queue: queue.name, start: queue.grid.timestamp(at: $0.offset), requirement: $0.element) }
        }
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
        let scheduledHours = rows.reduce(0.0) { $0 + Double($1.requirement.scheduledAgents) * $1.requirement.workload.intervalLength } / 3600
        let productiveHours = rows.reduce(0.0) { $0 + Double($1.requirement.agents) * $1.requirement.workload.intervalLength } / 3600
        let contacts = rows.reduce(0.0) { $0 + $1.requirement.workload.volume }
        let queueNote = hasQueues ? " in queue \(peak.queue ?? "")" : ""
        return """
            \(rows.count) intervals, \(Int(contacts.rounded())) contacts
            peak: \(peak.requirement.scheduledAgents) agents to schedule (\(peak.requirement.agents) productive) at \(clock.format(peak.start, dateOnly: datesOnly))\(queueNote)
            agent hours to schedule: \(Int(scheduledHours.rounded())) (\(Int(productiveHours.rounded())) productive)
            """
    }
}
