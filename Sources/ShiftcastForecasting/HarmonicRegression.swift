import Foundation

/// Dynamic harmonic regression: a linear trend plus Fourier terms for the daily cycle, fitted by least
/// squares (LAPACK) on the last `weeks` weeks, separately for each weekday so that each weekday keeps
/// its own daily shape (the weekly cycle as weekday-by-daily-Fourier interaction).
///
/// Source: Hyndman and Athanasopoulos, FPP3, sections 7.4 and 12.1 (harmonic regression for multiple
/// seasonalities); Young, Pedregal and Tych (1999) for the name. Event days arrive as missing values and
/// drop out of the fit, which is what a dummy per event day would do. Assumes smooth daily shapes and a
/// linear drift; wins on growing or shrinking series with a clean daily cycle.
public struct HarmonicRegression: ForecastModel {
    public let weeks: Int
    public let maxHarmonics: Int

    public init(weeks: Int = 10, maxHarmonics: Int = 10) {
        self.weeks = weeks
        self.maxHarmonics = maxHarmonics
    }

    public var name: String { "harmonic" }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int { 21 }

    /// - Complexity: O(7 x weeks x slotsPerDay x columns^2), columns = 2 + 2 x harmonics.
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let slots = input.slotsPerDay
        let harmonics = min(maxHarmonics, (slots - 1) / 2)
        let columns = 2 + 2 * harmonics
        let firstPosition = max(0, input.origin - 7 * weeks * slots)
        let originDay = Double(input.origin) / Double(slots)
        func features(_ position: Int, into row: inout [Double]) {
            let day = Double(position / slots)
            let angle = 2 * Double.pi * Double(position % slots) / Double(slots)
            row[0] = 1
            row[1] = (day - originDay) / 7  // weeks from the origin
            for k in 0..<harmonics {
                row[2 + 2 * k] = cos(Double(k + 1) * angle)
                row[3 + 2 * k] = sin(Double(k + 1) * angle)
            }
        }
        var coefficients = [[Double]](repeating: [Double](repeating: 0, count: columns), count: 7)
        var row = [Double](repeating: 0, count: columns)
        for weekday in 1...7 {
            var positions: [Int] = []
            for position in firstPosition..<input.origin
            where input.weekday(at: position) == weekday && !input.values[position].isNaN {
                positions.append(position)
            }
            guard positions.count >= columns else { continue }
            var design = [Double](repeating: 0, count: positions.count * columns)
            for (r, position) in positions.enumerated() {
                features(position, into: &row)
                for c in 0..<columns { design[c * positions.count + r] = row[c] }
            }
            coefficients[weekday - 1] = LeastSquares.solve(design: design, rows: positions.count, columns: columns,
                                                           target: positions.map { input.values[$0] })
        }
        return (0..<horizon).map { offset in
            let position = input.origin + offset
            features(position, into: &row)
            let beta = coefficients[input.weekday(at: position) - 1]
            var value = 0.0
            for c in 0..<columns { value += beta[c] * row[c] }
            return value
        }
    }
}
