import Foundation

/// What the history says about one event kind, and what the forecast does with it (issue 8): how many
/// occurrences were seen, how far their days stood out from ordinary variation, the effect applied, and
/// the after-effect. `forecast` prints it as a note per kind, so a user sees why a kind moved the
/// forecast or did not.
public struct EventEvidence: Sendable, Equatable {
    /// What became of the kind's effect on its own days.
    public enum DayEffect: Sendable, Equatable {
        /// The `uplift` column states it.
        case stated(Double)
        /// Its days were near closed: kept as they were, whatever the evidence.
        case closure(Double)
        /// It stood out from ordinary days and is applied (multipliers by day of an occurrence).
        case applied([Double])
        /// It did not stand out; its days are forecast at the target (normal volume, or the pooled
        /// effect of its family) given here.
        case withinNoise([Double])
        /// No day of a past occurrence could be scored (none before the origin, no baseline, or only
        /// days another kind closed); forecast at the multipliers given (pooled, or 1).
        case notSeen([Double])
    }

    /// What became of the kind's after-effect.
    public enum AfterEffect: Sendable, Equatable {
        /// Learned: the days after an occurrence it moves, and the largest multiplier's distance from 1.
        case learned(days: Int, peak: Double)
        /// Its whole window was seen and nothing stood out.
        case noneStoodOut
        /// No occurrence's window of ``EventEffects/tailDays`` days after it has ended before the origin:
        /// those days cannot tell an after-effect from a change of level.
        case windowNotOver
        /// Not learned: the kind is stated or has no past occurrence.
        case notLearned
    }

    public var kind: String
    /// Past occurrences before the origin.
    public var occurrencesSeen: Int
    /// Actual over baseline volume of all the scored days of its past occurrences; `nil` when none.
    public var ratio: Double?
    /// How many standard errors of ordinary days' log ratios `log(ratio)` lies from 0.
    public var zScore: Double?
    public var dayEffect: DayEffect
    public var afterEffect: AfterEffect

    /// One line for a user: `event 'bill_mailed': 2 occurrences seen, x2.10 of normal (z = 6.3), applied; ...`.
    public var summary: String {
        let seen = "\(occurrencesSeen) occurrence\(occurrencesSeen == 1 ? "" : "s") seen"
        let evidence = ratio.map { ratio in
            ", x\(Self.format(ratio)) of normal" + (zScore.map { String(format: " (z = %.1f)", $0) } ?? "")
        } ?? ""
        let day: String
        switch dayEffect {
        case .stated(let value): day = "uplift stated, x\(Self.format(value))"
        case .closure(let value): day = "closed (x\(Self.format(value))), kept"
        case .applied(let values): day = "effect applied, \(Self.describe(values))"
        case .withinNoise(let values):
            day = "no effect applied: within ordinary variation (|z| <= \(Self.format(EventEffects.evidenceThreshold)))"
                + (values.allSatisfy { $0 == 1 } ? "" : ", forecast at its family's \(Self.describe(values))")
        case .notSeen(let values):
            day = "no day to learn from" + (values.allSatisfy { $0 == 1 } ? ", forecast as a normal day" : ", forecast at its family's \(Self.describe(values))")
        }
        let after: String
        switch afterEffect {
        case .learned(let days, let peak): after = "after-effect on \(days) day\(days == 1 ? "" : "s") after it (up to x\(Self.format(peak)))"
        case .noneStoodOut: after = "no after-effect stood out"
        case .windowNotOver: after = "after-effect not learned: no occurrence's \(EventEffects.tailDays) days after it are over"
        case .notLearned: after = "no after-effect"
        }
        return "event '\(kind)': \(seen)\(evidence); \(day); \(after)"
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `x1.75`, or `x0.40 to x2.60 over 31 days` for a kind whose days differ.
    static func describe(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "x1.00" }
        return low == high ? "x\(format(low))" : "x\(format(low)) to x\(format(high)) over \(values.count) days"
    }
}

extension EventEffects {
    /// The note of each kind of the calendar, in name order (``evidence``), from the learned effects and
    /// `sums`, the scored days of the past occurrences (``OccurrenceScores/sums``): the evidence of all of
    /// a kind's scored days together, and what became of its day effect and after-effect.
    func evidenceByKind(calendar: EventCalendar, history: HistorySeries, originDay: Int, sums: [String: [DaySum]],
                        test: DayEffectTest) -> [EventEvidence] {
        var seenCounts: [String: Int] = [:]
        for occurrence in calendar.occurrences where occurrence.uplift == nil
        && occurrence.days.lowerBound >= history.firstDay && Int(occurrence.days.upperBound - history.firstDay) < originDay {
            seenCounts[occurrence.kind, default: 0] += 1
        }
        let stated = Dictionary(calendar.occurrences.compactMap { o in o.uplift.map { (o.kind, $0) } }, uniquingKeysWith: { first, _ in first })
        return Set(calendar.occurrences.map(\.kind)).sorted().map { kind in
            let entry = sums[kind] ?? []
            let all = entry.reduce(DaySum()) {
                DaySum(actual: $0.actual + $1.actual, baseline: $0.baseline + $1.baseline, count: $0.count + $1.count)
            }
            let ratio = all.count > 0 && all.baseline > 0 ? all.actual / all.baseline : nil
            let z = ratio.flatMap { $0 > 0 ? log($0) / (test.logSpread / Double(all.count).squareRoot()) : nil }
            return EventEvidence(kind: kind, occurrencesSeen: seenCounts[kind] ?? 0, ratio: ratio, zScore: z,
                                 dayEffect: dayEffect(of: kind, stated: stated[kind], ratio: ratio, entry: entry, test: test),
                                 afterEffect: afterEffect(of: kind, stated: stated[kind] != nil, seen: seenCounts[kind] != nil))
        }
    }

    /// What became of a kind's effect on its own days: stated, kept as a closure, not seen, applied
    /// (some day of it stood out), or within ordinary variation; `ratio` over all its scored days and
    /// `entry` its scored days by day of an occurrence.
    private func dayEffect(of kind: String, stated: Double?, ratio: Double?, entry: [DaySum],
                           test: DayEffectTest) -> EventEvidence.DayEffect {
        let applied = multipliers[kind] ?? pooledEffects[kind] ?? [1]
        if let uplift = stated {
            return .stated(uplift)
        } else if let ratio, ratio < 0.15 {
            return .closure(applied.first ?? ratio)
        } else if ratio == nil {
            return .notSeen(applied)
        } else if entry.contains(where: { $0.count > 0 && test.standsOut($0) }) {
            return .applied(applied)
        } else {
            return .withinNoise(applied)
        }
    }

    /// What became of a kind's after-effect: learned, none stood out, its window not yet over, or not
    /// learned at all (a stated kind, or one with no past occurrence).
    private func afterEffect(of kind: String, stated: Bool, seen: Bool) -> EventEvidence.AfterEffect {
        if let tail = tails[kind] {
            let moved = tail.filter { $0 != 1 }
            return .learned(days: moved.count, peak: moved.max { abs($0 - 1) < abs($1 - 1) } ?? 1)
        } else if stated || !seen {
            return .notLearned
        } else {
            return aftermathSeen.contains(kind) ? .noneStoodOut : .windowNotOver
        }
    }
}
