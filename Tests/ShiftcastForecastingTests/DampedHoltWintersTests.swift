@testable import ShiftcastForecasting
import Testing

@Suite struct DampedHoltWintersTests {
    @Test func followsATrendAndAWeeklySeason() {
        let season = [5.0, 3, 3, 3, 2, 1, 0]
        let series: [Double] = (0..<140).map { (t: Int) -> Double in 100 + 0.5 * Double(t) + 10 * season[t % 7] }
        let model = DampedHoltWinters.fitted(to: series, period: 7)
        let forecast = model.run(series, horizon: 7).forecast
        for h in 0..<7 {
            let truth: Double = 100 + 0.5 * Double(140 + h) + 10 * season[(140 + h) % 7]
            let relativeError: Double = abs(forecast[h] - truth) / truth
            #expect(relativeError < 0.03, "day \(h): \(forecast[h]) vs \(truth)")
        }
    }

    @Test func missingValuesMoveNoState() {
        let series = [Double](repeating: 50, count: 28) + [.nan, .nan] + [Double](repeating: 50, count: 5)
        let forecast = DampedHoltWinters(alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.9, period: 7).run(series, horizon: 3).forecast
        for value in forecast { #expect(abs(value - 50) < 1e-9) }
    }
}
