import Foundation

/// The effect of each kind of event, learned from its past occurrences: a multiplier of normal volume for
/// each day of an occurrence (day 1, day 2, ...) and for each of the `tailDays` days after it, shrunk
/// toward no effect in proportion to the evidence.
///
/// Method, after Aldor-Noiman, Feigin and Mandelbaum (2009) in spirit and the advice of FORECASTING.md:
/// each day's ratio is its total over a baseline, the median total of the same weekday in the four weeks
/// before the occurrence (event days left out, never after the origin). With `n` occurrences seen, the
/// multiplier is `1 + n / (n + 1) x (ratio - 1)`; a day that was near closed (ratio below 0.15) keeps its
/// ratio, since a closure is not noise. A day two kinds share is left to the kind that has no day of its
/// own, divided by the other kinds' effects, and skipped when another kind closed it.
///
/// The after-effect on day `k` after an occurrence is the ratio of actual to baseline totals over days
/// `k - 2 ... k + 2` after it (a kernel over days, so closed weekend days borrow from their open
/// neighbours and one noisy day does not make a shape), the median over occurrences (robust to an
/// occurrence that met another kind's surge), shrunk as above, and kept only where it stands out from
/// ordinary days by more than three standard errors (spread / sqrt(days averaged), the spread 1.4826 x
/// the median absolute deviation of ordinary days' ratios from 1). Where the days after occurrences of
/// two kinds overlap, the after-effects are learned by backfitting (Hastie and Tibshirani, generalized
/// additive models): each kind's days divided by the others' after-effects, kinds in order of first
/// occurrence, three sweeps. An occurrence with `uplift` uses it outright.
///
/// Partial pooling: where a family of kinds (see ``families(_:)``) has seen kinds (one is enough for a
/// family named by a shared word, two for the family of the rest) whose past days all moved volume the
/// same way, its pooled multiplier replaces 1 as the target of the shrinkage, and a kind never seen gets
/// the pooled multipliers (as many days as the family's occurrences had) and the family's after-effect
/// (and is still listed in ``unseenKinds``).
///
/// The steps, in the order of ``init(calendar:history:origin:)``: day totals and baselines and the spread
/// of ordinary days (``DayTotals``, with the scoring in `EventDayScores.swift`); each past occurrence's
/// days scored, its own days and then the days it shares (``OccurrenceScores``); the partial pooling by
/// family (``pooledMultipliers(scores:families:test:)``); the multipliers
/// (``learnedMultipliers(sums:families:pooled:test:)``); the after-effects and their backfitting
/// (``AfterEffectLearner``, `EventAfterEffects.swift`); what unseen kinds borrow from their family
/// (``pooledForUnseenKinds(calendar:history:originDay:multipliers:families:pooled:afterEffects:tails:)``);
/// and a note per kind (``evidenceByKind(calendar:history:originDay:sums:test:)``, `EventEvidence.swift`).
public struct EventEffects: Sendable {
    /// Multiplier by kind and by day of the occurrence (0-based); the last entry holds for longer ones.
    public var multipliers: [String: [Double]]
    /// Multiplier by kind for the days after an occurrence ends (0 is the first day after); 1 where the
    /// effect did not stand out.
    public var tails: [String: [Double]]
    /// Kinds of future occurrences with no past occurrence and no `uplift`: given their family's pooled
    /// effect (``pooledEffects``) where there is one, else left at normal volume.
    public var unseenKinds: [String]
    /// For unseen kinds whose family has a pooled effect: that effect by day of the occurrence, applied
    /// in place of no effect (and still reported as a warning).
    public var pooledEffects: [String: [Double]]
    /// For unseen kinds whose family has a pooled effect: the family's after-effect, when one stood out.
    public var pooledTails: [String: [Double]]
    /// The pooling family of each kind without `uplift` (see ``families(_:)``).
    public var families: [String: String]
    /// Kinds with a past occurrence whose whole window of days after it was seen: their after-effect is
    /// known, whether one stood out (``tails``) or none did.
    public var aftermathSeen: Set<String>
    /// Per kind of the calendar, in name order: what its past occurrences showed and what is applied.
    public var evidence: [EventEvidence] = []
    /// The first day not wholly before the origin, in the history's day numbering.
    public var originDay: Int

