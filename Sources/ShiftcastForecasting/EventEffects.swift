/// The effect of each kind of event, learned from its past occurrences: a multiplier of normal volume for
/// each day of an occurrence (day 1, day 2, ...), shrunk toward no effect in proportion to the evidence.
///
/// Method, after Aldor-Noiman, Feigin and Mandelbaum (2009) in spirit: for each past occurrence day, the
/// ratio of its total to a baseline (the median total of the same weekday in the four weeks before and
/// after, without event days and never after the origin). With `n` occurrences seen, the multiplier is
/// `1 + n / (n + 1) x (ratio - 1)`; a day that was near closed (ratio below 0.15) keeps its ratio, since a
/// closure is not noise. An occurrence with `uplift` uses it outright.
public struct EventEffects: Sendable {
    /// Multiplier by kind and by day of the occurrence (0-based); the last entry holds for longer ones.
    public var multipliers: [String: [Double]]
    /// Kinds of future occurrences with no past occurrence and no `uplift`: left at normal volume.
    public var unseenKinds: [String]

    /// Longest stretch of an occurrence given its own multiplier.
    static let maxDays = 62

    /// Learns from `history` positions before `origin`.
    /// - Complexity: O(days of occurrences x 8 weeks) after O(days x slotsPerDay) for day totals.
    public init(calendar: EventCalendar, history: HistorySeries, origin: Int) {
        let slots = history.slotsPerDay
        let originDay = origin / slots  // days before it are complete before the origin
        let eventDays = calendar.eventDays(in: history)
        var totals = [Double](repeating: .nan, count: originDay)
        for day in 0..<originDay {
            var total = 0.0
            for slot in 0..<slots {
                let value = history.volume[day * slots + slot]
                if value.isNaN { total = .nan; break }
                total += value
            }
            totals[day] = total
        }
        func baseline(_ day: Int) -> Double? {
            var sample: [Double] = []
            for week in [-4, -3, -2, -1, 1, 2, 3, 4] {
                let other = day + 7 * week
                guard other >= 0, other < originDay, !eventDays[other], !totals[other].isNaN else { continue }
                sample.append(totals[other])
            }
            return sample.count >= 2 ? median(sample) : nil
        }
        var sums: [String: [(actual: Double, baseline: Double, count: Int)]] = [:]
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            guard first >= 0, last < originDay else { continue }
            var entry = sums[occurrence.kind] ?? []
            for day in first...last {
                let index = min(day - first, Self.maxDays - 1)
                guard !totals[day].isNaN, let base = baseline(day), base > 0 else { continue }
                while entry.count <= index { entry.append((0, 0, 0)) }
                entry[index].actual += totals[day]
                entry[index].baseline += base
                entry[index].count += 1
            }
            sums[occurrence.kind] = entry
        }
        var multipliers: [String: [Double]] = [:]
        for (kind, entry) in sums where !entry.isEmpty {
            var values: [Double] = []
            for item in entry {
                guard item.count > 0 else { values.append(values.last ?? 1); continue }
                let ratio = item.actual / item.baseline
                let n = Double(item.count)
                values.append(ratio < 0.15 ? ratio : 1 + n / (n + 1) * (ratio - 1))
            }
            multipliers[kind] = values
        }
        self.multipliers = multipliers
        var unseen: [String] = []
        for occurrence in calendar.occurrences
        where occurrence.uplift == nil && multipliers[occurrence.kind] == nil
            && Int(occurrence.days.upperBound - history.firstDay) >= originDay && !unseen.contains(occurrence.kind) {
            unseen.append(occurrence.kind)
        }
        unseenKinds = unseen
    }

    /// The multiplier for each day from day `firstDay` (of the history's day numbering) for `days` days:
    /// the product over the occurrences touching that day.
    /// - Complexity: O(days + total days of the occurrences).
    public func dayMultipliers(calendar: EventCalendar, history: HistorySeries, firstDay: Int, days: Int) -> [Double] {
        var result = [Double](repeating: 1, count: days)
        for occurrence in calendar.occurrences {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            for day in max(first, firstDay)...max(last, firstDay) where day <= last && day < firstDay + days {
                let factor: Double
                if let uplift = occurrence.uplift {
                    factor = uplift
                } else if let learned = multipliers[occurrence.kind] {
                    factor = learned[min(day - first, learned.count - 1)]
                } else {
                    factor = 1
                }
                result[day - firstDay] *= factor
            }
        }
        return result
    }
}
