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

    /// The best mix found within the time limit, with the lower bound and gap.
    ///
    /// - Precondition: every family has no `problems(slotSeconds:)` on the curve's grid and the curve has
    ///   no `cyclicProblem`; requirements are finite and not negative.
    /// - Throws: `ShiftcastError(.internalFailure)` only when CBC itself fails.
    /// - Complexity: building is O(candidates x shift length); solving is exponential in the worst case,
    ///   bounded by `options.timeLimit`.
    public static func solve(families: [ShiftFamily], curve: RequirementCurve, options: Options) throws -> ShiftMixResult {
        let clock = ContinuousClock()
        let began = clock.now
        func remaining() -> Double { max(options.timeLimit - seconds(clock.now - began), 0.05) }
        var candidates = ShiftExpansion.candidates(for: families, over: curve)
        for index in candidates.indices {
            // Unpaid breaks are not paid.
            let family = families[candidates[index].family]
            for rule in options.breaks where !rule.paid && rule.applies(to: family, length: candidates[index].length) {
                candidates[index].cost -= family.costPerHour * Double(rule.duration) / 3600
            }
        }
        let built = buildProgram(candidates: candidates, curve: curve, options: options, families: families)

        // Phase 1: the linear relaxation, a lower bound.
        options.progress?("linear relaxation of \(candidates.count) shifts")
        let relaxationStarted = clock.now
        // Building a program near the size limit takes seconds; when that used the time up, Clp is not started.
        let relaxation = seconds(clock.now - began) < options.timeLimit
            ? try built.program.solve(timeLimit: remaining(), integer: false)
            : .notSolved
        let relaxationBound = relaxation.status == .optimal ? relaxation.objective : 0
        // CBC looks at its clock only between nodes; before the first it solves the root relaxation and
        // checks the start it is given, which it does not interrupt. A CBC phase starts only when the time
        // left covers that: twice the relaxation's time, and at least `uninterruptibleSeconds`.
        let rootSeconds = max(seconds(clock.now - relaxationStarted) * cbcRootCostFactor,
                              built.program.uninterruptibleSeconds)
        func integerSearchFits() -> Bool {
            relaxation.status == .optimal && options.timeLimit - seconds(clock.now - began) >= rootSeconds
        }

        // Phase 2: with a distinct-shift penalty, the same program over only the shifts the relaxation
        // uses, a much smaller search that usually finds a near-optimal mix in a fraction of the time.
        var best = [Int](repeating: 0, count: candidates.count)
        var bestObjective = built.objective(of: best, weights: options.weights)
        var bestStart = built.start(for: best)
        var bestPlacement: [PlacedShift]? = nil
        if options.integerSearch, relaxation.status == .optimal {
            // The relaxation rounded up, its breaks placed where coverage loses least: a start that is never
            // empty-handed when the search below finds nothing better in its time.
            let roundedUp = candidates.indices.map { Int((relaxation.values[$0] - 1e-6).rounded(.up)) }
            if options.breaks.isEmpty {
                let value = built.objective(of: roundedUp, weights: options.weights)
                if value < bestObjective { (best, bestObjective, bestStart) = (roundedUp, value, built.start(for: roundedUp)) }
            } else {
                let placement = try BreakPlacement.place(counts: roundedUp, candidates: candidates, families: families,
                                                         rules: options.breaks, curve: curve, weights: options.weights)
                let value = ShiftMixResult.objective(counts: roundedUp, coverage: placement.coverage, candidates: candidates,
                                                     curve: curve, weights: options.weights)
                if value < bestObjective {
                    (best, bestObjective, bestStart) = (roundedUp, value, built.start(for: roundedUp, placed: placement.shifts))
                    bestPlacement = placement.shifts
                }
            }
        }
        if options.integerSearch, built.patterns.count > 1, integerSearchFits() {
            var used = Set<Int>()
            for index in built.patterns.indices where relaxation.values[built.firstPatternColumn + index] > 1e-6 {
                used.insert(index)
            }
            for (index, candidate) in candidates.enumerated() where relaxation.values[index] > 1e-6 {
                used.insert(built.patternIndex[candidate.pattern]!)
            }
            let keep = candidates.indices.filter { used.contains(built.patternIndex[candidates[$0].pattern]!) }
            if keep.count < candidates.count {
                let subset = keep.map { candidates[$0] }
                options.progress?("the \(used.count) distinct shifts the relaxation uses, bound \(Self.rounded(relaxationBound))")
                let small = buildProgram(candidates: subset, curve: curve, options: options, families: families)
                // Started from the best mix so far: it uses only shifts the relaxation uses, all in the subset.
                let outcome = try small.program.solve(timeLimit: remaining() / 3, integer: true, seed: options.seed,
                                                      start: small.start(for: keep.map { best[$0] }, placed: bestPlacement),
                                                      cuttingPlanes: false)
                if outcome.status == .optimal || outcome.status == .feasible {
                    var counts = [Int](repeating: 0, count: candidates.count)
                    for (position, index) in keep.enumerated() { counts[index] = max(0, Int(outcome.values[position].rounded())) }
                    // The program's own objective: that of a point of the whole program, breaks as planned.
                    let value = min(outcome.objective, built.objective(of: counts, weights: options.weights))
                    if value < bestObjective { (best, bestObjective, bestStart) = (counts, value, built.start(for: counts)) }
                }
            }
        }

        // Without CBC's search (the agent scheduler) and with breaks, the mix is the relaxation rounded to the
        // nearest integers, its breaks placed. (It may break a capacity row of named agents; the agent
        // scheduler hands out what agents can take. A start nearer the relaxation ends nearer the bound: 2.0%
        // against 2.8% from rounding down on the agents' week benchmark.)
        var rounded: (counts: [Int], shifts: [PlacedShift], coverage: [Int], objective: Double)? = nil
        if !options.integerSearch, !options.breaks.isEmpty, relaxation.status == .optimal {
            let counts = candidates.indices.map { index in
                let value = relaxation.values[index]
                return max(0, Int(value.rounded()))
            }
            let placement = try BreakPlacement.place(counts: counts, candidates: candidates, families: families, rules: options.breaks,
                                                     curve: curve, weights: options.weights)
            rounded = (counts, placement.shifts, placement.coverage,
                       ShiftMixResult.objective(counts: counts, coverage: placement.coverage, candidates: candidates, curve: curve,
                                                weights: options.weights))
        }

        // Phase 3: the whole program, started from the best mix so far.
        // With the penalty, the jump rows already make the relaxation tight and CBC's cut generators
        // only slow the search (MSD instance 2: 2.6 s without cuts, not solved in 10 s with them).
        // The agent scheduler skips it: its own search improves the mix further than CBC does in the time.
        let skipSearch = rounded != nil || !integerSearchFits()
        if !skipSearch { options.progress?("integer program, best \(Self.rounded(bestObjective)), bound \(Self.rounded(relaxationBound))") }
        let outcome = skipSearch
            ? .notSolved
            : try built.program.solve(timeLimit: remaining() * 0.9, integer: true, seed: options.seed,
                                      start: bestStart, cuttingPlanes: built.patterns.isEmpty)
        var plannedBreaks: [Int: [Int: [Int: Int]]] = [:]
        if outcome.status == .optimal || outcome.status == .feasible {
            let counts = candidates.indices.map { max(0, Int(outcome.values[$0].rounded())) }
            let value = min(outcome.objective, built.objective(of: counts, weights: options.weights))
            if value <= bestObjective + 1e-9 {
                (best, bestObjective) = (counts, value)
                // A group's planned breaks go to its shifts in turn, as many as each has agents.
                var left = built.breakGroups.map { $0.map { best[$0] } }
                for (offset, column) in built.breakColumns.enumerated() {
                    var planned = Int(outcome.values[built.firstBreakColumn + offset].rounded())
                    for (member, candidate) in built.breakGroups[column.group].enumerated() where planned > 0 && left[column.group][member] > 0 {
                        let given = min(planned, left[column.group][member])
                        plannedBreaks[candidate, default: [:]][column.rule, default: [:]][column.position, default: 0] += given
                        left[column.group][member] -= given
                        planned -= given
                    }
                }
            }
        }
        var coverage = ShiftMixResult.coverage(of: best, candidates: candidates, curve: curve)
        var shifts: [PlacedShift]? = nil
        var lowerBound = max(relaxationBound, outcome.bound.isFinite ? outcome.bound : 0)
        if outcome.status == .optimal, abs(outcome.objective - bestObjective) <= 1e-6 * max(1, bestObjective) {
            lowerBound = max(lowerBound, bestObjective - 1e-6 * max(1, bestObjective))
        }
        // A mix that meets the bound is proven whoever found it (CBC, or the rounded relaxation when CBC's
        // search had no time to start, as on a loaded machine).
        var proven = bestObjective - lowerBound <= 1e-6 * max(1, bestObjective)
        if !options.breaks.isEmpty {
            // The program counted breaks only in aggregate (a relaxation): place them, then score the real schedule.
            options.progress?("placing breaks")
            let placement = try BreakPlacement.place(counts: best, candidates: candidates, families: families, rules: options.breaks,
                                                     curve: curve, weights: options.weights, planned: plannedBreaks)
            shifts = placement.shifts
            coverage = placement.coverage
            bestObjective = ShiftMixResult.objective(counts: best, coverage: coverage, candidates: candidates, curve: curve,
                                                     weights: options.weights)
            if let rounded, rounded.objective < bestObjective {
                (best, shifts, coverage, bestObjective) = (rounded.counts, rounded.shifts, rounded.coverage, rounded.objective)
            }
            proven = bestObjective - lowerBound <= 1e-6 * max(1, bestObjective)
        }
        return ShiftMixResult(
            curve: curve, families: families, candidates: candidates, counts: best, coverage: coverage,
            objective: bestObjective, lowerBound: min(lowerBound, bestObjective), relaxationBound: relaxationBound,
            provenOptimal: proven, seconds: seconds(clock.now - began), breakRules: options.breaks, shifts: shifts)
    }

    /// The program, its distinct shifts and the layout of its columns: shifts, then under-staffing per
    /// interval, then over-staffing per interval, then one per distinct shift.
    struct Built {
        var program: LinearProgram
        var candidates: [ShiftCandidate]
        var curve: RequirementCurve
        var patterns: [ShiftPattern]
        var patternIndex: [ShiftPattern: Int]
        /// The (window group, rule, start interval) of each break column, which follow the pattern columns.
        var breakColumns: [(group: Int, rule: Int, position: Int)] = []
        /// The candidates of each window group.
        var breakGroups: [[Int]] = []
        /// Intervals each break column's break lasts.
        var breakLengths: [Int] = []
        var firstPatternColumn: Int { candidates.count + 2 * curve.count }
        var firstBreakColumn: Int { firstPatternColumn + patterns.count }

        /// The break column each (window group, rule) takes in a start: the middle of its window, so that a
        /// mix's breaks are spread as a planner would at first sight. Computed once (``middleBreakColumns``):
        /// every objective of a mix uses it, and a large program has millions of break columns.
        var startBreakColumns: [Int] = []

        static func middleBreakColumns(_ breakColumns: [(group: Int, rule: Int, position: Int)]) -> [Int] {
            var columnsOf: [Int: [Int]] = [:]  // key: group x 2^20 + rule
            for (offset, column) in breakColumns.enumerated() { columnsOf[column.group << 20 | column.rule, default: []].append(offset) }
            return columnsOf.values.map { $0[$0.count / 2] }.sorted()
        }

        /// Agents at work per interval for a mix, each group's breaks in the chosen columns.
        func coverage(of counts: [Int], breakColumns chosen: [Int]) -> [Int] {
            var coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
            for offset in chosen {
                let column = breakColumns[offset]
                let agents = breakGroups[column.group].reduce(0) { $0 + counts[$1] }
                guard agents > 0 else { continue }
                for slot in 0..<breakLengths[offset] { coverage[(column.position + slot) % curve.count] -= agents }
            }
            return coverage
        }

        /// The objective of a mix with its breaks at the middle of their windows: how phases compare
        /// their mixes (the breaks are placed properly at the end).
        func objective(of counts: [Int], weights: ObjectiveWeights) -> Double {
            ShiftMixResult.objective(counts: counts, coverage: coverage(of: counts, breakColumns: startBreakColumns),
                                     candidates: candidates, curve: curve, weights: weights)
        }

        /// Every column's value for a mix: its breaks as `placed` says (else at the middle of their windows),
        /// and the slacks and distinct-shift indicators that follow, so any mix (the empty one too) is a
        /// feasible start.
        func start(for counts: [Int], placed: [PlacedShift]? = nil) -> [Double] {
            var values = [Double](repeating: 0, count: program.columnCount)
            var coverage: [Int]
            if let placed {
                var columnOf: [[Int]: Int] = [:]  // (group, rule, interval) -> break column
                for (offset, column) in breakColumns.enumerated() { columnOf[[column.group, column.rule, column.position]] = offset }
                var groupOf: [[Int]: Int] = [:]  // (shift, rule) -> group
                for (offset, column) in breakColumns.enumerated() {
                    for member in breakGroups[column.group] { groupOf[[member, column.rule]] = breakColumns[offset].group }
                }
                var indexOf: [[Int]: Int] = [:]
                for (index, candidate) in candidates.enumerated() { indexOf[[candidate.startSlot, candidate.lengthSlots]] = index }
                coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
                for shift in placed {
                    guard let index = indexOf[[shift.candidate.startSlot, shift.candidate.lengthSlots]] else { continue }
                    for placedBreak in shift.breaks {
                        let position = (shift.candidate.startSlot + placedBreak.offset / curve.slotSeconds) % curve.count
                        // A break the program has no column for (past an open horizon's end) costs it nothing.
                        guard let group = groupOf[[index, placedBreak.rule]],
                              let offset = columnOf[[group, placedBreak.rule, position]] else { continue }
                        values[firstBreakColumn + offset] += 1
                        for slot in 0..<breakLengths[offset] { coverage[(position + slot) % curve.count] -= 1 }
                    }
                }
            } else {
                let chosen = startBreakColumns
                coverage = self.coverage(of: counts, breakColumns: chosen)
                for offset in chosen {
                    values[firstBreakColumn + offset] = Double(breakGroups[breakColumns[offset].group].reduce(0) { $0 + counts[$1] })
                }
            }
            for (index, count) in counts.enumerated() {
                values[index] = Double(count)
                if count > 0, !patterns.isEmpty { values[firstPatternColumn + patternIndex[candidates[index].pattern]!] = 1 }
            }
            for t in 0..<curve.count {
                let difference = Double(coverage[t]) - curve.required[t]
                values[candidates.count + t] = max(0, -difference)
                values[candidates.count + curve.count + t] = max(0, difference)
            }
            return values
        }
    }

}

