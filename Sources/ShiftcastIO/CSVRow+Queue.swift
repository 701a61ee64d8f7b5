import ShiftcastCore
import ShiftcastCSV

extension CSVRow {
    /// The row's queue (`nil` when the file has no `queue` column), checked against `queues` when given: the
    /// queues of the plan the file belongs to, so that a row of another plan's queue is refused rather than
    /// left out of every chart.
    /// - Parameters:
    ///   - column: the `queue` column, if the file has one.
    ///   - otherwise: the column to point at when the file has no `queue` column but the plan has queues.
    /// - Throws: `ShiftcastError(.badData)` at the field naming the plan's queues.
    func queue(_ column: Int?, among queues: [String?]?, otherwise: Int) throws -> String? {
        let name = column.map { text($0) }
        guard let queues, !queues.contains(name) else { return name }
        let known = queues.compactMap { $0 }.prefix(5).map { MessageText.quoted($0) }.joined(separator: ", ")
        guard let column else { throw error(otherwise, "the file has no queue column; the plan's forecast has queues \(known)") }
        throw error(column, "queue \(MessageText.quoted(text(column))) is not a queue of the plan's forecast"
            + (known.isEmpty ? ", which has none" : " (\(known))"))
    }
}
