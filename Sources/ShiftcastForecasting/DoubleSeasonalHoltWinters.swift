import ShiftcastCore

/// Double seasonal Holt-Winters on the interval data: a level, a daily and a weekly seasonal component,
/// additive, smoothed interval by interval.
///
/// Source: Taylor (2003), "Short-term electricity demand forecasting using double seasonal exponential
/// smoothing", Journal of the Operational Research Society 54:799, in the additive form without trend:
///
///     forecast(t)  = level(t-1) + daily(t-s1) + weekly(t-s2)
///     error(t)     = y(t) - forecast(t)
///     level(t)     = level(t-1) + alpha x error(t)
///     daily(t)     = daily(t-s1) + delta x error(t)
///     weekly(t)    = weekly(t-s2) + omega x error(t)
///
/// with `s1` the intervals of a day and `s2` those of a week, and Taylor's first-order autoregressive
/// adjustment: the forecast `h` intervals ahead adds `phi^h x` the last one-step error, `phi` the lag-one
/// autocorrelation of the one-step errors (a step estimate here, not Taylor's joint fit).
///
/// - The additive form tolerates zeros. A slot of the week never seen with volume in the fitting window
///   (closed) and a missing value (`.nan`: no row, an event day, an outlier) are both replaced by their
///   one-step forecast, so they move no state, and a closed slot is forecast 0.
/// - The smoothing parameters come from a small grid (4 x 4 x 3; `delta` is 0 for daily data, where the
///   daily cycle is one interval) by the least one-step squared error over the last `fitWeeks` weeks, the
///   first two of which only set the starting state: level the mean of the first week, weekly terms
///   the first two weeks' mean deviations from it, daily terms 0.
///
/// Assumes both cycles are stable and the level moves smoothly; Taylor (2008, Management Science 54:253)
/// finds it best on bank call centres at lead times of hours to a day or two, and weekly averages better
/// beyond. Wins when the level or the intraday shape moves in the weeks before the origin.
public struct DoubleSeasonalHoltWinters: ForecastModel {
    /// Weeks of history the parameters are fitted on (the last ones before the origin).
    public let fitWeeks: Int

    /// - Throws: `ShiftcastError(.invalidArgument)` for fewer than three weeks.
    public init(fitWeeks: Int = 12) throws {
        guard fitWeeks >= 3 else {
            throw ShiftcastError(.invalidArgument, "double seasonal Holt-Winters needs at least three weeks to fit; got \(fitWeeks)")
        }
        self.fitWeeks = fitWeeks
    }

    public var name: String { "double-seasonal" }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int { 21 }

    /// Smoothing parameters.
    public struct Parameters: Sendable, Equatable {
        public var alpha: Double
        public var delta: Double
        public var omega: Double
    }

    /// The fitted state after the last interval of the window, for forecasting.
    struct State {
        var level: Double
        var daily: [Double]
        var weekly: [Double]
        var lastError: Double
        var squaredError: Double
        var autocorrelation: Double
    }

    /// - Complexity: O(grid x fitWeeks x slotsPerWeek + horizon), the grid 48 runs (12 for daily data).
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let week = input.slotsPerWeek
        let start = max(0, input.origin - fitWeeks * week)
        let window = Array(input.values[start..<input.origin])
        let open = Self.openSlots(window, start: start, week: week)
        let parameters = Self.fitted(window, start: start, slotsPerDay: input.slotsPerDay, open: open)
        guard let state = Self.run(window, start: start, slotsPerDay: input.slotsPerDay, open: open, parameters: parameters) else {
            let known = window.filter { !$0.isNaN }
            let mean = known.isEmpty ? 0 : known.reduce(0, +) / Double(known.count)
            return [Double](repeating: mean, count: horizon)
        }
        var damping = 1.0
        return (0..<horizon).map { offset in
            let position = input.origin + offset
            damping *= state.autocorrelation
            guard open[position % week] else { return 0 }
            return state.level + state.daily[position % input.slotsPerDay] + state.weekly[position % week]
                + damping * state.lastError
        }
    }

    /// The parameters of the grid with the least one-step squared error on `window`.
    static func fitted(_ window: [Double], start: Int, slotsPerDay: Int, open: [Bool]) -> Parameters {
        var best = Parameters(alpha: 0.05, delta: 0, omega: 0.1)
        var bestError = Double.infinity
        let deltas = slotsPerDay == 1 ? [0.0] : [0.0, 0.01, 0.05, 0.15]
        for alpha in [0.001, 0.003, 0.01, 0.03] {
            for delta in deltas {
                for omega in [0.01, 0.05, 0.15] {
                    let parameters = Parameters(alpha: alpha, delta: delta, omega: omega)
                    guard let state = run(window, start: start, slotsPerDay: slotsPerDay, open: open, parameters: parameters)
                    else { return best }
                    if state.squaredError < bestError { bestError = state.squaredError; best = parameters }
                }
            }
        }
        return best
    }

    /// Which slots of the week (by position modulo the week) saw volume in the window.
    static func openSlots(_ window: [Double], start: Int, week: Int) -> [Bool] {
        var open = [Bool](repeating: false, count: week)
        for (index, value) in window.enumerated() where value > 0 { open[(start + index) % week] = true }
        return open
    }

    /// Smooths `window` (positions `start...`) with `parameters`.
    /// - Returns: the final state; `nil` when the window holds less than three weeks.
    static func run(_ window: [Double], start: Int, slotsPerDay: Int, open: [Bool], parameters: Parameters) -> State? {
        let week = 7 * slotsPerDay
        guard window.count >= 3 * week else { return nil }
        // Starting state from the first two weeks.
        var firstWeek = 0.0, firstCount = 0
        for index in 0..<week where !window[index].isNaN && open[(start + index) % week] {
            firstWeek += window[index]; firstCount += 1
        }
        var level = firstCount > 0 ? firstWeek / Double(firstCount) : 0
        var weekly = [Double](repeating: 0, count: week)
        for slot in 0..<week {
            var total = 0.0, count = 0
            for index in [slot, slot + week] where !window[index].isNaN {
                total += window[index]; count += 1
            }
            let position = (start + slot) % week
            weekly[position] = count > 0 && open[position] ? total / Double(count) - level : 0
        }
        var daily = [Double](repeating: 0, count: slotsPerDay)
        var squaredError = 0.0, lastError = 0.0, previous = 0.0
        var lagProduct = 0.0, errorSquares = 0.0
        for index in (2 * week)..<window.count {
            let position = start + index
            let weekSlot = position % week, daySlot = position % slotsPerDay
            let value = window[index]
            guard open[weekSlot], !value.isNaN else { continue }
            let error = value - (level + daily[daySlot] + weekly[weekSlot])
            squaredError += error * error
            lagProduct += error * previous
            errorSquares += error * error
            previous = error
            lastError = error
            level += parameters.alpha * error
            daily[daySlot] += parameters.delta * error
            weekly[weekSlot] += parameters.omega * error
        }
        let autocorrelation = errorSquares > 0 ? min(max(lagProduct / errorSquares, 0), 0.99) : 0
        return State(level: level, daily: daily, weekly: weekly, lastError: lastError,
                     squaredError: squaredError, autocorrelation: autocorrelation)
    }
}
