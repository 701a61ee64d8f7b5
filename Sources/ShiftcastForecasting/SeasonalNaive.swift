/// Seasonal naive: each interval repeats the last observed value one season earlier (a day or a week).
///
/// Source: Hyndman and Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed., 2021), section
/// 5.2. Assumes the last season is the best guide to the next; wins on data with a stable cycle and
/// little noise, and is the yardstick of MASE. A missing value steps one more season back.
public struct SeasonalNaive: ForecastModel {
    public enum Season: String, Sendable { case day, week }
    public let season: Season

    public init(season: Season) { self.season = season }

    public var name: String { "snaive-\(season.rawValue)" }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int { season == .day ? 1 : 7 }

    /// - Complexity: O(horizon x seasons stepped back over missing values).
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let period = season == .day ? input.slotsPerDay : input.slotsPerWeek
        let origin = input.origin
        return (0..<horizon).map { offset in
            var position = origin + offset - period * (offset / period + 1)
            while position >= 0, input.values[position].isNaN { position -= period }
            return position >= 0 ? input.values[position] : 0
        }
    }
}
