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
        // Spread of ordinary days around their baseline, as a ratio and on the log scale (the placebo
        // distribution an event's effect must stand out from).
        var deviations: [Double] = [], logDeviations: [Double] = []
        for day in 0..<originDay where !eventDays[day] && !totals[day].isNaN {
            if let base = baseline(day, before: day), base > 0 {
                deviations.append(abs(totals[day] / base - 1))
                if totals[day] > 0 { logDeviations.append(abs(log(totals[day] / base))) }
            }
        }
        let spread = deviations.isEmpty ? 0.5 : 1.4826 * median(deviations)
        let logSpread = logDeviations.isEmpty ? 0.5 : max(1.4826 * median(logDeviations), 0.01)

        typealias Sum = (actual: Double, baseline: Double, count: Int)
        func add(_ entry: inout [Sum], _ index: Int, _ day: Int, _ start: Int) {
            guard day < originDay, !totals[day].isNaN, let base = baseline(day, before: start), base > 0 else { return }
            while entry.count <= index { entry.append((0, 0, 0)) }
            entry[index].actual += totals[day]
            entry[index].baseline += base
            entry[index].count += 1
        }
        // The kinds touching each day: a day a kind shares with another kind says less about either.
        var kindsOnDay: [Int: Set<String>] = [:]
        for occurrence in calendar.occurrences {
            for day in occurrence.days { kindsOnDay[Int(day - history.firstDay), default: []].insert(occurrence.kind) }
        }
        var dayRatios: [(kind: String, ratio: Double)] = []
        var sums: [String: [Sum]] = [:]
        // The days after each past occurrence that can be scored: (offset, day, baseline).
        var tailRecords: [(kind: String, last: Int, days: [(offset: Int, day: Int, baseline: Double)])] = []
        var sharedDays: [(kind: String, index: Int, day: Int, first: Int)] = []
        for occurrence in calendar.occurrences where occurrence.uplift == nil {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            guard first >= 0, last < originDay else { continue }
            var entry = sums[occurrence.kind] ?? []
            for day in first...last {
                let index = min(day - first, Self.maxDays - 1)
                if kindsOnDay[day, default: []].count > 1 { sharedDays.append((occurrence.kind, index, day, first)); continue }
                add(&entry, index, day, first)
                if day < originDay, !totals[day].isNaN, let base = baseline(day, before: first), base > 0 {
                    dayRatios.append((occurrence.kind, totals[day] / base))
                }
            }
            sums[occurrence.kind] = entry
            // An after-effect is learned only from an occurrence whose whole window of days after it has
            // been seen: a window cut by the origin cannot tell an after-effect from a change of level.
            guard last + Self.tailDays + Self.tailSmoothing < originDay else { continue }
            var tail: [(offset: Int, day: Int, baseline: Double)] = []
            for offset in 0..<Self.tailDays where !(last + 1 + offset < eventDays.count && eventDays[last + 1 + offset]) {
                let day = last + 1 + offset
                guard day < originDay, !totals[day].isNaN, let base = baseline(day, before: first), base > 0 else { continue }
                tail.append((offset, day, base))
            }
            if !tail.isEmpty { tailRecords.append((occurrence.kind, last, tail)) }
        }
        // A kind whose every past day was shared with another kind learns from those days, each divided
        // by the other kinds' effects learned from their own days; a day another kind closed says nothing
        // and is skipped (a payment due date that fell on a holiday is not a closure of its own).
        var ownRatio: [String: Double] = [:]
        for (kind, entry) in sums {
            let actual = entry.reduce(0) { $0 + $1.actual }, base = entry.reduce(0) { $0 + $1.baseline }
            if base > 0 { ownRatio[kind] = actual / base }
        }
        for shared in sharedDays where ownRatio[shared.kind] == nil {
            var others = 1.0
            for other in kindsOnDay[shared.day, default: []].sorted() where other != shared.kind {
                if let stated = calendar.occurrences.first(where: {
                    $0.kind == other && $0.uplift != nil && $0.days.contains(history.firstDay + Int64(shared.day))
                })?.uplift {
                    others *= stated
                } else {
                    others *= ownRatio[other] ?? 1
                }
            }
            guard others >= 0.15, shared.day < originDay, !totals[shared.day].isNaN,
                  let base = baseline(shared.day, before: shared.first), base > 0 else { continue }
            var entry = sums[shared.kind] ?? []
            while entry.count <= shared.index { entry.append((0, 0, 0)) }
            entry[shared.index].actual += totals[shared.day] / others
            entry[shared.index].baseline += base
            entry[shared.index].count += 1
            sums[shared.kind] = entry
            dayRatios.append((shared.kind, totals[shared.day] / others / base))
        }
        func shrunk(_ item: Sum, toward target: Double = 1) -> Double {
            let ratio = item.actual / item.baseline
            let n = Double(item.count)
            return ratio < 0.15 ? ratio : target + n / (n + 1) * (ratio - target)
        }
        /// A day effect that stands out from ordinary days (closures always do): its log ratio beyond
        /// `evidenceThreshold` standard errors of a mean of `count` ordinary days' log ratios.
        func standsOut(_ item: Sum) -> Bool {
            let ratio = item.actual / item.baseline
            guard ratio >= 0.15 else { return true }
            return abs(log(ratio)) > Self.evidenceThreshold * logSpread / Double(item.count).squareRoot()
        }
        /// The effect applied: shrunk toward `target` when it stands out, else `target` itself.
        func applied(_ item: Sum, toward target: Double = 1) -> Double {
            standsOut(item) ? shrunk(item, toward: target) : target
        }
        // Partial pooling: each kind belongs to a family (``families(_:)``). A family with a seen kind
        // (two for the family of the rest) whose past event days all moved volume the same way (every
        // day's ratio below 1, or every one above) gives a pooled multiplier per day of the occurrence,
        // and its kinds shrink toward it instead of toward no effect. The family of the rest, whose kinds
        // share no word, pools only when every seen kind of it closed (a holidays calendar): kinds with
        // nothing in common have no effect in common to lend (issue 8: a holiday pooled with a
        // mail-out made an unseen outage day a closure; a surge pooled with a webinar that did nothing
        // would make the next webinar a surge).
        let families = Self.families(calendar.occurrences.filter { $0.uplift == nil }.map(\.kind))
        var pooled: [String: [Double]] = [:]
        for family in Set(families.values) {
            let members = sums.filter { families[$0.key] == family && $0.value.contains { $0.count > 0 } }
            guard members.count >= (family.isEmpty ? 2 : 1) else { continue }
            if family.isEmpty, members.keys.contains(where: { (ownRatio[$0] ?? 1) >= 0.15 }) { continue }
            var pool: [Sum] = []
            for (_, entry) in members.sorted(by: { $0.key < $1.key }) {  // a fixed order: the same sums to the last bit
                for (index, item) in entry.enumerated() where item.count > 0 {
                    while pool.count <= index { pool.append((0, 0, 0)) }
                    pool[index].actual += item.actual
                    pool[index].baseline += item.baseline
                    pool[index].count += item.count
                }
            }
            let directions = Set(dayRatios.filter { families[$0.kind] == family }.map { $0.ratio < 1 })
            guard directions.count == 1 else { continue }
            var values: [Double] = []
            for item in pool { values.append(item.count > 0 ? applied(item) : values.last ?? 1) }
            pooled[family] = values
        }
        var multipliers: [String: [Double]] = [:]
        for (kind, entry) in sums {
            // A kind seen only on days that said nothing about it (shared with a closure) keeps the
            // family's pooled effect, or none.
            let pool = families[kind].flatMap { pooled[$0] }
            var values: [Double] = []
            for (index, item) in entry.enumerated() {
                let target = pool.map { $0[min(index, $0.count - 1)] } ?? 1
                values.append(item.count > 0 ? applied(item, toward: target) : values.last ?? target)
            }
            multipliers[kind] = values.isEmpty ? [pool?.first ?? 1] : values
        }
        var pooledUnseen: [String: [Double]] = [:]
        var tails: [String: [Double]] = [:]
        // The after-effect of a kind on day k after an occurrence: for each occurrence, the ratio of the
        // actual to the baseline totals of days k - 2 ... k + 2 after it (a closed day has no baseline and
        // adds nothing, so a Saturday after a Friday mail-out borrows from the Thursday before and the
        // Monday after); the median over the n occurrences (one occurrence that met another kind's surge
        // does not make the kind's), shrunk by n / (n + 1), and kept where it stands out from ordinary
        // days by more than three standard errors of a mean of that many day ratios.
        func tailEffect(_ occurrences: [[Sum]]) -> [Double]? {
            var values = [Double](repeating: 1, count: Self.tailDays)
            for offset in values.indices {
                var ratios: [Double] = [], days = 0
                for entry in occurrences where !entry.isEmpty {
                    let window = entry[max(0, min(offset - Self.tailSmoothing, entry.count - 1))...min(entry.count - 1, offset + Self.tailSmoothing)]
                    let actual = window.reduce(0) { $0 + $1.actual }, base = window.reduce(0) { $0 + $1.baseline }
                    guard offset - Self.tailSmoothing < entry.count, base > 0 else { continue }
                    ratios.append(actual / base)
                    days += window.reduce(0) { $0 + $1.count }
                }
                guard !ratios.isEmpty else { continue }
                let value = shrunk((median(ratios), 1, ratios.count))
                if abs(value - 1) > 3 * spread / Double(days).squareRoot() { values[offset] = value }
            }
            return values.contains(where: { $0 != 1 }) ? values : nil
        }
        // Backfitting (Hastie and Tibshirani, generalized additive models, on the log scale): where the
        // days after occurrences of two kinds overlap (a due date nine days after a bill mail-out), each
        // kind's after-effect is learned from the days divided by the other occurrences' after-effects as
        // learned so far, kind by kind in the order of their first occurrence (Gauss-Seidel: the earlier
        // surge claims the days first), three sweeps; so one surge is not learned twice and multiplied.
        func tailSums(of kind: String, dividedBy current: [String: [Double]]) -> [[Sum]] {
            var covering: [Int: [(record: Int, value: Double)]] = [:]
            for (index, record) in tailRecords.enumerated() {
                guard let tail = current[record.kind] else { continue }
                for offset in tail.indices where tail[offset] != 1 {
                    covering[record.last + 1 + offset, default: []].append((index, tail[offset]))
                }
            }
            var result: [[Sum]] = []
            for (index, record) in tailRecords.enumerated() where record.kind == kind {
                var entry: [Sum] = []
                for item in record.days {
                    var others = 1.0
                    for cover in covering[item.day] ?? [] where cover.record != index { others *= cover.value }
                    while entry.count <= item.offset { entry.append((0, 0, 0)) }
                    entry[item.offset].actual += others > 0 ? totals[item.day] / others : totals[item.day]
                    entry[item.offset].baseline += item.baseline
                    entry[item.offset].count += 1
                }
                result.append(entry)
            }
            return result
        }
        var tailOrder: [String] = []
        for record in tailRecords where multipliers[record.kind] != nil && !tailOrder.contains(record.kind) {
            tailOrder.append(record.kind)
        }
        for _ in 0..<3 {
            for kind in tailOrder { tails[kind] = tailEffect(tailSums(of: kind, dividedBy: tails)) }
        }
        self.multipliers = multipliers
        self.tails = tails
        aftermathSeen = Set(tailRecords.map(\.kind))
        var unseen: [String] = []
        var pooledUnseenTails: [String: [Double]] = [:]
        for occurrence in calendar.occurrences
        where occurrence.uplift == nil && multipliers[occurrence.kind] == nil
            && Int(occurrence.days.upperBound - history.firstDay) >= originDay && !unseen.contains(occurrence.kind) {
            unseen.append(occurrence.kind)
            if let family = families[occurrence.kind], let pool = pooled[family] {
                pooledUnseen[occurrence.kind] = pool
                // The family's after-effect, from all its members' occurrences.
                let members = tailOrder.filter { families[$0] == family }
                if let tail = tailEffect(members.flatMap { tailSums(of: $0, dividedBy: tails) }) { pooledUnseenTails[occurrence.kind] = tail }
            }
        }
        pooledTails = pooledUnseenTails
        unseenKinds = unseen
        pooledEffects = pooledUnseen
        self.families = families
        // The notes per kind: the evidence of all its scored days together.
        var seenCounts: [String: Int] = [:]
        for occurrence in calendar.occurrences where occurrence.uplift == nil
        && occurrence.days.lowerBound >= history.firstDay && Int(occurrence.days.upperBound - history.firstDay) < originDay {
            seenCounts[occurrence.kind, default: 0] += 1
        }
        let stated = Dictionary(calendar.occurrences.compactMap { o in o.uplift.map { (o.kind, $0) } }, uniquingKeysWith: { first, _ in first })
        evidence = Set(calendar.occurrences.map(\.kind)).sorted().map { kind in
            let entry = sums[kind] ?? []
            let all: Sum = entry.reduce((0, 0, 0)) { ($0.actual + $1.actual, $0.baseline + $1.baseline, $0.count + $1.count) }
            let ratio = all.count > 0 && all.baseline > 0 ? all.actual / all.baseline : nil
            let z = ratio.flatMap { $0 > 0 ? log($0) / (logSpread / Double(all.count).squareRoot()) : nil }
            let applied = multipliers[kind] ?? pooledUnseen[kind] ?? [1]
            let dayEffect: EventEvidence.DayEffect
            if let uplift = stated[kind] {
                dayEffect = .stated(uplift)
            } else if let ratio, ratio < 0.15 {
                dayEffect = .closure(applied.first ?? ratio)
            } else if ratio == nil {
                dayEffect = .notSeen(applied)
            } else if entry.contains(where: { $0.count > 0 && standsOut($0) }) {
                dayEffect = .applied(applied)
            } else {
                dayEffect = .withinNoise(applied)
            }
            let afterEffect: EventEvidence.AfterEffect
            if let tail = tails[kind] {
                let moved = tail.filter { $0 != 1 }
                afterEffect = .learned(days: moved.count, peak: moved.max { abs($0 - 1) < abs($1 - 1) } ?? 1)
            } else if stated[kind] != nil || seenCounts[kind] == nil {
                afterEffect = .notLearned
            } else {
                afterEffect = aftermathSeen.contains(kind) ? .noneStoodOut : .windowNotOver
            }
            return EventEvidence(kind: kind, occurrencesSeen: seenCounts[kind] ?? 0, ratio: ratio, zScore: z,
                                 dayEffect: dayEffect, afterEffect: afterEffect)
        }
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
