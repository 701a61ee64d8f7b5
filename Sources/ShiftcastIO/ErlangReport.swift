import ShiftcastCore
import ShiftcastCSV
import ShiftcastStaffing

/// The result of `shiftcast erlang` for one interval, rendered as a table, JSON or CSV.
///
/// JSON keys follow SPEC section 4: `traffic` (erlangs), `agents`, `scheduled_agents`, `service_level`,
/// `asa` (seconds), `probability_wait`, `occupancy`, and `probability_abandon` under Erlang A. An
/// unstable queue's ASA is infinite: JSON has no infinity, so it is `null` there (with `"stable": false`),
/// `inf` in CSV and `infinite (queue unstable)` in the table. No value is ever NaN or negative.
public struct ErlangReport: Sendable {
    public var model: QueueModel
    public var performance: QueuePerformance
    public var scheduledAgents: Int
    public var shrinkage: Double
    /// The time of the service level, in seconds.
    public var answerWithin: Double

    public init(model: QueueModel, performance: QueuePerformance, scheduledAgents: Int, shrinkage: Double, answerWithin: Double) {
        self.model = model
        self.performance = performance
        self.scheduledAgents = scheduledAgents
        self.shrinkage = shrinkage
        self.answerWithin = answerWithin
    }

    /// The named values in output order; `nil` marks an infinite ASA.
    private var fields: [(key: String, value: Double?)] {
        var fields: [(String, Double?)] = [
            ("traffic", performance.traffic),
            ("agents", Double(performance.agents)),
            ("scheduled_agents", Double(scheduledAgents)),
            ("service_level", performance.serviceLevel),
            ("asa", performance.averageSpeedOfAnswer.isFinite ? performance.averageSpeedOfAnswer : nil),
            ("probability_wait", performance.probabilityOfWaiting),
            ("occupancy", performance.occupancy),
        ]
        if let abandon = performance.probabilityOfAbandoning { fields.append(("probability_abandon", abandon)) }
        return fields
    }

    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .json: return json
        case .csv: return csv
        case .table: return table
        }
    }

    private var json: String {
        var parts = fields.map { field in
            "  \"\(field.key)\": " + (field.value.map { Self.number($0) } ?? "null")
        }
        parts.append("  \"stable\": \(performance.isStable)")
        return "{\n" + parts.joined(separator: ",\n") + "\n}\n"
    }

    private var csv: String {
        let fields = fields
        var writer = CSVWriter(header: fields.map(\.key))
        for field in fields {
            writer.append(field: field.value ?? .infinity)
        }
        writer.endRow()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private var table: String {
        let p = performance
        var rows: [(String, String)] = [
            ("model", Self.name(of: model)),
            ("traffic", Self.fixed(p.traffic, 3) + " erlangs"),
            ("agents", "\(p.agents)"),
            ("scheduled agents", "\(scheduledAgents)" + (shrinkage > 0 ? " (shrinkage \(Self.percent(shrinkage)))" : "")),
            ("service level", Self.percent(p.serviceLevel) + " within \(TimeSpan.spelling(seconds: answerWithin))"),
            ("average speed of answer", p.averageSpeedOfAnswer.isFinite ? Self.fixed(p.averageSpeedOfAnswer, 1) + " s" : "infinite (queue unstable)"),
            ("probability of waiting", Self.percent(p.probabilityOfWaiting)),
            ("occupancy", Self.percent(p.occupancy)),
        ]
        if let abandon = p.probabilityOfAbandoning { rows.append(("abandonment", Self.percent(abandon))) }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }.joined(separator: "\n") + "\n"
    }

    static func name(of model: QueueModel) -> String {
        switch model {
        case .erlangC: return "Erlang C (M/M/N)"
        case .erlangA(let patience): return "Erlang A (M/M/N+M), mean patience \(TimeSpan.spelling(seconds: patience))"
        case .chat(let concurrency): return "chat, up to \(concurrency) at once per agent"
        }
    }

    /// Shortest round-trip form, as in the CSV files.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        NumberFormatting.append(value, decimals: nil, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var bytes: [UInt8] = []
        NumberFormatting.append(value, decimals: decimals, to: &bytes)
        var text = String(decoding: bytes, as: UTF8.self)
        // NumberFormatting drops trailing zeros; a table column reads better with them.
        if decimals > 0 {
            if !text.contains(".") { text += "." }
            let have = text.count - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0) - 1
            if have < decimals { text += String(repeating: "0", count: decimals - have) }
        }
        return text
    }

    static func percent(_ value: Double) -> String { fixed(value * 100, 2) + "%" }
}
