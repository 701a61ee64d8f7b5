import Foundation

// The after-effects of ``EventEffects``: the days after each past occurrence, and the effect of each kind
// on them, learned by backfitting where the days after occurrences of two kinds overlap.

extension EventEffects {
    /// The days after one past occurrence that can be scored (before the origin, not an event day, with a
    /// baseline), for learning its kind's after-effect.
    struct Aftermath {
        var kind: String
        /// The occurrence's last day, in the history's day numbering.
        var last: Int
        /// Each scored day: its offset after the occurrence (0 is the first day after), the day, and its
        /// baseline from the weeks before the occurrence.
        var days: [(offset: Int, day: Int, baseline: Double)]
    }

    /// The aftermaths of the past occurrences without `uplift`, in calendar order. An after-effect is
    /// learned only from an occurrence whose whole window of ``tailDays`` days after it (and the
    /// ``tailSmoothing`` days beyond) has been seen: a window cut by the origin cannot tell an after-effect
    /// from a change of level. An occurrence with no day to score gives none.
    static func aftermaths(calendar: EventCalendar, history: HistorySeries, days: DayTotals) -> [Aftermath] {
        var result: [Aftermath] = []
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            guard first >= 0, last < days.originDay, last + tailDays + tailSmoothing < days.originDay else { continue }
            var scored: [(offset: Int, day: Int, baseline: Double)] = []
            for offset in 0..<tailDays where !(last + 1 + offset < days.eventDays.count && days.eventDays[last + 1 + offset]) {
                let day = last + 1 + offset
                guard let base = days.scoredBaseline(day, before: first) else { continue }
                scored.append((offset, day, base))
            }
            if !scored.isEmpty { result.append(Aftermath(kind: occurrence.kind, last: last, days: scored)) }
        }
        return result
    }

    /// Learns each kind's after-effect from the aftermaths of its occurrences.
    ///
    /// The after-effect on day k after an occurrence: for each occurrence, the ratio of the actual to the
    /// baseline totals of days k - 2 ... k + 2 after it (a closed day has no baseline and adds nothing, so
    /// a Saturday after a Friday mail-out borrows from the Thursday before and the Monday after); the
    /// median over the n occurrences (one occurrence that met another kind's surge does not make the
    /// kind's), shrunk by n / (n + 1), and kept where it stands out from ordinary days by more than three
    /// standard errors of a mean of that many day ratios.
    struct AfterEffectLearner {
        let aftermaths: [Aftermath]
        /// Volume of each whole day before the origin (``DayTotals/totals``).
        let totals: [Double]
        /// The spread of ordinary days' ratios (``DayTotals/ordinarySpread()``).
        let spread: Double
        /// The kinds learned, in the order of their first occurrence with an aftermath: the order in which
        /// backfitting lets them claim shared days.
        let kinds: [String]

        /// - Parameter learned: the kinds with a day effect learned (``EventEffects/multipliers``); only
        ///   they learn an after-effect.
        init(aftermaths: [Aftermath], totals: [Double], spread: Double, learned: [String: [Double]]) {
            self.aftermaths = aftermaths
            self.totals = totals
            self.spread = spread
            var kinds: [String] = []
            for record in aftermaths where learned[record.kind] != nil && !kinds.contains(record.kind) {
                kinds.append(record.kind)
            }
            self.kinds = kinds
        }

        /// The after-effect of each kind where one stood out, by backfitting (Hastie and Tibshirani,
        /// generalized additive models, on the log scale): where the days after occurrences of two kinds
        /// overlap (a due date nine days after a bill mail-out), each kind's after-effect is learned from
        /// the days divided by the other occurrences' after-effects as learned so far, kind by kind in the
        /// order of their first occurrence (Gauss-Seidel: the earlier surge claims the days first), three
        /// sweeps; so one surge is not learned twice and multiplied.
        func backfitted() -> [String: [Double]] {
            var tails: [String: [Double]] = [:]
            for _ in 0..<3 {
                for kind in kinds { tails[kind] = effect(of: sums(of: kind, dividedBy: tails)) }
            }
            return tails
        }

        /// The after-effect of a family, from all the occurrences of its kinds, each divided by the other
        /// occurrences' learned after-effects `tails`: the after-effect lent to a kind never seen.
        func familyEffect(_ family: String, families: [String: String], tails: [String: [Double]]) -> [Double]? {
            let members = kinds.filter { families[$0] == family }
            return effect(of: members.flatMap { sums(of: $0, dividedBy: tails) })
        }

        /// The after-effect from the sums of some occurrences' days after them (one entry per occurrence,
        /// by offset): 1 on each day where none stood out; `nil` when none did on any day.
        func effect(of occurrences: [[DaySum]]) -> [Double]? {
            var values = [Double](repeating: 1, count: EventEffects.tailDays)
            for offset in values.indices {
                var ratios: [Double] = [], days = 0
                for entry in occurrences where !entry.isEmpty {
                    let smoothing = EventEffects.tailSmoothing
                    let window = entry[max(0, min(offset - smoothing, entry.count - 1))...min(entry.count - 1, offset + smoothing)]
                    let actual = window.reduce(0) { $0 + $1.actual }, base = window.reduce(0) { $0 + $1.baseline }
                    guard offset - smoothing < entry.count, base > 0 else { continue }
                    ratios.append(actual / base)
                    days += window.reduce(0) { $0 + $1.count }
                }
                guard !ratios.isEmpty else { continue }
                let value = DaySum(actual: median(ratios), baseline: 1, count: ratios.count).shrunk()
                if abs(value - 1) > 3 * spread / Double(days).squareRoot() { values[offset] = value }
            }
            return values.contains(where: { $0 != 1 }) ? values : nil
        }

        /// The days after each occurrence of `kind`, summed by offset, each day's total divided by the
        /// after-effects in `current` of the other occurrences whose days after them cover it.
        func sums(of kind: String, dividedBy current: [String: [Double]]) -> [[DaySum]] {
            var covering: [Int: [(record: Int, value: Double)]] = [:]
            for (index, record) in aftermaths.enumerated() {
                guard let tail = current[record.kind] else { continue }
                for offset in tail.indices where tail[offset] != 1 {
                    covering[record.last + 1 + offset, default: []].append((index, tail[offset]))
                }
            }
            var result: [[DaySum]] = []
            for (index, record) in aftermaths.enumerated() where record.kind == kind {
                var entry: [DaySum] = []
                for item in record.days {
                    var others = 1.0
                    for cover in covering[item.day] ?? [] where cover.record != index { others *= cover.value }
                    while entry.count <= item.offset { entry.append(DaySum()) }
                    entry[item.offset].add(actual: others > 0 ? totals[item.day] / others : totals[item.day],
                                           baseline: item.baseline)
                }
                result.append(entry)
            }
            return result
        }
    }
}
