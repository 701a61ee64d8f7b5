import ShiftcastCore

/// Chooses how many agents work each candidate shift: an integer program solved by CBC.
///
/// The model is Dantzig's set-covering formulation of shift scheduling (G. B. Dantzig, "A comment on
/// Edie's 'Traffic delays at toll booths'", Operations Research 2(3), 1954) with slack on both sides:
///
///     minimise   sum_s cost_s x_s + sum_t m (wu u_t + wo o_t) + P sum_k y_k
///     subject to sum_{s covers t} x_s + u_t - o_t = d_t          for every interval t
///                x_s <= M_s y_{k(s)}                              for every shift s   (only when P > 0)
///                x_s integer >= 0, u_t, o_t >= 0, y_k binary
///
/// where `m` is the interval length in minutes, `d_t` the requirement, `k(s)` the distinct shift
/// (start time of day, length) of `s`, and `M_s` the largest requirement (rounded up) in the intervals
/// `s` covers: more agents than that on `s` would overstaff every interval it covers, which is never
/// better when weights are not negative, so the bound is valid and as tight as it can be.
///
/// `Formulation.flow` writes the same program with every covering row after the first replaced by its
/// difference with the row before. A shift's column, a run of ones over its intervals, then has only
/// two non-zeros: +1 where it starts and -1 where it ends, an arc in a network from its start to its end
/// node; slacks become arcs between neighbouring nodes. This is the network-flow view of the shift
/// design problem (Di Gaspero et al. 2007; Kletzander and Musliu 2019 build their model for the
/// distinct-shift penalty on it). The feasible set and the bounds are the same; the matrix is far
/// sparser, which is what makes CBC faster on long shifts over short intervals.
///
/// The search runs in phases, each handing the next a better start: the linear relaxation (the lower
/// bound); with a distinct-shift penalty, the program restricted to the distinct shifts the relaxation
/// uses (small, so quick); then the whole program from the best mix so far. The all-zero mix (nobody
/// works, every requirement short) is always feasible, so a search stopped by its time limit still
/// returns a mix, never a failure.
public enum ShiftMixOptimizer {
    public enum Formulation: String, Sendable, CaseIterable {
        case covering, flow
    }

    public struct Options: Sendable {
        public var weights: ObjectiveWeights
        /// Seconds for the whole solve (relaxation and search).
        public var timeLimit: Double
        public var seed: Int
        public var formulation: Formulation
        /// Breaks and lunches the shifts hold (agents on a break do not cover; unpaid breaks are not paid).
        public var breaks: [BreakRule]
        /// Named agents whose contracts bound the mix (`AgentCapacity`); empty: as many agents as the mix needs.
        public var agents: [AgentContract]
        /// Whether shifts with the same break window share break columns (see `buildProgram`): the same
        /// program with far fewer columns, so its relaxation solves in a fraction of the time (0.5 s instead
        /// of 31 s on a week of shifts every 15 minutes), but CBC's heuristics find fewer integer mixes in it.
        /// The agent scheduler uses it (it needs the bound quickly and improves the mix itself).
        public var groupBreakWindows = false
        /// Whether CBC searches for an integer mix after the relaxation; without it (and with breaks), the mix is
        /// the relaxation rounded, its breaks placed. The agent scheduler turns it off when there are breaks.
        public var integerSearch = true
        /// Told, in a few words, what the search is doing as each phase begins (for a progress line).
        public var progress: (@Sendable (String) -> Void)?

        public init(weights: ObjectiveWeights = ObjectiveWeights(), timeLimit: Double = 60, seed: Int = 1,
                    formulation: Formulation = .flow, breaks: [BreakRule] = [], agents: [AgentContract] = [],
                    progress: (@Sendable (String) -> Void)? = nil) {
            self.agents = agents
            self.progress = progress
            self.weights = weights
            self.timeLimit = timeLimit
            self.seed = seed
            self.formulation = formulation
            self.breaks = breaks
        }
    }

    /// How long CBC's uninterruptible start of a search (its own solve of the root relaxation, then the
    /// check of the start it is given) takes, as a multiple of the time Clp's dual simplex took for the
    /// relaxation. Measured (issue 12, Docs/Limits.md): 1.35 on a year of quarter-hours, 1.57 on the sample
    /// week with breaks; 2 leaves room.
    static let cbcRootCostFactor = 2.0

    /// Phase 2 gets the time left divided by this (a third): its program is small, and the time it leaves
    /// goes to phase 3, the search of the whole program.
    static let restrictedSearchTimeDivisor = 3.0

