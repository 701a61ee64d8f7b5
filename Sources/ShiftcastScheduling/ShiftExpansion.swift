import ShiftcastCore

/// Expands shift families into the concrete shifts of a horizon.
///
/// For every calendar day that touches the horizon (and, on a cyclic horizon, only its own days),
/// every family allowed on that weekday yields one candidate per start time and length whose start
/// falls inside the horizon. When two families give the same start and length, the cheaper is kept (the
/// first on a tie), since an optimizer would never pay more for the same coverage.
public enum ShiftExpansion {
    /// At most how many candidates each family gives over the horizon of `curve`, counted without
    /// building them: days touched x starts x lengths. For refusing a horizon and families whose
    /// program would not fit ``InputLimits/maximumCandidateShifts`` before anything is built.
    /// - Precondition: every family has no `problems(slotSeconds:)` on the curve's grid.
    /// - Complexity: O(families).
    public static func candidateBounds(for families: [ShiftFamily], over curve: RequirementCurve) -> [Int] {
        let days = (curve.count * curve.slotSeconds) / 86_400 + 2
        return families.map { family in
            let window = (family.latestStart - family.earliestStart + 86_400) % 86_400
            let starts = window / family.startStep + 1
            let lengths = (family.maximumLength - family.minimumLength) / family.lengthStep + 1
            return days * starts * lengths
        }
    }

    /// At most how many columns the integer program of these families and break rules has over the horizon
    /// of `curve`: a column per candidate shift, and with breaks one per candidate, rule and break start
    /// (Aykin's explicit break columns, `ShiftMixOptimizer`). Counted without building anything.
    /// - Complexity: O(families x rules).
    public static func columnBound(for families: [ShiftFamily], breaks: [BreakRule], over curve: RequirementCurve) -> Int {
        zip(families, candidateBounds(for: families, over: curve)).reduce(0) { total, pair in
            let (family, candidates) = pair
            let breakStarts = breaks.filter { $0.applies(to: family, length: family.maximumLength) }
                .reduce(0) { $0 + ($1.latest - $1.earliest) / curve.slotSeconds + 1 }
            return total + candidates * (1 + breakStarts)
        }
    }

    /// The candidates, ordered by start, then length, then family.
    ///
    /// - Precondition: every family has no `problems(slotSeconds:)` on the curve's grid.
    /// - Complexity: O(days x families x starts x lengths).
    public static func candidates(for families: [ShiftFamily], over curve: RequirementCurve) -> [ShiftCandidate] {
        let slot = Int64(curve.slotSeconds)
        let horizonStart = curve.start.secondsSinceEpoch
        let horizonEnd = horizonStart + slot * Int64(curve.count)
        let firstDay = curve.clock.civil(at: curve.start).daysSinceEpoch
        let lastDay = curve.clock.civil(at: Timestamp(secondsSinceEpoch: horizonEnd - 1)).daysSinceEpoch
        // A window may open the day before and start after midnight; a cyclic horizon has only its own days.
        let days = curve.cyclic ? (firstDay..<(lastDay + 1)) : ((firstDay - 1)..<(lastDay + 1))
        var best: [Int64: ShiftCandidate] = [:]  // key: start slot x 2^20 + length slots
        for day in days {
            let midnight = day * 86_400
            let weekday = CivilDateTime(secondsSinceEpoch: midnight).isoWeekday
            for (index, family) in families.enumerated() where family.weekdays.contains(weekday) {
                for offset in family.startOffsets {
                    // The wall-clock start, at every instant it happens: none in a spring-forward gap, two in
                    // the repeated autumn hour, else one.
                    let civilStart = CivilDateTime(secondsSinceEpoch: midnight + Int64(offset))
                    for instant in curve.clock.instants(showing: civilStart) {
                        var startSeconds = instant.secondsSinceEpoch, start = civilStart
                        if curve.cyclic, startSeconds >= horizonEnd {
                            // Past the end of a repeating period: the same time in its first day(s).
                            startSeconds -= horizonEnd - horizonStart
                            start = start.adding(seconds: -(horizonEnd - horizonStart))
                        }
                        guard startSeconds >= horizonStart, startSeconds < horizonEnd,
                              (startSeconds - horizonStart) % slot == 0 else { continue }
                        let startSlot = Int((startSeconds - horizonStart) / slot)
                        for length in family.lengths {
                            let lengthSlots = length / curve.slotSeconds
                            let candidate = ShiftCandidate(
                                family: index, startSlot: startSlot, lengthSlots: lengthSlots,
                                start: start, length: length,
                                cost: family.costPerHour * Double(length) / 3600)
                            let key = Int64(startSlot) << 20 | Int64(lengthSlots)
                            if let existing = best[key], existing.cost <= candidate.cost { continue }
                            best[key] = candidate
                        }
                    }
                }
            }
        }
        return best.values.sorted { ($0.startSlot, $0.lengthSlots, $0.family) < ($1.startSlot, $1.lengthSlots, $1.family) }
    }
}
