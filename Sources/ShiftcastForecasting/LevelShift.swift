import Foundation

/// A sustained change of level in the last two weeks before the origin that a model's forecast has not
/// followed (issue 8): weekly averages over four to eight weeks lag a step in volume for weeks.
///
/// Each of the last 14 whole days before the origin (event, outlier and closed days left out, and the
/// days after an occurrence whose aftermath is not known; the days after one whose after-effect was
/// learned are read divided by it) is compared with the model's forecast for the
/// same weekday in the first week ahead: `ratio = actual day total / forecast day total`. The factor is
/// the median ratio of those days, applied to the whole horizon, only when
/// - both weeks agree: the median ratios of the last week and of the week before lie on the same side of
///   1 (a step, not one odd week), and
/// - it stands out: its log lies beyond ``evidenceThreshold`` standard errors, the day-to-day spread of
///   the log ratios within each week (1.4826 x their median absolute deviation) over the square root of
///   the days, so noise does not move the forecast.
/// A robust level factor in the sense of Ibrahim et al. (2016): the shape stays the model's, the level
/// follows the data; the median keeps one odd day from moving it.
struct LevelShift {
    /// The factor for the forecast: 1 when no shift stands out.
    let factor: Double

    static let evidenceThreshold = 3.0
    static let days = 14

    /// - Parameters:
    ///   - values: the history the model saw (`.nan` where kept out), up to the origin.
    ///   - forecast: the model's forecast from the origin.
    ///   - unexplained: by day of the history, the days not to read (``EventEffects/unexplainedAftermath(calendar:history:days:)``).
    init(values: [Double], forecast: [Double], slotsPerDay slots: Int, unexplained: [Bool] = []) {
        factor = Self.factor(values: values, forecast: forecast, slots: slots, unexplained: unexplained) ?? 1
    }

    private static func factor(values: [Double], forecast: [Double], slots: Int, unexplained: [Bool]) -> Double? {
        let origin = values.count
        // The forecast's first whole week by weekday position (day of the week counted from the origin).
        let firstWhole = (slots - origin % slots) % slots
        guard forecast.count >= firstWhole + 7 * slots else { return nil }
        func total(_ series: [Double], day start: Int) -> Double? {
            let slice = series[start..<(start + slots)]
            return slice.contains(where: \.isNaN) ? nil : slice.reduce(0, +)
        }
        var recent: [Double] = [], earlier: [Double] = []
        let lastWholeEnd = origin - origin % slots
        for back in 1...days {
            let start = lastWholeEnd - back * slots
            let day = start / slots
            guard start >= 0, !(day < unexplained.count && unexplained[day]), let actual = total(values, day: start) else { continue }
            // The same weekday in the forecast's first whole week.
            let offset = ((start - (origin + firstWhole)) % (7 * slots) + 7 * slots) % (7 * slots)
            guard let expected = total(forecast, day: firstWhole + offset), expected > 0, actual > 0 else { continue }
            if back <= 7 { recent.append(actual / expected) } else { earlier.append(actual / expected) }
        }
        guard recent.count >= 4, earlier.count >= 4 else { return nil }
        // Both weeks on the same side: a step, not one odd week.
        guard (median(recent) > 1) == (median(earlier) > 1) else { return nil }
        let level = median(recent + earlier)
        // The day-to-day spread within each week, so a difference between the weeks does not count as noise.
        var deviations: [Double] = []
        for week in [recent, earlier] {
            let centre = log(median(week))
            deviations += week.map { abs(log($0) - centre) }
        }
        let spread = max(1.4826 * median(deviations), 0.02)
        let seen = Double(recent.count + earlier.count)
        guard abs(log(level)) > evidenceThreshold * spread / seen.squareRoot() else { return nil }
        return level
    }
}