    /// The share of the time left that phase 3 gets: a tenth stays for what follows CBC's search (placing
    /// the breaks, the result).
    static let wholeSearchTimeShare = 0.9

    /// The least time a phase is given when the limit has (nearly) passed, so that a phase started late
    /// still has a moment to return what it has.
    static let leastPhaseSeconds = 0.05

    /// How far from an integer (above it) a relaxation's value may be and still count as that integer, and
    /// above which it counts as used: Clp's values are exact only to its tolerances (1e-7 by default).
    static let relaxationTolerance = 1e-6

    /// The relative difference between a mix's objective and the lower bound under which the mix is proven
    /// optimal: both are sums of many terms, computed in different orders, so equal values may differ in
    /// their last digits.
    static let provenTolerance = 1e-6

    /// Phase 3's mix is taken when it is worse than the incumbent by no more than this: on a tie it is
    /// preferred, since it comes with the program's plan for its breaks.
    static let tieTolerance = 1e-9

    /// The best mix found within the time limit, with the lower bound and gap.
    ///
    /// - Precondition: every family has no `problems(slotSeconds:)` on the curve's grid and the curve has
    ///   no `cyclicProblem`; requirements are finite and not negative.
    /// - Throws: `.invalidArgument` for weights or a time limit that are not finite numbers of at least 0;
    ///   `ShiftcastError(.internalFailure)` when CBC itself fails.
    /// - Complexity: building is O(candidates x shift length); solving is exponential in the worst case,
    ///   bounded by `options.timeLimit`.
    public static func solve(families: [ShiftFamily], curve: RequirementCurve, options: Options) throws -> ShiftMixResult {
        if let problem = options.weights.problem { throw ShiftcastError(.invalidArgument, problem) }
        guard options.timeLimit.isFinite, options.timeLimit >= 0 else {
            throw ShiftcastError(.invalidArgument, "the time limit is \(options.timeLimit) seconds; expected a finite number of at least 0")
        }
        let budget = TimeBudget(limit: options.timeLimit)
        let candidates = pricedCandidates(families: families, curve: curve, breaks: options.breaks)
        let built = buildProgram(candidates: candidates, curve: curve, options: options, families: families)
        let relaxation = try solveRelaxation(of: built, budget: budget, options: options)

        var incumbent = Incumbent(nobodyWorksIn: built, weights: options.weights)
        if options.integerSearch, relaxation.isOptimal {
            try offerRelaxationRoundedUp(to: &incumbent, built: built, relaxation: relaxation, families: families, options: options)
        }
        if options.integerSearch, built.patterns.count > 1, relaxation.integerSearchFits(budget) {
            try searchTheUsedShifts(improving: &incumbent, built: built, relaxation: relaxation, budget: budget,
                                    families: families, options: options)
        }
        let rounded = !options.integerSearch && !options.breaks.isEmpty && relaxation.isOptimal
            ? try relaxationRoundedToNearest(built: built, relaxation: relaxation, families: families, options: options)
            : nil
        // The agent scheduler skips phase 3: its own search improves the mix further than CBC does in the time.
        let outcome = rounded == nil && relaxation.integerSearchFits(budget)
            ? try searchTheWholeProgram(built: built, from: incumbent, relaxation: relaxation, budget: budget, options: options)
            : .notSolved
        let plannedBreaks = adoptWholeProgramMix(outcome, into: &incumbent, built: built, weights: options.weights)

        let lowerBound = provenLowerBound(relaxation: relaxation.bound, search: outcome, best: incumbent.objective)
        let final = try scheduleOfBestMix(incumbent, plannedBreaks: plannedBreaks, rounded: rounded, built: built,
                                          families: families, options: options)
        return ShiftMixResult(
            curve: curve, families: families, candidates: candidates, counts: final.counts, coverage: final.coverage,
            objective: final.objective, lowerBound: min(lowerBound, final.objective), relaxationBound: relaxation.bound,
            provenOptimal: final.objective - lowerBound <= provenMargin(final.objective),
            seconds: budget.elapsed, breakRules: options.breaks, shifts: final.shifts)
    }

    /// The time limit of one solve, counted from when it began.
    private struct TimeBudget {
        let clock = ContinuousClock()
        let began: ContinuousClock.Instant
        /// Seconds for the whole solve.
        let limit: Double

        init(limit: Double) {
            began = clock.now
            self.limit = limit
        }

        /// Seconds since the solve began.
        var elapsed: Double { seconds(clock.now - began) }
        /// Seconds left, at least `leastPhaseSeconds`.
        var remaining: Double { max(limit - elapsed, leastPhaseSeconds) }
    }