    /// Longest stretch of an occurrence given its own multiplier.
    static let maxDays = 62
    /// Days after an occurrence whose effect is learned.
    public static let tailDays = 27
    /// Days either side whose after-effects are averaged into one day's.
    static let tailSmoothing = 2
    /// Standard errors by which a day effect must stand out from ordinary days to be applied (about a
    /// two-sided 5% test).
    static let evidenceThreshold = 2.0

    /// Learns from `history` positions before `origin`.
    /// - Complexity: O(days x slotsPerDay) for day totals, then O(days of occurrences and their tails).
    public init(calendar: EventCalendar, history: HistorySeries, origin: Int) {
        // Each day's total and baseline; the spread of ordinary days an effect must stand out from.
        let days = DayTotals(calendar: calendar, history: history, origin: origin)
        let spread = days.ordinarySpread()
        let test = DayEffectTest(logSpread: spread.log)
        // Each past occurrence's days against their baselines: its own days, then the days it shares.
        let scores = OccurrenceScores(calendar: calendar, history: history, days: days)
        // The day effects: pooled by family, then each kind's shrunk toward its family's pool.
        let families = Self.families(calendar.occurrences.filter { $0.uplift == nil }.map(\.kind))
        let pooled = Self.pooledMultipliers(scores: scores, families: families, test: test)
        let multipliers = Self.learnedMultipliers(sums: scores.sums, families: families, pooled: pooled, test: test)
        // The after-effects, backfitted where the days after occurrences of two kinds overlap.
        let aftermaths = Self.aftermaths(calendar: calendar, history: history, days: days)
        let afterEffects = AfterEffectLearner(aftermaths: aftermaths, totals: days.totals, spread: spread.ratio,
                                              learned: multipliers)
        let tails = afterEffects.backfitted()
        // What kinds never seen borrow from their family.
        let unseen = Self.pooledForUnseenKinds(calendar: calendar, history: history, originDay: days.originDay,
                                               multipliers: multipliers, families: families, pooled: pooled,
                                               afterEffects: afterEffects, tails: tails)
        self.multipliers = multipliers
        self.tails = tails
        originDay = days.originDay
        aftermathSeen = Set(aftermaths.map(\.kind))
        unseenKinds = unseen.kinds
        pooledEffects = unseen.effects
        pooledTails = unseen.tails
        self.families = families
        // A note per kind: what its days showed and what is applied.
        evidence = evidenceByKind(calendar: calendar, history: history, originDay: days.originDay,
                                  sums: scores.sums, test: test)
    }

    /// Partial pooling: the pooled multiplier by day of an occurrence of each family (``families(_:)``)
    /// that has one, the target its kinds shrink toward instead of no effect: its seen kinds' scored days
    /// summed day by day (kinds in name order), each day applied as a kind's own would be (shrunk toward
    /// 1 where it stands out). A family has one when it has a seen kind (two for the family of the rest)
    /// and its past event days all moved volume the same way (every day's ratio below 1, or every one
    /// above). The family of the rest, whose kinds share no word, pools only when every seen kind of it
    /// closed (a holidays calendar): kinds with nothing in common have no effect in common to lend (issue
    /// 8: a holiday pooled with a mail-out made an unseen outage day a closure; a surge pooled with a
    /// webinar that did nothing would make the next webinar a surge).
    static func pooledMultipliers(scores: OccurrenceScores, families: [String: String],
                                  test: DayEffectTest) -> [String: [Double]] {
        var pooled: [String: [Double]] = [:]
        for family in Set(families.values) {
            let members = scores.sums.filter { families[$0.key] == family && $0.value.contains { $0.count > 0 } }
            guard members.count >= (family.isEmpty ? 2 : 1) else { continue }
            if family.isEmpty, members.keys.contains(where: { (scores.ownRatios[$0] ?? 1) >= 0.15 }) { continue }
            var pool: [DaySum] = []
            for (_, entry) in members.sorted(by: { $0.key < $1.key }) {  // a fixed order: the same sums to the last bit
                for (index, item) in entry.enumerated() where item.count > 0 {
                    while pool.count <= index { pool.append(DaySum()) }
                    pool[index].actual += item.actual
                    pool[index].baseline += item.baseline
                    pool[index].count += item.count
                }
            }
            let directions = Set(scores.dayRatios.filter { families[$0.kind] == family }.map { $0.ratio < 1 })
            guard directions.count == 1 else { continue }
            var values: [Double] = []
            for item in pool { values.append(item.count > 0 ? test.applied(item) : values.last ?? 1) }
            pooled[family] = values
        }
        return pooled
    }

