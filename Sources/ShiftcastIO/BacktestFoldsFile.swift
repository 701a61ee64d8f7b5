import ShiftcastCore
import ShiftcastCSV
import ShiftcastForecasting

/// The Backtest folds file a plan writes (`backtest.csv`): `[queue,] model, fold, origin, wape, chosen`,
/// one row per model and rolling-origin fold, so that a report drawn later from the plan folder shows how
/// each model did on each fold and which one `auto` chose.
///
/// `fold` counts from 1, oldest first; `origin` is the date of the fold's first forecast interval; `wape`
/// is that fold's WAPE as a fraction, empty for a fold with no volume.
public enum BacktestFoldsFile {
    /// One row.
    public struct Row: Sendable, Equatable {
        public var queue: String?
        public var model: String
        public var fold: Int
        public var origin: String
        /// The fold's WAPE as a fraction; `nil` when the fold had no volume.
        public var wape: Double?
        public var chosen: Bool

        public init(queue: String?, model: String, fold: Int, origin: String, wape: Double?, chosen: Bool) {
            self.queue = queue
            self.model = model
            self.fold = fold
            self.origin = origin
            self.wape = wape
            self.chosen = chosen
        }
    }

    /// The rows of every queue's backtests, models in the order they were backtested.
    /// - Complexity: O(queues x models x folds).
    public static func rows(_ output: ForecastOutput) -> [Row] {
        output.queues.flatMap { queue in
            queue.forecast.backtests.flatMap { result in
                zip(result.folds, result.foldWAPE).enumerated().map { index, pair in
                    Row(queue: queue.name, model: result.model, fold: index + 1,
                        origin: queue.history.civil(at: pair.0.origin).formatted(dateOnly: true),
                        wape: pair.1.isNaN ? nil : pair.1, chosen: result.model == queue.forecast.model)
                }
            }
        }
    }

    public static func csvBytes(_ rows: [Row]) -> [UInt8] {
        let hasQueues = rows.contains { $0.queue != nil }
        var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + ["model", "fold", "origin", "wape", "chosen"])
        for row in rows {
            if hasQueues { writer.append(field: row.queue ?? "") }
            writer.append(field: row.model)
            writer.append(field: row.fold)
            writer.append(field: row.origin)
            writer.append(field: row.wape ?? .nan, decimals: 6)
            writer.append(field: row.chosen ? "true" : "false")
            writer.endRow()
        }
        return writer.bytes
    }

    /// Reads a Backtest folds file.
    /// - Parameter queues: the plan's queues, when the file must hold only theirs.
    /// - Throws: `ShiftcastError(.badData)` at the field: a missing column, a queue not among `queues`, an
    ///   empty model, a fold that is not a whole number from 1 to 1000, a WAPE that is not a number from 0
    ///   to 1000, a `chosen` that is neither `true` nor `false`.
    /// - Complexity: O(rows).
    public static func read(table: CSVTable, queues: [String?]? = nil) throws -> [Row] {
        let queue = try table.column("queue"), model = try table.requireColumn("model"), fold = try table.requireColumn("fold")
        let origin = try table.requireColumn("origin"), wape = try table.requireColumn("wape"), chosen = try table.requireColumn("chosen")
        var rows: [Row] = []
        try table.forEachRow { row in
            guard !row.isBlank(model) else { throw row.error(model, "model is empty; expected a model's name") }
            let number = try row.number(fold, in: 1...1000, expected: "a fold number")
            guard number == number.rounded() else { throw row.error(fold, "fold \(MessageText.quoted(row.text(fold))) is not a whole number") }
            let flag = row.text(chosen)
            guard flag == "true" || flag == "false" else {
                throw row.error(chosen, "chosen \(MessageText.quoted(flag)) is neither true nor false")
            }
            rows.append(Row(queue: try row.queue(queue, among: queues, otherwise: model), model: row.text(model), fold: Int(number), origin: row.text(origin),
                            wape: try row.optionalNumber(wape, in: 0...1000, expected: "a WAPE as a fraction"), chosen: flag == "true"))
        }
        return rows
    }
}