    /// The best mix so far: what each phase hands the next.
    private struct Incumbent {
        var counts: [Int]
        /// Its objective, breaks at the middle of their windows (`Built.objective`) or placed.
        var objective: Double
        /// Every column's value for `counts`: the start the next CBC phase gets.
        var start: [Double]
        /// The breaks placed for the relaxation rounded up, when that mix was taken (phase 2 starts from them).
        var placement: [PlacedShift]? = nil

        /// The all-zero mix: nobody works and every requirement is short, which is always feasible.
        init(nobodyWorksIn built: Built, weights: ObjectiveWeights) {
            counts = [Int](repeating: 0, count: built.candidates.count)
            objective = built.objective(of: counts, weights: weights)
            start = built.start(for: counts)
        }
    }

    /// Phase 1's result: the linear relaxation and what CBC's uninterruptible start will cost.
    private struct Relaxation {
        var outcome: LinearProgram.Outcome
        /// The relaxation's objective, a lower bound on every mix's; 0 when it was not solved.
        var bound: Double
        /// The seconds a CBC phase needs before it first looks at its clock (`cbcRootCostFactor`).
        var rootSeconds: Double

        var isOptimal: Bool { outcome.status == .optimal }
        /// The relaxation's value of column `index`.
        func value(_ index: Int) -> Double { outcome.values[index] }

        /// Whether a CBC phase may start: CBC looks at its clock only between nodes; before the first it
        /// solves the root relaxation and checks the start it is given, which it does not interrupt. It
        /// starts only when the time left covers that, and only from a solved relaxation.
        func integerSearchFits(_ budget: TimeBudget) -> Bool {
            isOptimal && budget.limit - budget.elapsed >= rootSeconds
        }
    }

    /// A mix with its breaks placed and its real objective.
    private struct PlacedMix {
        var counts: [Int]
        /// The placed shifts; `nil` without break rules (the result places nothing then).
        var shifts: [PlacedShift]?
        var coverage: [Int]
        var objective: Double
    }

    /// The candidates of `families` over the curve, each costing its paid hours: unpaid breaks are not paid.
    private static func pricedCandidates(families: [ShiftFamily], curve: RequirementCurve, breaks: [BreakRule]) -> [ShiftCandidate] {
        var candidates = ShiftExpansion.candidates(for: families, over: curve)
        for index in candidates.indices {
            let family = families[candidates[index].family]
            for rule in breaks where !rule.paid && rule.applies(to: family, length: candidates[index].length) {
                candidates[index].cost -= family.costPerHour * Double(rule.duration) / 3600
            }
        }
        return candidates
    }

    /// Phase 1: the linear relaxation, the lower bound, timed to tell what a CBC phase needs
    /// (`cbcRootCostFactor`, at least the program's `uninterruptibleSeconds`).
    private static func solveRelaxation(of built: Built, budget: TimeBudget, options: Options) throws -> Relaxation {
        options.progress?("linear relaxation of \(built.candidates.count) shifts")
        let started = budget.clock.now
        // Building a program near the size limit takes seconds; when that used the time up, Clp is not started.
        let outcome = budget.elapsed < budget.limit
            ? try built.program.solve(timeLimit: budget.remaining, integer: false)
            : .notSolved
        let rootSeconds = max(seconds(budget.clock.now - started) * cbcRootCostFactor, built.program.uninterruptibleSeconds)
        return Relaxation(outcome: outcome, bound: outcome.status == .optimal ? outcome.objective : 0, rootSeconds: rootSeconds)
    }

    /// The relaxation rounded up, its breaks placed where coverage loses least, taken when it beats the
    /// incumbent: a start that is never empty-handed when the searches find nothing better in their time.
    private static func offerRelaxationRoundedUp(to incumbent: inout Incumbent, built: Built, relaxation: Relaxation,
                                                 families: [ShiftFamily], options: Options) throws {
        let candidates = built.candidates
        let roundedUp = candidates.indices.map { Int((relaxation.value($0) - relaxationTolerance).rounded(.up)) }
        if options.breaks.isEmpty {
            let value = built.objective(of: roundedUp, weights: options.weights)
            if value < incumbent.objective {
                (incumbent.counts, incumbent.objective, incumbent.start) = (roundedUp, value, built.start(for: roundedUp))
            }
        } else {
            let placement = try BreakPlacement.place(counts: roundedUp, candidates: candidates, families: families,
                                                     rules: options.breaks, curve: built.curve, weights: options.weights)
            let value = ShiftMixResult.objective(counts: roundedUp, coverage: placement.coverage, candidates: candidates,
                                                 curve: built.curve, weights: options.weights)
            if value < incumbent.objective {
                (incumbent.counts, incumbent.objective, incumbent.start)
                    = (roundedUp, value, built.start(for: roundedUp, placed: placement.shifts))
                incumbent.placement = placement.shifts
            }
        }
    }

