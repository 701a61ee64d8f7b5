import Foundation

// The first steps of ``EventEffects``: each day's total and baseline, the spread of ordinary days, and the
// score of every day of a past occurrence against its baseline.

extension EventEffects {
    /// The actual and baseline volume of some scored days added up, and how many days were added: one day
    /// of an occurrence (or one day after it) over the kind's occurrences, or a family's pool of them.
    struct DaySum {
        var actual = 0.0
        var baseline = 0.0
        var count = 0

        /// Adds one scored day.
        mutating func add(actual: Double, baseline: Double) {
            self.actual += actual
            self.baseline += baseline
            count += 1
        }

        /// The ratio shrunk toward `target` by `n / (n + 1)` for `n` days; a near-closed ratio (below 0.15)
        /// is kept, since a closure is not noise.
        func shrunk(toward target: Double = 1) -> Double {
            let ratio = actual / baseline
            let n = Double(count)
            return ratio < 0.15 ? ratio : target + n / (n + 1) * (ratio - target)
        }
    }

    /// Each whole day's total before the origin, which days an occurrence touches, and the baseline a
    /// day's total is compared with: the yardstick of every effect learned.
    struct DayTotals {
        /// Volume of each whole day before the origin (`.nan` for a day with a missing interval).
        let totals: [Double]
        /// By day of the history, whether an occurrence touches it.
        let eventDays: [Bool]
        /// The first day not complete before the origin.
        let originDay: Int

        init(calendar: EventCalendar, history: HistorySeries, origin: Int) {
            originDay = origin / history.slotsPerDay  // days before it are complete before the origin
            eventDays = calendar.eventDays(in: history)
            totals = history.dayTotals(before: origin)
        }

        /// The same weekday's median total over the four weeks before `before` (event days left out);
        /// `nil` with fewer than two such days in the eight weeks before it.
        func baseline(_ day: Int, before: Int) -> Double? {
            var sample: [Double] = []
            var other = day - 7 * ((day - before) / 7 + 1)
            while other >= 0, sample.count < 4, other > before - 8 * 7 {
                if !eventDays[other], !totals[other].isNaN { sample.append(totals[other]) }
                other -= 7
            }
            return sample.count >= 2 ? median(sample) : nil
        }

        /// The positive baseline of `day` from the weeks before day `start` (an occurrence's first day),
        /// when the day can be scored: before the origin, its total known, and a baseline above 0.
        func scoredBaseline(_ day: Int, before start: Int) -> Double? {
            guard day < originDay, !totals[day].isNaN, let base = baseline(day, before: start), base > 0 else { return nil }
            return base
        }

        /// The spread of ordinary days (no occurrence) around their baselines, as a ratio (1.4826 x the
        /// median absolute deviation of the ratios from 1) and on the log scale (at least 0.01); 0.5 when
        /// no ordinary day can be scored. The placebo distribution an event's effect must stand out from.
        func ordinarySpread() -> (ratio: Double, log: Double) {
            var deviations: [Double] = [], logDeviations: [Double] = []
            for day in 0..<originDay where !eventDays[day] && !totals[day].isNaN {
                if let base = baseline(day, before: day), base > 0 {
                    deviations.append(abs(totals[day] / base - 1))
                    if totals[day] > 0 { logDeviations.append(abs(log(totals[day] / base))) }
                }
            }
            let spread = deviations.isEmpty ? 0.5 : 1.4826 * median(deviations)
            let logSpread = logDeviations.isEmpty ? 0.5 : max(1.4826 * median(logDeviations), 0.01)
            return (spread, logSpread)
        }
    }

    /// Whether a day effect is told from ordinary variation, and the effect applied.
    struct DayEffectTest {
        /// The spread of ordinary days' log ratios (``DayTotals/ordinarySpread()``).
        let logSpread: Double

        /// A day effect that stands out from ordinary days (closures always do): its log ratio beyond
        /// ``EventEffects/evidenceThreshold`` standard errors of a mean of `count` ordinary days' log ratios.
        func standsOut(_ item: DaySum) -> Bool {
            let ratio = item.actual / item.baseline
            guard ratio >= 0.15 else { return true }
            return abs(log(ratio)) > EventEffects.evidenceThreshold * logSpread / Double(item.count).squareRoot()
        }

        /// The effect applied: shrunk toward `target` when it stands out, else `target` itself.
        func applied(_ item: DaySum, toward target: Double = 1) -> Double {
            standsOut(item) ? item.shrunk(toward: target) : target
        }
    }

