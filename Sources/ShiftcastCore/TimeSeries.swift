/// Values on a ``TimeGrid``: one per interval, in grid order.
public struct TimeSeries<Value>: Sendable where Value: Sendable {
    public let grid: TimeGrid
    public var values: [Value]

    public init(grid: TimeGrid, values: [Value]) {
        precondition(values.count == grid.count, "TimeSeries needs one value per grid interval")
        self.grid = grid
        self.values = values
    }

    /// A series of `grid.count` copies of `value`.
    public init(grid: TimeGrid, repeating value: Value) {
        self.init(grid: grid, values: Array(repeating: value, count: grid.count))
    }

    public subscript(index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    /// The start of each interval with its value.
    public var points: some Sequence<(timestamp: Timestamp, value: Value)> {
        values.indices.lazy.map { (grid.timestamp(at: $0), values[$0]) }
    }
}

extension TimeSeries: Equatable where Value: Equatable {}
