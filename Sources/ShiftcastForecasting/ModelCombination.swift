import ShiftcastCore

/// A combination of models: each interval's forecast is the median or the mean of its members'.
///
/// Source: the M4 competition (Makridakis, Spiliotis and Assimakopoulos 2020, IJF 36:54), where
/// combinations led; FORECASTING.md: combinations protect against a selection that won by chance.
/// Assumes no member is always best; wins when members err in different directions.
public struct ModelCombination: ForecastModel {
    public enum Rule: String, Sendable { case median, mean }
    public let members: [any ForecastModel]
    public let rule: Rule
    public let name: String

    /// - Throws: `ShiftcastError(.invalidArgument)` for a combination without members.
    public init(name: String, members: [any ForecastModel], rule: Rule) throws {
        guard !members.isEmpty else { throw ShiftcastError(.invalidArgument, "the combination '\(name)' has no members") }
        self.name = name
        self.members = members
        self.rule = rule
    }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int {
        members.map { $0.minimumHistoryDays(slotsPerDay: slotsPerDay) }.max()!
    }

    /// - Complexity: the sum of the members', plus O(horizon x members log members).
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let forecasts = members.map { $0.forecast(input, horizon: horizon) }
        var column = [Double](repeating: 0, count: forecasts.count)
        return (0..<horizon).map { offset in
            for index in forecasts.indices { column[index] = max(forecasts[index][offset], 0) }
            switch rule {
            case .median: return median(column)
            case .mean: return column.reduce(0, +) / Double(column.count)
            }
        }
    }
}
