import ShiftcastCore
import ShiftcastForecasting

/// One queue's forecast as intervals on the clock: what the Forecast file holds (SPEC section 3), and
/// what staffing reads.
///
/// Volumes are kept to a thousandth of a contact and AHT to a tenth of a second, as the Forecast file
/// writes them, so a forecast staffed in memory and the same forecast staffed from its file give the
/// same requirements to the last agent. A wall-clock time in the spring-forward gap has no interval; one
/// the autumn fold repeats has two, each with the forecast of that time of day.
public struct ForecastIntervals: Sendable {
    public struct Interval: Sendable, Equatable {
        public var start: Timestamp
        public var volume: Double
        /// Seconds; `nil` when the history had no AHT.
        public var averageHandleTime: Double?
        /// The prediction interval's bounds, when the forecast has one (staffing for uncertainty reads it).
        public var lower: Double?
        public var upper: Double?

        public init(start: Timestamp, volume: Double, averageHandleTime: Double?, lower: Double? = nil, upper: Double? = nil) {
            self.start = start
            self.volume = volume
            self.averageHandleTime = averageHandleTime
            self.lower = lower
            self.upper = upper
        }
    }

    /// Decimals the Forecast file keeps of a volume and of an AHT.
    public static let volumeDecimals = 3
    public static let averageHandleTimeDecimals = 1

    /// The queue's name; `nil` for a history without queues.
    public var name: String?
    public var intervals: [Interval]
    /// The regular grid the intervals lie on, from the first to the last.
    public var grid: TimeGrid

    /// The intervals of `forecast`, made from `history`.
    /// - Parameters:
    ///   - name: the queue's name, or `nil`.
    ///   - history: the history the forecast was made from (its clock and intervals).
    ///   - forecast: the forecast of `history`.
    ///   - datesOnly: whether the history's times are dates (one interval a day, named by its date).
    public init(name: String?, history: HistorySeries, forecast: QueueForecast, datesOnly: Bool) {
        self.name = name
        var intervals: [Interval] = []
        for offset in forecast.volume.indices {
            let position = forecast.origin + offset
            let volume = DecimalRounding.rounded(forecast.volume[offset], decimals: Self.volumeDecimals)
            let aht = forecast.averageHandleTime.map { DecimalRounding.rounded($0[offset], decimals: Self.averageHandleTimeDecimals) }
            // The bounds as the Forecast file writes them, so that staffing in memory and from the file agree.
            let lower = DecimalRounding.rounded(forecast.lower[offset], decimals: Self.volumeDecimals)
            let upper = DecimalRounding.rounded(forecast.upper[offset], decimals: Self.volumeDecimals)
            let instants = datesOnly ? Array(history.instants(at: position).prefix(1)) : history.instants(at: position)
            intervals += instants.map { Interval(start: $0, volume: volume, averageHandleTime: aht, lower: lower, upper: upper) }
        }
        self.intervals = intervals
        let historyStep: TimeGrid.Step = history.slotsPerDay == 1 ? .days(1) : .seconds(history.stepSeconds)
        let step = TimeGrid.inferStep(from: intervals.map(\.start), datesOnly: datesOnly, clock: history.clock) ?? historyStep
        let start = intervals.first?.start ?? Timestamp(secondsSinceEpoch: 0)
        let open = TimeGrid(start: start, validStep: step, count: 0, clock: history.clock)
        let count = intervals.last.flatMap { open.position(of: $0.start) }.map { $0 + 1 } ?? 0
        grid = TimeGrid(start: start, validStep: step, count: count, clock: history.clock)
    }

    /// Intervals read from elsewhere (a Forecast file), on `grid`.
    public init(name: String?, intervals: [Interval], grid: TimeGrid) {
        self.name = name
        self.intervals = intervals
        self.grid = grid
    }
}
