import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning

extension ScheduleFile {
    /// A Schedule file read back (SPEC section 3): each agent's work, the rows whose activity is `work`,
    /// for simulating the service it gives. Breaks and other activities take no contacts.
    public struct Work: Sendable {
        /// The file's name, for messages.
        public var name: String
        /// Agents in order of first appearance, each with their spans in order of start.
        public var agents: [AgentWork]
        /// The line of each agent's spans, in the same order.
        public var lines: [[Int]]
        /// Every row, work and breaks alike, in file order.
        public var rows: [Row]

        /// Hours the rows pay between `start` and `end`: every row's time inside them, but the rows whose
        /// activity is one of `unpaid` (a Schedule file does not say which breaks are paid; a Breaks file does).
        public func paidHours(from start: Timestamp, to end: Timestamp, unpaid: Set<String>) -> Double {
            rows.reduce(0) { total, row in
                guard !unpaid.contains(row.activity) else { return total }
                let from = max(row.span.lowerBound, start), to = min(row.span.upperBound, end)
                return from < to ? total + Double(from.seconds(to: to)) / 3600 : total
            }
        }
    }

    /// One row of a Schedule file.
    public struct Row: Sendable, Equatable {
        public var agent: String
        /// The shift's start date, as written.
        public var date: String
        /// The shift family.
        public var shift: String
        public var activity: String
        public var span: Range<Timestamp>
    }

    /// Reads the work of every agent (of `queue`, when the file has a `queue` column and one is named).
    /// - Throws: `ShiftcastError(.badData)` located at the field: a missing column, an empty agent, a time
    ///   that is not a timestamp, an end not after its start, or two rows of one agent that overlap.
    public static func readWork(path: String, clock: WallClock, queue: String? = nil) throws -> Work {
        try readWork(table: CSVTable.read(path: path), clock: clock, queue: queue)
    }

    public static func readWork(table: CSVTable, clock: WallClock, queue: String? = nil) throws -> Work {
        let agentColumn = try table.requireColumn("agent"), activityColumn = try table.requireColumn("activity")
        let start = try TimestampColumn(named: "start", in: table, clock: clock)
        let end = try TimestampColumn(named: "end", in: table, clock: clock)
        let queueColumn = try table.column("queue")
        var rowsByAgent: [String: [(span: Range<Timestamp>, work: Bool, line: Int, row: Int)]] = [:]
        var order: [String] = []
        var allRows: [Row] = []
        let dateColumn = try table.column("date"), shiftColumn = try table.column("shift")
        var rowNumber = 0
        try table.forEachRow { row in
            rowNumber += 1
            if let queue, let queueColumn, row.text(queueColumn) != queue { return }
            let agent = row.text(agentColumn)
            guard !agent.isEmpty else { throw row.error(agentColumn, "agent is empty; expected the agent's name or number") }
            let from = try start.read(row).instant, to = try end.read(row, after: from).instant
            guard from < to else {
                throw row.error(end.index, "end \(clock.format(to)) is not after start \(clock.format(from))")
            }
            if rowsByAgent[agent] == nil { order.append(agent) }
            allRows.append(Row(agent: agent, date: dateColumn.map { row.text($0) } ?? "", shift: shiftColumn.map { row.text($0) } ?? "",
                               activity: row.text(activityColumn), span: from..<to))
            rowsByAgent[agent, default: []].append((from..<to, row.text(activityColumn) == "work", row.line(of: start.index), rowNumber))
        }
        var agents: [AgentWork] = [], lines: [[Int]] = []
        for agent in order {
            let rows = rowsByAgent[agent]!.sorted { $0.span.lowerBound < $1.span.lowerBound || ($0.span.lowerBound == $1.span.lowerBound && $0.row < $1.row) }
            for (earlier, later) in zip(rows, rows.dropFirst()) where later.span.lowerBound < earlier.span.upperBound {
                let line = max(earlier.line, later.line), other = min(earlier.line, later.line)
                throw ShiftcastError(.badData, "agent '\(MessageText.shortened(agent))' has two rows that overlap: "
                    + "\(clock.format(later.span.lowerBound)) falls inside the row on line \(other) (to \(clock.format(earlier.span.upperBound)))",
                    file: table.name, line: line, column: start.index + 1)
            }
            let work = rows.filter(\.work)
            agents.append(AgentWork(name: agent, spans: work.map(\.span)))
            lines.append(work.map(\.line))
        }
        return Work(name: table.name, agents: agents, lines: lines, rows: allRows)
    }
}
