import ShiftcastCore

/// A problem with one item of an input the caller holds: a shift family, a break rule, a contract, an
/// interval of a forecast. It names the item by its index in the caller's array and, where one field is
/// to blame, the field by its column name in the file format (SPEC section 3), so a caller that read the
/// items from a file can say the line and column, and one that built them in memory the index.
public struct InputProblem: Error, Sendable {
    /// The inputs of a plan that an item can belong to.
    public enum Input: String, Sendable {
        case shifts, breaks, agents, forecast, requirements, schedule
    }

    /// The code and message, without a location.
    public var error: ShiftcastError
    public var input: Input
    /// The item's index in the caller's array; `nil` for the input as a whole.
    public var item: Int?
    /// The column name of the field to blame, when there is one.
    public var field: String?
    /// For inputs with several queues (a forecast, requirements), the queue's index; the item counts
    /// within that queue.
    public var queue: Int?

    public init(_ error: ShiftcastError, input: Input, item: Int? = nil, field: String? = nil) {
        self.error = error
        self.input = input
        self.item = item
        self.field = field
    }

    /// The error located in a file: `lines[item]` and the column `columns(field)`.
    public func located(file: String, lines: [Int], column: (String) -> Int? = { _ in nil }) -> ShiftcastError {
        let line = item.flatMap { lines.indices.contains($0) ? lines[$0] : nil }
        return error.located(file: file, line: line, column: field.flatMap(column))
    }

    /// The error for items held in memory: the message names the item.
    public var unlocated: ShiftcastError {
        var copy = error
        if let item { copy.message = "\(input.rawValue) item \(item): " + copy.message }
        return copy
    }
}
