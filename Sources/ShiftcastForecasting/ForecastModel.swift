/// What a model sees: the volumes before the forecast origin on a whole-day grid, with missing intervals
/// (and intervals kept out of fits: event days, outliers) as `.nan`.
public struct ModelInput: Sendable {
    /// Volume per position from midnight of day 0 up to the origin (exclusive); `.nan` where unknown.
    public var values: [Double]
    /// Intervals per day.
    public var slotsPerDay: Int
    /// ISO weekday (1 Monday ... 7 Sunday) of day 0.
    public var firstWeekday: Int

    public init(values: [Double], slotsPerDay: Int, firstWeekday: Int) {
        self.values = values
        self.slotsPerDay = slotsPerDay
        self.firstWeekday = firstWeekday
    }

    /// The forecast origin: the first position to forecast.
    public var origin: Int { values.count }
    /// Intervals per week.
    public var slotsPerWeek: Int { 7 * slotsPerDay }

    /// ISO weekday of the day holding `position`.
    public func weekday(at position: Int) -> Int {
        (firstWeekday - 1 + position / slotsPerDay) % 7 + 1
    }
}

/// A forecasting model: from the history before an origin to a volume for each of the next `horizon`
/// intervals. Models never see data after the origin; they may return any real numbers, and the
/// ``Forecaster`` makes them non-negative and sets closed intervals to 0.
public protocol ForecastModel: Sendable {
    /// The name users pick the model by (`--model`).
    var name: String { get }
    /// Whole days of history the model needs before the origin for data with `slotsPerDay` intervals.
    func minimumHistoryDays(slotsPerDay: Int) -> Int
    /// Forecasts positions `input.origin ..< input.origin + horizon`.
    func forecast(_ input: ModelInput, horizon: Int) -> [Double]
}