    /// The distinct shifts (indices of `built.patterns`) the relaxation uses: those whose indicator or
    /// some shift of which is above zero.
    private static func patternsUsed(by relaxation: Relaxation, in built: Built) -> Set<Int> {
        var used = Set<Int>()
        for index in built.patterns.indices where relaxation.value(built.firstPatternColumn + index) > relaxationTolerance {
            used.insert(index)
        }
        for (index, candidate) in built.candidates.enumerated() where relaxation.value(index) > relaxationTolerance {
            used.insert(built.patternIndex[candidate.pattern]!)
        }
        return used
    }

    /// Phase 2, with a distinct-shift penalty: the same program over only the shifts the relaxation uses, a
    /// much smaller search that usually finds a near-optimal mix in a fraction of the time. Its mix, read as
    /// a mix of all the shifts, replaces the incumbent when better.
    private static func searchTheUsedShifts(improving incumbent: inout Incumbent, built: Built, relaxation: Relaxation,
                                            budget: TimeBudget, families: [ShiftFamily], options: Options) throws {
        let candidates = built.candidates
        let used = patternsUsed(by: relaxation, in: built)
        let keep = candidates.indices.filter { used.contains(built.patternIndex[candidates[$0].pattern]!) }
        guard keep.count < candidates.count else { return }
        let subset = keep.map { candidates[$0] }
        options.progress?("the \(used.count) distinct shifts the relaxation uses, bound \(Self.rounded(relaxation.bound))")
        let small = buildProgram(candidates: subset, curve: built.curve, options: options, families: families)
        // Started from the best mix so far: it uses only shifts the relaxation uses, all in the subset.
        let outcome = try small.program.solve(timeLimit: budget.remaining / restrictedSearchTimeDivisor, integer: true,
                                              seed: options.seed,
                                              start: small.start(for: keep.map { incumbent.counts[$0] }, placed: incumbent.placement),
                                              cuttingPlanes: false)
        guard outcome.status == .optimal || outcome.status == .feasible else { return }
        var counts = [Int](repeating: 0, count: candidates.count)
        for (position, index) in keep.enumerated() { counts[index] = max(0, Int(outcome.values[position].rounded())) }
        // The program's own objective: that of a point of the whole program, breaks as planned.
        let value = min(outcome.objective, built.objective(of: counts, weights: options.weights))
        if value < incumbent.objective {
            (incumbent.counts, incumbent.objective, incumbent.start) = (counts, value, built.start(for: counts))
        }
    }

    /// Without CBC's search (the agent scheduler) and with breaks, the mix is the relaxation rounded to the
    /// nearest integers, its breaks placed. (It may break a capacity row of named agents; the agent
    /// scheduler hands out what agents can take. A start nearer the relaxation ends nearer the bound: 2.0%
    /// against 2.8% from rounding down on the agents' week benchmark.)
    private static func relaxationRoundedToNearest(built: Built, relaxation: Relaxation, families: [ShiftFamily],
                                                   options: Options) throws -> PlacedMix {
        let counts = built.candidates.indices.map { index in
            let value = relaxation.value(index)
            return max(0, Int(value.rounded()))
        }
        let placement = try BreakPlacement.place(counts: counts, candidates: built.candidates, families: families,
                                                 rules: options.breaks, curve: built.curve, weights: options.weights)
        return PlacedMix(counts: counts, shifts: placement.shifts, coverage: placement.coverage,
                         objective: ShiftMixResult.objective(counts: counts, coverage: placement.coverage,
                                                             candidates: built.candidates, curve: built.curve,
                                                             weights: options.weights))
    }

    /// Phase 3: the whole program, started from the incumbent.
    /// With the penalty, the jump rows already make the relaxation tight and CBC's cut generators
    /// only slow the search (MSD instance 2: 2.6 s without cuts, not solved in 10 s with them).
    private static func searchTheWholeProgram(built: Built, from incumbent: Incumbent, relaxation: Relaxation,
                                              budget: TimeBudget, options: Options) throws -> LinearProgram.Outcome {
        options.progress?("integer program, best \(Self.rounded(incumbent.objective)), bound \(Self.rounded(relaxation.bound))")
        return try built.program.solve(timeLimit: budget.remaining * wholeSearchTimeShare, integer: true, seed: options.seed,
                                       start: incumbent.start, cuttingPlanes: built.patterns.isEmpty)
    }