extension ShiftMixOptimizer {
    /// Builds the integer program of the type's comment.
    /// - Complexity: O(candidates x shift length + intervals).
    static func buildProgram(candidates: [ShiftCandidate], curve: RequirementCurve, options: Options,
                             families: [ShiftFamily] = []) -> Built {
        let count = curve.count
        let minutes = Double(curve.slotSeconds) / 60
        let weights = options.weights
        let usePatterns = weights.distinctShiftPenalty > 0
        let patterns = usePatterns ? Array(Set(candidates.map(\.pattern))).sorted() : []
        let patternIndex = Dictionary(uniqueKeysWithValues: patterns.enumerated().map { ($1, $0) })
        let linkRows = usePatterns ? candidates.count : 0
        // Jump rows (see `jumpRows`): extra coefficients of the slack and pattern columns.
        var underExtra = [[(Int, Double)]](repeating: [], count: count)
        var overExtra = [[(Int, Double)]](repeating: [], count: count)
        var patternExtra = [[(Int, Double)]](repeating: [], count: patterns.count)
        var jumpBounds: [Double] = []
        // Jump rows hold only when agents cover their whole shift: with breaks, coverage also rises when
        // agents come back from a break.
        if usePatterns, options.breaks.isEmpty {
            var startsAt = [Set<Int>](repeating: [], count: count + 1), endsAt = [Set<Int>](repeating: [], count: count + 1)
            for candidate in candidates {
                let pattern = patternIndex[candidate.pattern]!
                startsAt[candidate.startSlot].insert(pattern)
                let end = candidate.startSlot + candidate.lengthSlots
                if curve.cyclic { endsAt[end % count].insert(pattern) } else if end < count { endsAt[end].insert(pattern) }
            }
            for t in 0..<count where curve.cyclic || t > 0 {
                let before = (t - 1 + count) % count
                let jump = curve.required[t] - curve.required[before]
                guard abs(jump) > 1e-9 else { continue }
                let row = count + linkRows + jumpBounds.count
                jumpBounds.append(abs(jump))
                // Rising: u_t + o_{t-1} + jump x (patterns starting at t) >= jump; falling: u_{t-1} + o_t + ...
                underExtra[jump > 0 ? t : before].append((row, 1))
                overExtra[jump > 0 ? before : t].append((row, 1))
                for pattern in jump > 0 ? startsAt[t] : endsAt[t] { patternExtra[pattern].append((row, abs(jump))) }
            }
        }
        // Breaks, placed explicitly (Aykin 1996): w[g][r][p] agents take the break of rule r starting in interval p,
        // as many as work the shifts of group g. Aykin gives each shift its own group; with `groupBreakWindows` the shifts whose
        // windows for a rule are the same intervals (the same start for a rule anchored at the start, the same
        // end for one anchored at the end) share them, which is the same program (any split of a group's breaks
        // among its shifts is one of Aykin's solutions) with 14 times fewer columns on a week of shifts starting
        // every 15 minutes. Breaks of one shift may overlap in the program, which makes it a
        // relaxation: the bound stays valid, and the placement afterwards keeps them apart. A shift whose break
        // could fall past the end of an open horizon is left out (its break may cost nothing).
        let rules = options.breaks
        var breakRowsOfCandidate = [[(Int, Double)]](repeating: [], count: candidates.count)
        var breakColumns: [(group: Int, rule: Int, position: Int, row: Int)] = []
        var breakGroups: [[Int]] = []
        var breakBounds: [(Double, Double)] = []
        var groupOfWindow: [BreakWindow: Int] = [:]
        let firstBreakRow = count + linkRows + jumpBounds.count
        for (index, candidate) in candidates.enumerated() where !rules.isEmpty {
            for (ruleIndex, rule) in rules.enumerated() where rule.applies(to: families[candidate.family], length: candidate.length) {
                let starts = rule.startOffsets(shiftLength: candidate.length, slotSeconds: curve.slotSeconds)
                    .map { candidate.startSlot + $0 / curve.slotSeconds }
                guard let first = starts.first else { continue }
                if !curve.cyclic, starts.contains(where: { $0 + rule.duration / curve.slotSeconds > count }) { continue }
                // Shifts whose break windows for the rule are the same intervals share one set of columns.
                let window = BreakWindow(rule: ruleIndex, first: first % count, count: starts.count,
                                         owner: options.groupBreakWindows ? -1 : index)
                let group: Int
                if let known = groupOfWindow[window] {
                    group = known
                } else {
                    group = breakGroups.count
                    groupOfWindow[window] = group
                    breakGroups.append([])
                    let row = firstBreakRow + breakBounds.count
                    breakBounds.append((0, 0))
                    for start in starts { breakColumns.append((group, ruleIndex, start % count, row)) }
                }
                breakGroups[group].append(index)
                breakRowsOfCandidate[index].append((firstBreakRow + group, -1))
            }
        }
        // Rows of the named agents' capacity (`AgentCapacity`), after the break rows.
        let firstCapacityRow = firstBreakRow + breakBounds.count
        let capacity = AgentCapacity(contracts: options.agents, families: families, candidates: candidates,
                                     paid: candidates.map { paidSeconds(of: $0, families: families, rules: rules) },
                                     horizon: AgentHorizon(curve: curve))
        let program = LinearProgram(rowCount: firstCapacityRow + capacity.upperBounds.count)
        for (offset, bound) in capacity.upperBounds.enumerated() { program.setRow(firstCapacityRow + offset, lower: -.infinity, upper: bound) }
        for (offset, bounds) in breakBounds.enumerated() { program.setRow(firstBreakRow + offset, lower: bounds.0, upper: bounds.1) }
        for (offset, bound) in jumpBounds.enumerated() { program.setRow(count + linkRows + offset, lower: bound, upper: .infinity) }
        let flow = options.formulation == .flow

        // Covering row t, or in the flow form row t minus row t - 1 (row 0 stays a covering row).
        var accumulator = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        func column(covering slots: [Int], sign: Double) -> (rows: [Int], coefficients: [Double]) {
            touched.removeAll(keepingCapacity: true)
            func add(_ row: Int, _ value: Double) {
                if accumulator[row] == 0 { touched.append(row) }
                accumulator[row] += value
            }
            for slot in slots {
                add(slot, sign)
                if flow, slot + 1 < count { add(slot + 1, -sign) }
            }
            var rows: [Int] = [], coefficients: [Double] = []
            for row in touched where accumulator[row] != 0 {
                rows.append(row)
                coefficients.append(accumulator[row])
            }
            for row in touched { accumulator[row] = 0 }
            return (rows, coefficients)
        }
        for t in 0..<count {
            let value = flow && t > 0 ? curve.required[t] - curve.required[t - 1] : curve.required[t]
            program.setRow(t, lower: value, upper: value)
        }

        // Shift columns first, so that their indices match `candidates`.
        var bounds: [Double] = []
        for (index, candidate) in candidates.enumerated() {
            let slots = candidate.coveredSlots(horizonCount: count, cyclic: curve.cyclic)
            let bound = agentBound(candidate, slots: slots, curve: curve, rules: rules, families: families, linked: usePatterns)
            bounds.append(bound)
            var (rows, coefficients) = column(covering: slots, sign: 1)
            rows += breakRowsOfCandidate[index].map(\.0)
            coefficients += breakRowsOfCandidate[index].map(\.1)
            rows += capacity.entries[index].map { firstCapacityRow + $0.0 }
            coefficients += capacity.entries[index].map(\.1)
            if usePatterns {
                rows.append(count + index)
                coefficients.append(1)
            }
            program.addColumn(objective: candidate.cost, lower: 0, upper: bound, isInteger: true,
                              rows: rows, coefficients: coefficients)
        }
        for t in 0..<count {
            var (rows, coefficients) = column(covering: [t], sign: 1)
            rows += underExtra[t].map(\.0)
            coefficients += underExtra[t].map(\.1)
            program.addColumn(objective: weights.underWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
        for t in 0..<count {
            var (rows, coefficients) = column(covering: [t], sign: -1)
            rows += overExtra[t].map(\.0)
            coefficients += overExtra[t].map(\.1)
            program.addColumn(objective: weights.overWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
        if usePatterns {
            var rowsOfPattern = [[Int]](repeating: [], count: patterns.count)
            var coefficientsOfPattern = [[Double]](repeating: [], count: patterns.count)
            for (index, candidate) in candidates.enumerated() {
                let pattern = patternIndex[candidate.pattern]!
                rowsOfPattern[pattern].append(count + index)
                coefficientsOfPattern[pattern].append(-bounds[index])
                program.setRow(count + index, lower: -.infinity, upper: 0)
            }
            for pattern in patterns.indices {
                program.addColumn(objective: weights.distinctShiftPenalty, lower: 0, upper: 1, isInteger: true,
                                  rows: rowsOfPattern[pattern] + patternExtra[pattern].map(\.0),
                                  coefficients: coefficientsOfPattern[pattern] + patternExtra[pattern].map(\.1))
            }
        }
        for entry in breakColumns {
            let lengthSlots = rules[entry.rule].duration / curve.slotSeconds
            var (rows, coefficients) = column(covering: (0..<lengthSlots).map { (entry.position + $0) % count }, sign: -1)
            rows.append(entry.row)
            coefficients.append(1)
            program.addColumn(objective: 0, lower: 0, upper: .infinity, isInteger: true, rows: rows, coefficients: coefficients)
        }
        var built = Built(program: program, candidates: candidates, curve: curve, patterns: patterns, patternIndex: patternIndex,
                          breakColumns: breakColumns.map { ($0.group, $0.rule, $0.position) }, breakGroups: breakGroups,
                          breakLengths: breakColumns.map { rules[$0.rule].duration / curve.slotSeconds })
        built.startBreakColumns = Built.middleBreakColumns(built.breakColumns)
        return built
    }

    /// The most agents some optimal schedule puts on `candidate`, with `m` the largest requirement (rounded
    /// up) among the intervals it covers and `b` the intervals its breaks take per agent:
    ///
    /// - without breaks, `m`: with more, every interval it covers is overstaffed by a whole agent, so one
    ///   agent fewer creates no shortage and costs no more;
    /// - with breaks, `m (b + 1)`: an agent is needed only if it works in an interval where `s` has at most
    ///   `m` agents at work, i.e. at least `n - m` of its `n` agents on a break. The `n b` break-intervals
    ///   make at most `n b / (n - m)` such intervals, each with at most `m` agents at work, so at most
    ///   `m n b / (n - m)` agents are needed, fewer than `n` once `n > m (b + 1)`; removing one that is not
    ///   needed costs no more. Valid whatever the other shifts do, so the lower bound stays a bound.
    ///
    /// The second is loose, so it is used only where a bound is needed (the distinct-shift links);
    /// otherwise a shift with breaks is unbounded.
    static func agentBound(_ candidate: ShiftCandidate, slots: [Int], curve: RequirementCurve, rules: [BreakRule],
                           families: [ShiftFamily], linked: Bool) -> Double {
        let peak = (slots.map { curve.required[$0] }.max() ?? 0).rounded(.up)
        let breakSlots = rules.isEmpty ? 0 : rules
            .filter { $0.applies(to: families[candidate.family], length: candidate.length) }
            .reduce(0) { $0 + ($1.duration + curve.slotSeconds - 1) / curve.slotSeconds }
        if breakSlots == 0 { return peak }
        return linked ? peak * Double(breakSlots + 1) : .infinity
    }

    /// A value for a progress line: two decimals at most.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let hundredths = (value * 100).rounded() / 100
        return hundredths == hundredths.rounded() ? String(Int(hundredths)) : String(hundredths)
    }

    /// Paid seconds of a candidate: its length less the unpaid breaks that apply to it.
    static func paidSeconds(of candidate: ShiftCandidate, families: [ShiftFamily], rules: [BreakRule]) -> Int {
        guard !rules.isEmpty else { return candidate.length }
        return candidate.length - rules.filter { !$0.paid && $0.applies(to: families[candidate.family], length: candidate.length) }
            .reduce(0) { $0 + $1.duration }
    }

    /// The intervals in which a rule's break may start, shared by every shift with the same window.
    struct BreakWindow: Hashable {
        var rule: Int
        var first: Int
        var count: Int
        /// The one candidate using the window, or -1 when shifts share it.
        var owner: Int
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

