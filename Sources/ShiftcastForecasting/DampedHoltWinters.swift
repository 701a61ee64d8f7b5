/// Additive Holt-Winters with damped trend: the ETS(A,Ad,A) model, fitted by least one-step squared error
/// over a small grid of smoothing parameters.
///
/// Source: Hyndman and Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), sections 8.2-8.3;
/// Gardner and McKenzie (1985) for the damped trend. The additive form tolerates zeros (closed days).
/// A missing observation (`.nan`) is replaced by its one-step forecast, so it moves no state.
public struct DampedHoltWinters: Sendable {
    public var alpha: Double
    public var beta: Double
    public var gamma: Double
    public var phi: Double
    public let period: Int

    public init(alpha: Double, beta: Double, gamma: Double, phi: Double, period: Int) {
        self.alpha = alpha; self.beta = beta; self.gamma = gamma; self.phi = phi; self.period = period
    }

    /// The parameters from the grid with the least one-step squared error on `series`.
    /// - Complexity: O(grid size x series length), grid size 4 x 3 x 3 x 2.
    public static func fitted(to series: [Double], period: Int) -> DampedHoltWinters {
        var best = DampedHoltWinters(alpha: 0.2, beta: 0, gamma: 0.1, phi: 0.9, period: period)
        var bestError = Double.infinity
        for alpha in [0.05, 0.15, 0.3, 0.5] {
            for beta in [0.0, 0.01, 0.05] {
                for gamma in [0.02, 0.1, 0.25] {
                    for phi in [0.8, 0.95] {
                        let model = DampedHoltWinters(alpha: alpha, beta: beta, gamma: gamma, phi: phi, period: period)
                        let error = model.run(series, horizon: 0).squaredError
                        if error < bestError { bestError = error; best = model }
                    }
                }
            }
        }
        return best
    }

    /// Smooths `series` and forecasts the `horizon` values after it.
    /// - Returns: the forecasts and the sum of squared one-step errors after the first two seasons.
    /// - Complexity: O(series length + horizon).
    public func run(_ series: [Double], horizon: Int) -> (forecast: [Double], squaredError: Double) {
        let known = series.filter { !$0.isNaN }
        guard known.count >= period else {
            let mean = known.isEmpty ? 0 : known.reduce(0, +) / Double(known.count)
            return ([Double](repeating: mean, count: horizon), .infinity)
        }
        // Start from the first season: level its mean, seasonal terms the deviations from it.
        let firstSeason = (0..<period).map { series[$0].isNaN ? Double.nan : series[$0] }
        let seen = firstSeason.filter { !$0.isNaN }
        var level = seen.isEmpty ? known[0] : seen.reduce(0, +) / Double(seen.count)
        var trend = 0.0
        var seasonal = firstSeason.map { $0.isNaN ? 0 : $0 - level }
        var squaredError = 0.0
        for t in period..<series.count {
            let s = seasonal[t % period]
            let predicted = level + phi * trend + s
            let observed = series[t].isNaN ? predicted : series[t]
            let error = observed - predicted
            if t >= 2 * period { squaredError += error * error }
            let previousLevel = level
            level = previousLevel + phi * trend + alpha * error
            trend = phi * trend + beta * error
            seasonal[t % period] = s + gamma * error
        }
        var forecast: [Double] = []
        forecast.reserveCapacity(horizon)
        var damping = 0.0, power = 1.0
        for h in 1...max(horizon, 1) where horizon > 0 {
            power *= phi
            damping += power
            forecast.append(level + damping * trend + seasonal[(series.count + h - 1) % period])
        }
        return (forecast, squaredError)
    }
}
