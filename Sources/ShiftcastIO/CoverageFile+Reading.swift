import ShiftcastCore
import ShiftcastCSV

extension CoverageFile {
    /// One interval of a Coverage file as read back (by `shiftcast report`).
    public struct Row: Sendable, Equatable {
        public var queue: String?
        public var start: Timestamp
        public var required: Double
        /// Agents at work, not on a break.
        public var scheduled: Double
        /// The projected service level, when the file has the column and the interval a value.
        public var serviceLevel: Double?
        /// Why the interval is short, when the file says.
        public var cause: String?
    }

    /// Reads a Coverage file: `[queue,] timestamp, required, scheduled` and, when present,
    /// `service_level` and `cause` (other columns are not read).
    /// - Parameter queues: the plan's queues, when the file must hold only theirs.
    /// - Throws: `ShiftcastError(.badData)` at the field: a missing column, a queue not among `queues`, a
    ///   time that is not a timestamp, agents that are not a number from 0 to 100 000, a service level
    ///   outside 0 to 1.
    /// - Complexity: O(rows).
    public static func read(table: CSVTable, clock: WallClock, queues: [String?]? = nil) throws -> [Row] {
        let queue = try table.column("queue"), time = try TimestampColumn(in: table, clock: clock)
        let required = try table.requireColumn("required"), scheduled = try table.requireColumn("scheduled")
        let serviceLevel = try table.column("service_level"), cause = try table.column("cause")
        let agents = 0...InputLimits.maximumAgentsPerInterval
        var rows: [Row] = []
        try table.forEachRow { row in
            rows.append(Row(
                queue: try row.queue(queue, among: queues, otherwise: time.index), start: try time.read(row).instant,
                required: try row.number(required, in: agents, expected: "a number of agents"),
                scheduled: try row.number(scheduled, in: agents, expected: "a number of agents"),
                serviceLevel: try serviceLevel.flatMap { try row.optionalNumber($0, in: 0...1, expected: "a service level") },
                cause: cause.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return rows
    }
}