    /// Phase 3's mix replaces the incumbent when it is as good (`tieTolerance`); returns the breaks the
    /// program planned for it then, per candidate, rule and start interval (else none), for the placement.
    private static func adoptWholeProgramMix(_ outcome: LinearProgram.Outcome, into incumbent: inout Incumbent,
                                             built: Built, weights: ObjectiveWeights) -> [Int: [Int: [Int: Int]]] {
        guard outcome.status == .optimal || outcome.status == .feasible else { return [:] }
        let counts = built.candidates.indices.map { max(0, Int(outcome.values[$0].rounded())) }
        let value = min(outcome.objective, built.objective(of: counts, weights: weights))
        guard value <= incumbent.objective + tieTolerance else { return [:] }
        (incumbent.counts, incumbent.objective) = (counts, value)
        return plannedBreaks(of: outcome, counts: counts, built: built)
    }

    /// The breaks a solution of the program plans, per candidate, rule and start interval: a group's
    /// planned breaks go to its shifts in turn, as many as each has agents.
    private static func plannedBreaks(of outcome: LinearProgram.Outcome, counts: [Int], built: Built) -> [Int: [Int: [Int: Int]]] {
        var plannedBreaks: [Int: [Int: [Int: Int]]] = [:]
        var left = built.breakGroups.map { $0.map { counts[$0] } }
        for (offset, column) in built.breakColumns.enumerated() {
            var planned = Int(outcome.values[built.firstBreakColumn + offset].rounded())
            for (member, candidate) in built.breakGroups[column.group].enumerated() where planned > 0 && left[column.group][member] > 0 {
                let given = min(planned, left[column.group][member])
                plannedBreaks[candidate, default: [:]][column.rule, default: [:]][column.position, default: 0] += given
                left[column.group][member] -= given
                planned -= given
            }
        }
        return plannedBreaks
    }

    /// The lower bound: the relaxation's, or CBC's when higher; when CBC proved optimal the mix the
    /// incumbent holds, the incumbent's objective (less the tolerance) too.
    private static func provenLowerBound(relaxation: Double, search outcome: LinearProgram.Outcome, best: Double) -> Double {
        var lowerBound = max(relaxation, outcome.bound.isFinite ? outcome.bound : 0)
        if outcome.status == .optimal, abs(outcome.objective - best) <= provenMargin(best) {
            lowerBound = max(lowerBound, best - provenMargin(best))
        }
        return lowerBound
    }

    /// How far above the lower bound `objective` may be and still be proven optimal (`provenTolerance`).
    /// A mix that meets the bound is proven whoever found it (CBC, or the rounded relaxation when CBC's
    /// search had no time to start, as on a loaded machine).
    static func provenMargin(_ objective: Double) -> Double { provenTolerance * max(1, objective) }

    /// The schedule of the best mix. Without breaks, its coverage. With breaks, which the program counted only
    /// in aggregate (a relaxation), the breaks placed (as the program planned them where it can) and the
    /// real schedule scored; the relaxation rounded to the nearest integers instead when it scores better.
    private static func scheduleOfBestMix(_ incumbent: Incumbent, plannedBreaks: [Int: [Int: [Int: Int]]], rounded: PlacedMix?,
                                          built: Built, families: [ShiftFamily], options: Options) throws -> PlacedMix {
        let counts = incumbent.counts
        guard !options.breaks.isEmpty else {
            return PlacedMix(counts: counts, shifts: nil,
                             coverage: ShiftMixResult.coverage(of: counts, candidates: built.candidates, curve: built.curve),
                             objective: incumbent.objective)
        }
        options.progress?("placing breaks")
        let placement = try BreakPlacement.place(counts: counts, candidates: built.candidates, families: families,
                                                 rules: options.breaks, curve: built.curve, weights: options.weights,
                                                 planned: plannedBreaks)
        let placed = PlacedMix(counts: counts, shifts: placement.shifts, coverage: placement.coverage,
                               objective: ShiftMixResult.objective(counts: counts, coverage: placement.coverage,
                                                                   candidates: built.candidates, curve: built.curve,
                                                                   weights: options.weights))
        if let rounded, rounded.objective < placed.objective { return rounded }
        return placed
    }

    /// A value for a progress line: two decimals at most.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let hundredths = (value * 100).rounded() / 100
        return hundredths == hundredths.rounded() ? String(Int(hundredths)) : String(hundredths)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