    /// What the days of the past occurrences (those without `uplift` that lie wholly in the history before
    /// the origin) showed, kind by kind: each day of an occurrence scored against its baseline, first the
    /// days only one kind touches, then the days two kinds share.
    struct OccurrenceScores {
        /// By kind, by day of an occurrence (the last of ``EventEffects/maxDays`` holding for longer
        /// ones), its scored days summed over the occurrences; every kind with such an occurrence has an
        /// entry, empty when none of its days could be scored.
        var sums: [String: [DaySum]] = [:]
        /// Every scored day's ratio with its kind, in the order scored: which way each kind moved volume.
        var dayRatios: [(kind: String, ratio: Double)] = []
        /// By kind, the ratio of all its own (unshared) scored days: the effect another kind sharing a
        /// day is divided by. Missing for a kind with none.
        var ownRatios: [String: Double] = [:]

        /// A day of an occurrence another kind also touches, scored once the kinds' own days are.
        private typealias SharedDay = (kind: String, index: Int, day: Int, first: Int)

        init(calendar: EventCalendar, history: HistorySeries, days: DayTotals) {
            let kindsOnDay = Self.kindsOnDay(calendar: calendar, history: history)
            let shared = scoreOwnDays(calendar: calendar, history: history, days: days, kindsOnDay: kindsOnDay)
            for (kind, entry) in sums {
                let actual = entry.reduce(0) { $0 + $1.actual }, base = entry.reduce(0) { $0 + $1.baseline }
                if base > 0 { ownRatios[kind] = actual / base }
            }
            scoreSharedDays(shared, calendar: calendar, history: history, days: days, kindsOnDay: kindsOnDay)
        }

        /// The kinds touching each day (with `uplift` or not): a day a kind shares with another kind says
        /// less about either.
        private static func kindsOnDay(calendar: EventCalendar, history: HistorySeries) -> [Int: Set<String>] {
            var kindsOnDay: [Int: Set<String>] = [:]
            for occurrence in calendar.occurrences {
                for day in occurrence.days { kindsOnDay[Int(day - history.firstDay), default: []].insert(occurrence.kind) }
            }
            return kindsOnDay
        }

        /// Scores each day only one kind touches into ``sums`` and ``dayRatios``, occurrence by occurrence
        /// in calendar order; returns the shared days, in the same order, for ``scoreSharedDays``.
        private mutating func scoreOwnDays(calendar: EventCalendar, history: HistorySeries, days: DayTotals,
                                           kindsOnDay: [Int: Set<String>]) -> [SharedDay] {
            var shared: [SharedDay] = []
            for occurrence in calendar.occurrences where occurrence.uplift == nil {
                let first = Int(occurrence.days.lowerBound - history.firstDay)
                let last = Int(occurrence.days.upperBound - history.firstDay)
                guard first >= 0, last < days.originDay else { continue }
                var entry = sums[occurrence.kind] ?? []
                for day in first...last {
                    let index = min(day - first, EventEffects.maxDays - 1)
                    if kindsOnDay[day, default: []].count > 1 { shared.append((occurrence.kind, index, day, first)); continue }
                    guard let base = days.scoredBaseline(day, before: first) else { continue }
                    while entry.count <= index { entry.append(DaySum()) }
                    entry[index].add(actual: days.totals[day], baseline: base)
                    dayRatios.append((occurrence.kind, days.totals[day] / base))
                }
                sums[occurrence.kind] = entry
            }
            return shared
        }

        /// A kind whose every past day was shared with another kind learns from those days, each divided
        /// by the other kinds' effects (stated, or learned from their own days); a day another kind closed
        /// says nothing and is skipped (a payment due date that fell on a holiday is not a closure of its
        /// own).
        private mutating func scoreSharedDays(_ sharedDays: [SharedDay], calendar: EventCalendar, history: HistorySeries,
                                              days: DayTotals, kindsOnDay: [Int: Set<String>]) {
            for shared in sharedDays where ownRatios[shared.kind] == nil {
                var others = 1.0
                for other in kindsOnDay[shared.day, default: []].sorted() where other != shared.kind {
                    if let stated = calendar.occurrences.first(where: {
                        $0.kind == other && $0.uplift != nil && $0.days.contains(history.firstDay + Int64(shared.day))
                    })?.uplift {
                        others *= stated
                    } else {
                        others *= ownRatios[other] ?? 1
                    }
                }
                guard others >= 0.15, let base = days.scoredBaseline(shared.day, before: shared.first) else { continue }
                var entry = sums[shared.kind] ?? []
                while entry.count <= shared.index { entry.append(DaySum()) }
                entry[shared.index].add(actual: days.totals[shared.day] / others, baseline: base)
                sums[shared.kind] = entry
                dayRatios.append((shared.kind, days.totals[shared.day] / others / base))
            }
        }
    }
}