    /// The multipliers of each seen kind (``multipliers``) by day of an occurrence: each day's effect
    /// shrunk toward its family's pooled multiplier (or 1) where it stands out, else that target; a day
    /// with nothing scored repeats the day before. A kind seen only on days that said nothing about it
    /// (shared with a closure) keeps the family's pooled effect, or none.
    static func learnedMultipliers(sums: [String: [DaySum]], families: [String: String], pooled: [String: [Double]],
                                   test: DayEffectTest) -> [String: [Double]] {
        var multipliers: [String: [Double]] = [:]
        for (kind, entry) in sums {
            let pool = families[kind].flatMap { pooled[$0] }
            var values: [Double] = []
            for (index, item) in entry.enumerated() {
                let target = pool.map { $0[min(index, $0.count - 1)] } ?? 1
                values.append(item.count > 0 ? test.applied(item, toward: target) : values.last ?? target)
            }
            multipliers[kind] = values.isEmpty ? [pool?.first ?? 1] : values
        }
        return multipliers
    }

    /// The unseen kinds (``unseenKinds``): those without `uplift` that learned no multiplier and have an
    /// occurrence ending at or after the origin, in calendar order; and for each whose family pooled, what
    /// it borrows: the pooled multipliers and the family's after-effect (from all its members'
    /// occurrences, given the learned `tails`) where one stood out.
    static func pooledForUnseenKinds(calendar: EventCalendar, history: HistorySeries, originDay: Int,
                                     multipliers: [String: [Double]], families: [String: String],
                                     pooled: [String: [Double]], afterEffects: AfterEffectLearner,
                                     tails: [String: [Double]])
        -> (kinds: [String], effects: [String: [Double]], tails: [String: [Double]]) {
        var unseen: [String] = []
        var pooledUnseen: [String: [Double]] = [:]
        var pooledUnseenTails: [String: [Double]] = [:]
        for occurrence in calendar.occurrences
        where occurrence.uplift == nil && multipliers[occurrence.kind] == nil
            && Int(occurrence.days.upperBound - history.firstDay) >= originDay && !unseen.contains(occurrence.kind) {
            unseen.append(occurrence.kind)
            if let family = families[occurrence.kind], let pool = pooled[family] {
                pooledUnseen[occurrence.kind] = pool
                if let tail = afterEffects.familyEffect(family, families: families, tails: tails) {
                    pooledUnseenTails[occurrence.kind] = tail
                }
            }
        }
        return (unseen, pooledUnseen, pooledUnseenTails)
    }

