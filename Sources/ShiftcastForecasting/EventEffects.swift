/// The effect of each kind of event, learned from its past occurrences: a multiplier of normal volume for
/// each day of an occurrence (day 1, day 2, ...) and for each of the `tailDays` days after it, shrunk
/// toward no effect in proportion to the evidence.
///
/// Method, after Aldor-Noiman, Feigin and Mandelbaum (2009) in spirit and the advice of FORECASTING.md:
/// each day's ratio is its total over a baseline, the median total of the same weekday in the four weeks
/// before the occurrence (event days left out, never after the origin). With `n` occurrences seen, the
/// multiplier is `1 + n / (n + 1) x (ratio - 1)`; a day that was near closed (ratio below 0.15) keeps its
/// ratio, since a closure is not noise. A day after the occurrence counts only when its effect stands out
/// from ordinary days: more than twice their spread (1.4826 x the median absolute deviation of ordinary
/// days' ratios from 1) divided by the square root of `n`. An occurrence with `uplift` uses it outright.
public struct EventEffects: Sendable {
    /// Multiplier by kind and by day of the occurrence (0-based); the last entry holds for longer ones.
    public var multipliers: [String: [Double]]
    /// Multiplier by kind for the days after an occurrence ends (0 is the first day after); 1 where the
    /// effect did not stand out.
    public var tails: [String: [Double]]
    /// Kinds of future occurrences with no past occurrence and no `uplift`: left at normal volume.
    public var unseenKinds: [String]

    /// Longest stretch of an occurrence given its own multiplier.
    static let maxDays = 62
    /// Days after an occurrence whose effect is learned.
    public static let tailDays = 27

    /// Learns from `history` positions before `origin`.
    /// - Complexity: O(days x slotsPerDay) for day totals, then O(days of occurrences and their tails).
    public init(calendar: EventCalendar, history: HistorySeries, origin: Int) {
        let slots = history.slotsPerDay
        let originDay = origin / slots  // days before it are complete before the origin
        let eventDays = calendar.eventDays(in: history)
        let totals = history.dayTotals(before: origin)
        /// The same weekday's median total over the four weeks before `before` (event days left out).
        func baseline(_ day: Int, before: Int) -> Double? {
            var sample: [Double] = []
            var other = day - 7 * ((day - before) / 7 + 1)
            while other >= 0, sample.count < 4, other > before - 8 * 7 {
                if !eventDays[other], !totals[other].isNaN { sample.append(totals[other]) }
                other -= 7
            }
            return sample.count >= 2 ? median(sample) : nil
        }
        // Spread of ordinary days around their baseline.
        var deviations: [Double] = []
        for day in 0..<originDay where !eventDays[day] && !totals[day].isNaN {
            if let base = baseline(day, before: day), base > 0 { deviations.append(abs(totals[day] / base - 1)) }
        }
        let spread = deviations.isEmpty ? 0.5 : 1.4826 * median(deviations)

        typealias Sum = (actual: Double, baseline: Double, count: Int)
        func add(_ entry: inout [Sum], _ index: Int, _ day: Int, _ start: Int) {
            guard day < originDay, !totals[day].isNaN, let base = baseline(day, before: start), base > 0 else { return }
            while entry.count <= index { entry.append((0, 0, 0)) }
            entry[index].actual += totals[day]
            entry[index].baseline += base
            entry[index].count += 1
        }
        var sums: [String: [Sum]] = [:], tailSums: [String: [Sum]] = [:]
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            guard first >= 0, last < originDay else { continue }
            var entry = sums[occurrence.kind] ?? []
            for day in first...last { add(&entry, min(day - first, Self.maxDays - 1), day, first) }
            sums[occurrence.kind] = entry
            var tail = tailSums[occurrence.kind] ?? []
            for offset in 0..<Self.tailDays where !(last + 1 + offset < eventDays.count && eventDays[last + 1 + offset]) {
                add(&tail, offset, last + 1 + offset, first)
            }
            tailSums[occurrence.kind] = tail
        }
        func shrunk(_ item: Sum) -> Double {
            let ratio = item.actual / item.baseline
            let n = Double(item.count)
            return ratio < 0.15 ? ratio : 1 + n / (n + 1) * (ratio - 1)
        }
        var multipliers: [String: [Double]] = [:]
        for (kind, entry) in sums where !entry.isEmpty {
            var values: [Double] = []
            for item in entry { values.append(item.count > 0 ? shrunk(item) : values.last ?? 1) }
            multipliers[kind] = values
        }
        var tails: [String: [Double]] = [:]
        for (kind, entry) in tailSums where multipliers[kind] != nil {
            let values = entry.map { item -> Double in
                guard item.count > 0 else { return 1 }
                let value = shrunk(item)
                return abs(value - 1) > 3 * spread ? value : 1
            }
            if values.contains(where: { $0 != 1 }) { tails[kind] = values }
        }
        self.multipliers = multipliers
        self.tails = tails
        var unseen: [String] = []
        for occurrence in calendar.occurrences
        where occurrence.uplift == nil && multipliers[occurrence.kind] == nil
            && Int(occurrence.days.upperBound - history.firstDay) >= originDay && !unseen.contains(occurrence.kind) {
            unseen.append(occurrence.kind)
        }
        unseenKinds = unseen
    }

    /// For each of `days` days from `firstDay`, whether a learned tail (an effect that stood out after
    /// an occurrence) covers it: such days are kept out of the baseline fits like event days.
    public func tailDays(calendar: EventCalendar, history: HistorySeries, days: Int) -> [Bool] {
        var marks = [Bool](repeating: false, count: days)
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            guard let tail = tails[occurrence.kind] else { continue }
            let last = Int(occurrence.days.upperBound - history.firstDay)
            for (offset, value) in tail.enumerated() where value != 1 {
                let day = last + 1 + offset
                if day >= 0, day < days { marks[day] = true }
            }
        }
        return marks
    }

    /// The multiplier for each day from day `firstDay` (of the history's day numbering) for `days` days:
    /// the product over the occurrences touching that day and the learned tails of those just before it.
    /// - Complexity: O(days + total days of the occurrences).
    public func dayMultipliers(calendar: EventCalendar, history: HistorySeries, firstDay: Int, days: Int) -> [Double] {
        var result = [Double](repeating: 1, count: days)
        for occurrence in calendar.occurrences {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            if occurrence.uplift == nil, let tail = tails[occurrence.kind] {
                for (offset, value) in tail.enumerated() {
                    let day = last + 1 + offset
                    if day >= firstDay, day < firstDay + days { result[day - firstDay] *= value }
                }
            }
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
