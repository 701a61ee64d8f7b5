import Foundation
import ShiftcastCSV
import ShiftcastForecasting

/// The result of `shiftcast backtest`: per queue and model, WAPE, MASE, bias and interval coverage over
/// the rolling-origin folds, with the model `auto` picks marked; a table, CSV or JSON.
public struct BacktestReport: Sendable {
    public var output: ForecastOutput
    public var level: Double

    /// - Parameter output: forecasts made with `model: "auto"` (so every model was backtested).
    public init(output: ForecastOutput, level: Double) {
        self.output = output
        self.level = level
    }

    private struct Line {
        var queue: String?
        var model: String
        var folds: Int
        var metrics: AccuracyMetrics
        var chosen: Bool
    }

    private var lines: [Line] {
        output.queues.flatMap { queue in
            queue.forecast.backtests.map {
                Line(queue: queue.name, model: $0.model, folds: $0.folds.count, metrics: $0.metrics,
                     chosen: $0.model == queue.forecast.model)
            }
        }
    }

    public func rendered(as format: ReportFormat) -> String {
        let hasQueues = output.queues.first?.name != nil
        let lines = lines
        func number(_ value: Double, _ digits: Int) -> String {
            value.isNaN ? "" : String(format: "%.\(digits)f", value)
        }
        switch format {
        case .csv:
            var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + ["model", "folds", "wape", "mase", "bias", "coverage", "chosen"])
            for line in lines {
                if hasQueues { writer.append(field: line.queue ?? "") }
                writer.append(field: line.model)
                writer.append(field: line.folds)
                for value in [line.metrics.wape, line.metrics.mase, line.metrics.bias, line.metrics.coverage] {
                    writer.append(field: number(value, 6))
                }
                writer.append(field: line.chosen ? "true" : "false")
                writer.endRow()
            }
            return String(decoding: writer.bytes, as: UTF8.self)
        case .json:
            let items = lines.map { line in
                var fields: [String] = []
                if hasQueues { fields.append("\"queue\": \(jsonString(line.queue ?? ""))") }
                fields.append("\"model\": \(jsonString(line.model))")
                fields.append("\"folds\": \(line.folds)")
                for (key, value) in [("wape", line.metrics.wape), ("mase", line.metrics.mase), ("bias", line.metrics.bias),
                                     ("coverage", line.metrics.coverage)] {
                    fields.append("\"\(key)\": \(value.isNaN ? "null" : number(value, 6))")
                }
                fields.append("\"chosen\": \(line.chosen)")
                return "  {" + fields.joined(separator: ", ") + "}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        case .table:
            var text = ""
            let coverageTitle = "cover@\(Int((level * 100).rounded()))"
            var header = ["model", "folds", "WAPE", "MASE", "bias", coverageTitle, ""]
            if hasQueues { header.insert("queue", at: 0) }
            var rows = [header]
            for line in lines {
                var row = [line.model, "\(line.folds)", percent(line.metrics.wape), number(line.metrics.mase, 3),
                           signedPercent(line.metrics.bias), percent(line.metrics.coverage), line.chosen ? "<- auto" : ""]
                if hasQueues { row.insert(line.queue ?? "", at: 0) }
                rows.append(row)
            }
            let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { column, cell in
                    column == 0 || (hasQueues && column == 1) ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
                }
                text += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
            return text
        }
    }

    private func percent(_ value: Double) -> String { value.isNaN ? "-" : String(format: "%.1f%%", value * 100) }
    private func signedPercent(_ value: Double) -> String { value.isNaN ? "-" : String(format: "%+.1f%%", value * 100) }

    private func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