    /// The family of each kind for pooling, from the words of its name (split at spaces, `_` and `-`):
    /// its first word when another kind starts with the same word (`Eve of Pesach`, `Eve of Shavuot`);
    /// else its last word when another such kind ends with it (`bill_mailed`, `nov_mailed`); else the
    /// family of the rest (an empty string).
    static func families(_ kinds: [String]) -> [String: String] {
        let distinct = Set(kinds)
        func words(_ kind: String) -> [String] {
            kind.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).map(String.init)
        }
        var firstCounts: [String: Int] = [:]
        for kind in distinct { firstCounts[words(kind).first ?? kind, default: 0] += 1 }
        var result: [String: String] = [:]
        var rest: [String] = []
        for kind in distinct {
            let first = words(kind).first ?? kind
            if firstCounts[first]! >= 2 { result[kind] = first } else { rest.append(kind) }
        }
        var lastCounts: [String: Int] = [:]
        for kind in rest where words(kind).count >= 2 { lastCounts[words(kind).last!, default: 0] += 1 }
        for kind in rest {
            let list = words(kind)
            result[kind] = list.count >= 2 && lastCounts[list.last!]! >= 2 ? list.last! : ""
        }
        return result
    }

    /// A short description of the pooled effect an unseen kind was given, for warnings.
    public func pooledDescription(of kind: String) -> String? {
        guard let values = pooledEffects[kind], let family = families[kind] else { return nil }
        let shown = values.prefix(3).map { String(format: "%.2f", $0) }.joined(separator: ", ")
        let source = family.isEmpty ? "the other event kinds" : "the event kinds sharing the word '\(family)'"
        return "the pooled effect of \(source) (x\(shown) of normal volume)"
    }

    /// Whether `occurrence` is running at the origin (begun before it, ending on or after it) with no
    /// effect learned or stated for its kind: its days so far are the only sign of what it does, and the
    /// most recent level. They stay in the models' fits and its remaining days get no multiplier (issue 8:
    /// a first month-long protest window hid the last four weeks of a history, and the forecast went back
    /// to the level of the month before it).
    public func isRunningWithoutEffect(_ occurrence: EventOccurrence, history: HistorySeries) -> Bool {
        let first = Int(occurrence.days.lowerBound - history.firstDay)
        let last = Int(occurrence.days.upperBound - history.firstDay)
        return occurrence.uplift == nil && multipliers[occurrence.kind] == nil && first < originDay && last >= originDay
    }

    /// For each of the first `days` days of the history (and past it), whether it is an event day the
    /// models do not see: a day of any occurrence but one running without an effect
    /// (``isRunningWithoutEffect(_:history:)``).
    public func hiddenDays(calendar: EventCalendar, history: HistorySeries) -> [Bool] {
        let running = EventCalendar(calendar.occurrences.filter { !isRunningWithoutEffect($0, history: history) })
        return running.eventDays(in: history)
    }

    /// For each of the first `days` days of the history, the product of the learned after-effects of
    /// past occurrences covering it (1 where none does). The models see those days divided by it, so the
    /// weeks after an occurrence stay in their fits at the level they show without it, rather than out.
    public func tailMultipliers(calendar: EventCalendar, history: HistorySeries, days: Int) -> [Double] {
        var result = [Double](repeating: 1, count: days)
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            guard let tail = tails[occurrence.kind] else { continue }
            let last = Int(occurrence.days.upperBound - history.firstDay)
            for (offset, value) in tail.enumerated() where value != 1 {
                let day = last + 1 + offset
                if day >= 0, day < days { result[day] *= value }
            }
        }
        return result
    }

    /// For each of the first `days` days of the history, whether it lies in the `tailDays` after an
    /// occurrence whose kind's aftermath has never been seen whole (a stated `uplift`, a kind whose only
    /// occurrences are this one or too recent): what such days show may be the occurrence's aftermath (a
    /// catch-up after a holiday, a mail-out's calls) as much as the level, so ``LevelShift`` does not
    /// read them.
    public func unexplainedAftermath(calendar: EventCalendar, history: HistorySeries, days: Int) -> [Bool] {
        var marks = [Bool](repeating: false, count: days)
        for occurrence in calendar.occurrences where occurrence.uplift != nil || !aftermathSeen.contains(occurrence.kind) {
            let last = Int(occurrence.days.upperBound - history.firstDay)
            for day in (last + 1)..<(last + 1 + Self.tailDays) where day >= 0 && day < days { marks[day] = true }
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
            if occurrence.uplift == nil, let tail = tails[occurrence.kind] ?? pooledTails[occurrence.kind] {
                for (offset, value) in tail.enumerated() {
                    let day = last + 1 + offset
                    if day >= firstDay, day < firstDay + days { result[day - firstDay] *= value }
                }
            }
            if isRunningWithoutEffect(occurrence, history: history) { continue }
            for day in max(first, firstDay)...max(last, firstDay) where day <= last && day < firstDay + days {
                let factor: Double
                if let uplift = occurrence.uplift {
                    factor = uplift
                } else if let learned = multipliers[occurrence.kind] {
                    factor = learned[min(day - first, learned.count - 1)]
                } else if let pool = pooledEffects[occurrence.kind] {
                    // Borrowed from other kinds: as far as their occurrences reached, no further.
                    factor = day - first < pool.count ? pool[day - first] : 1
                } else {
                    factor = 1
                }
                result[day - firstDay] *= factor
            }
        }
        return result
    }
}
