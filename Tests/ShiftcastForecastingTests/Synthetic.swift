import Foundation
import ShiftcastCore
@testable import ShiftcastForecasting
@_exported import ShiftcastTestSupport
import Testing

/// A synthetic centre: hourly (or `slotsPerDay`) data from Monday 2024-01-01, open 08:00-18:00 Monday to
/// Saturday, with a daily hump, a weekly cycle (Mondays busiest, Saturdays quiet), an optional linear
/// trend, and Poisson-like noise.
struct SyntheticCentre {
    var slotsPerDay = 24
    var days = 84
    var level = 100.0
    /// Growth of the level per week, as a share of `level`.
    var weeklyGrowth = 0.0
    var noise = true
    var seed: UInt64 = 7

    static let weekdayFactor = [1.3, 1.1, 1.0, 1.0, 0.9, 0.5, 0.0]  // Monday ... Sunday

    /// The expected volume at `position` (may lie beyond `days`).
    func expected(_ position: Int) -> Double {
        let day = position / slotsPerDay
        let hour = Double(position % slotsPerDay) * 24 / Double(slotsPerDay)
        guard hour >= 8, hour < 18 else { return 0 }
        let shape = sin(Double.pi * (hour - 8 + 12 / Double(slotsPerDay)) / 10)
        let trend = 1 + weeklyGrowth * Double(day) / 7
        return level * trend * Self.weekdayFactor[day % 7] * shape / Double(slotsPerDay) * 24
    }

    /// The rows of the history (noisy around `expected` when `noise`).
    func rows() -> [(start: Timestamp, volume: Double, averageHandleTime: Double?)] {
        var generator = SeededGenerator(seed: seed)
        let start = CivilDateTime(year: 2024, month: 1, day: 1)!.secondsSinceEpoch
        let step = Int64(86_400 / slotsPerDay)
        return (0..<(days * slotsPerDay)).map { position in
            let mean = expected(position)
            var value = mean
            if noise, mean > 0 {
                // Normal approximation to Poisson, by Box-Muller.
                let u1 = max(Double.random(in: 0..<1, using: &generator), 1e-12), u2 = Double.random(in: 0..<1, using: &generator)
                value = max(0, (mean + mean.squareRoot() * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)).rounded())
            }
            return (Timestamp(secondsSinceEpoch: start + Int64(position) * step), value, mean > 0 ? 180 + Double(position % slotsPerDay) : nil)
        }
    }

    func history(withAverageHandleTime: Bool = false) throws -> HistorySeries {
        try HistorySeries(step: slotsPerDay == 1 ? .days(1) : .seconds(86_400 / slotsPerDay), clock: .naive,
                          rows: rows(), hasAverageHandleTime: withAverageHandleTime)
    }

    func input() throws -> ModelInput {
        let history = try history()
        return ModelInput(values: history.volume, slotsPerDay: slotsPerDay, firstWeekday: history.weekday(ofDay: 0))
    }

    /// WAPE of `forecast` (from position `days x slotsPerDay`) against the expected volumes.
    func errorAgainstTruth(_ forecast: [Double]) -> Double {
        let origin = days * slotsPerDay
        var error = 0.0, total = 0.0
        for (offset, value) in forecast.enumerated() {
            error += abs(value - expected(origin + offset))
            total += expected(origin + offset)
        }
        return error / total
    }
}

