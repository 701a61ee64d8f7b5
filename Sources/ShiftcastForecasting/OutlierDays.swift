import Foundation

/// Days whose total is far from what the same weekday usually holds, outside any known event: an outage,
/// a system fault, a day exported twice. They are kept out of model fits and reported to the user.
///
/// A day's ratio is its total over the median total of the same weekday in the four weeks either side
/// (event days left out, never after the origin). On the log scale, ordinary days spread by `s` = 1.4826 x
/// the median absolute log ratio (a robust standard deviation, Rousseeuw and Croux 1993); a day beyond
/// `threshold x s` (5 by default) is an outlier, unless the days around it moved the same way
/// (``isolated(_:_:limit:)``): a step in level is not an outlier. A day with no contacts where the same
/// weekday usually has some is one on the same terms. Weekdays that are usually closed (median 0) are never
/// judged.
public struct OutlierDays: Sendable, Equatable {
    /// Day numbers of the history (0 = its first day), in order.
    public var days: [Int]

    /// - Complexity: O(origin + days x 8).
    public init(history: HistorySeries, calendar: EventCalendar, origin: Int, threshold: Double = 5) {
        let totals = history.dayTotals(before: origin)
        let eventDays = calendar.eventDays(in: history)
        var logRatios = [Double](repeating: .nan, count: totals.count)
        for day in totals.indices where !eventDays[day] && !totals[day].isNaN {
            var sample: [Double] = []
            for week in [-4, -3, -2, -1, 1, 2, 3, 4] {
                let other = day + 7 * week
                guard other >= 0, other < totals.count, !eventDays[other], !totals[other].isNaN else { continue }
                sample.append(totals[other])
            }
            guard sample.count >= 3 else { continue }
            let base = median(sample)
            guard base > 0 else { continue }
            logRatios[day] = totals[day] > 0 ? (totals[day] / base).logarithm : -.infinity
        }
        let ordinary = logRatios.filter { $0.isFinite }.map { abs($0) }
        let spread = ordinary.isEmpty ? .infinity : 1.4826 * median(ordinary)
        let limit = threshold * max(spread, 0.01)
        days = logRatios.indices.filter { abs(logRatios[$0]) > limit && Self.isolated($0, logRatios, limit: limit) }
    }

    /// Whether fewer than half of the judged days within three days either side moved the same way by
    /// half as much: an outage or a day exported twice stands alone, a change of level does not (its
    /// days are kept, so the models can follow it).
    static func isolated(_ day: Int, _ logRatios: [Double], limit: Double) -> Bool {
        var judged = 0, alike = 0
        for other in max(0, day - 3)...min(logRatios.count - 1, day + 3) where other != day && !logRatios[other].isNaN {
            judged += 1
            if (logRatios[other] > 0) == (logRatios[day] > 0), abs(logRatios[other]) > limit / 2 { alike += 1 }
        }
        return 2 * alike < judged
    }
}

extension Double {
    fileprivate var logarithm: Double { Foundation.log(self) }
}
