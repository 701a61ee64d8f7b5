import ShiftcastCore

/// The shift mix the optimizer chose, with the quality figures of the `schedule` summary.
public struct ShiftMixResult: Sendable {
    /// Why an interval stays short of its requirement.
    public enum ShortfallCause: String, Sendable, Equatable {
        /// No shift of any family covers the interval.
        case noShiftReachesIt = "no shift reaches it"
        /// Shifts reach it, but covering it would cost more than the shortfall under the objective's
        /// weights (for example, every such shift would overstaff other intervals by more).
        case notWorthCovering = "covering it costs more than the shortfall under the objective weights"
        /// The time limit stopped the search before it proved the mix optimal: a better mix might cover it.
        case searchStopped = "not covered by the best mix found before the time limit (the search was not finished)"
    }

    /// An interval with fewer agents than required.
    public struct Shortfall: Sendable, Equatable {
        public var slot: Int
        /// Agents short, above 0 (fractional when the requirement is).
        public var agents: Double
        public var cause: ShortfallCause
    }

    public var curve: RequirementCurve
    public var families: [ShiftFamily]
    /// Every candidate the optimizer could choose from.
    public var candidates: [ShiftCandidate]
    /// Agents on each candidate, aligned with `candidates`.
    public var counts: [Int]
    /// Agents at work, not on a break, in each interval.
    public var coverage: [Int]
    /// The break and lunch rules the shifts hold (empty: none).
    public var breakRules: [BreakRule]
    /// One entry per agent-shift, with its breaks, in order of start.
    public var shifts: [PlacedShift]
    /// The objective of the mix, recomputed from `counts` (SPEC section 3).
    public var objective: Double
    /// The best lower bound proven on the optimum: the linear relaxation's, or CBC's branch-and-bound
    /// bound when higher.
    public var lowerBound: Double
    /// The linear relaxation's optimum.
    public var relaxationBound: Double
    /// Whether CBC proved the mix optimal.
    public var provenOptimal: Bool
    /// Wall-clock seconds spent building and solving.
    public var seconds: Double

    public init(curve: RequirementCurve, families: [ShiftFamily], candidates: [ShiftCandidate], counts: [Int],
                coverage: [Int], objective: Double, lowerBound: Double, relaxationBound: Double, provenOptimal: Bool,
                seconds: Double, breakRules: [BreakRule] = [], shifts: [PlacedShift]? = nil) {
        precondition(candidates.count == counts.count && coverage.count == curve.count, "one count per candidate, one coverage per interval")
        self.curve = curve
        self.families = families
        self.candidates = candidates
        self.counts = counts
        self.coverage = coverage
        self.objective = objective
        self.lowerBound = lowerBound
        self.relaxationBound = relaxationBound
        self.provenOptimal = provenOptimal
        self.seconds = seconds
        self.breakRules = breakRules
        self.shifts = shifts ?? zip(candidates, counts).flatMap { candidate, count in
            Array(repeating: PlacedShift(candidate: candidate), count: count)
        }
    }

    /// `(objective - lowerBound) / objective`, 0 when both are 0; in [0, 1] up to solver tolerance.
    public var gap: Double {
        guard objective > 1e-9 else { return 0 }
        return max(0, objective - lowerBound) / objective
    }

    /// Shifts staffed: one per agent per chosen candidate.
    public var shiftCount: Int { counts.reduce(0, +) }

    /// Paid agent-hours: shift lengths less unpaid breaks.
    public var paidHours: Double {
        shifts.reduce(0) { total, shift in
            let unpaid = shift.breaks.filter { !breakRules[$0.rule].paid }.reduce(0) { $0 + breakRules[$1.rule].duration }
            return total + Double(shift.candidate.length - unpaid) / 3600
        }
    }

    /// Agent-hours short of the requirement, summed over intervals (never netted with the excess).
    public var underStaffedHours: Double {
        zip(curve.required, coverage).reduce(0) { $0 + max(0, $1.0 - Double($1.1)) } * Double(curve.slotSeconds) / 3600
    }

    /// Agent-hours above the requirement, summed over intervals.
    public var overStaffedHours: Double {
        zip(curve.required, coverage).reduce(0) { $0 + max(0, Double($1.1) - $1.0) } * Double(curve.slotSeconds) / 3600
    }

    /// Distinct shifts (start time of day, length) used.
    public var distinctPatterns: Set<ShiftPattern> {
        Set(zip(candidates, counts).filter { $0.1 > 0 }.map { $0.0.pattern })
    }

    /// Intervals short of their requirement, in time order, with the cause.
    public var shortfalls: [Shortfall] {
        var reached = [Bool](repeating: false, count: curve.count)
        for candidate in candidates {
            for slot in candidate.coveredSlots(horizonCount: curve.count, cyclic: curve.cyclic) { reached[slot] = true }
        }
        return curve.required.indices.compactMap { slot in
            let short = curve.required[slot] - Double(coverage[slot])
            guard short > 1e-9 else { return nil }
            let cause: ShortfallCause = !reached[slot] ? .noShiftReachesIt : provenOptimal ? .notWorthCovering : .searchStopped
            return Shortfall(slot: slot, agents: short, cause: cause)
        }
    }

    /// Coverage of `counts` over the curve.
    /// - Complexity: O(sum of counted candidates' lengths).
    static func coverage(of counts: [Int], candidates: [ShiftCandidate], curve: RequirementCurve) -> [Int] {
        var coverage = [Int](repeating: 0, count: curve.count)
        for (candidate, count) in zip(candidates, counts) where count > 0 {
            for slot in candidate.coveredSlots(horizonCount: curve.count, cyclic: curve.cyclic) { coverage[slot] += count }
        }
        return coverage
    }

    /// The objective of SPEC section 3 for a mix.
    static func objective(counts: [Int], coverage: [Int], candidates: [ShiftCandidate], curve: RequirementCurve,
                          weights: ObjectiveWeights) -> Double {
        let minutes = Double(curve.slotSeconds) / 60
        var total = 0.0
        var patterns = Set<ShiftPattern>()
        for (candidate, count) in zip(candidates, counts) where count > 0 {
            total += candidate.cost * Double(count)
            patterns.insert(candidate.pattern)
        }
        for (required, covered) in zip(curve.required, coverage) {
            let difference = Double(covered) - required
            total += difference < 0 ? -difference * weights.underWeight * minutes : difference * weights.overWeight * minutes
        }
        return total + Double(patterns.count) * weights.distinctShiftPenalty
    }
}
