import ShiftcastCore

/// The integer program of ``ShiftMixOptimizer`` (the type's comment gives the model): how it is built, row
/// block by row block and column block by column block, and how a mix is read as a point of it.
///
/// Rows, in order: one covering row per interval (`Formulation.flow`: differences of them); with a
/// distinct-shift penalty, one link row per shift (`x_s <= M_s y_k(s)`) and the jump rows; one row per
/// break group; the named agents' capacity rows. Columns, in order: the shifts (in the order of the
/// candidates), under-staffing per interval, over-staffing per interval, one per distinct shift, the breaks.
extension ShiftMixOptimizer {
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
            let coverage: [Int]
            if let placed {
                coverage = placeBreakColumns(of: counts, placed: placed, into: &values)
            } else {
                coverage = placeMiddleBreakColumns(of: counts, into: &values)
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

        /// A start's break columns where the shifts of `placed` take their breaks; returns the coverage
        /// after those breaks.
        private func placeBreakColumns(of counts: [Int], placed: [PlacedShift], into values: inout [Double]) -> [Int] {
            var columnOf: [[Int]: Int] = [:]  // (group, rule, interval) -> break column
            for (offset, column) in breakColumns.enumerated() { columnOf[[column.group, column.rule, column.position]] = offset }
            var groupOf: [[Int]: Int] = [:]  // (shift, rule) -> group
            for (offset, column) in breakColumns.enumerated() {
                for member in breakGroups[column.group] { groupOf[[member, column.rule]] = breakColumns[offset].group }
            }
            var indexOf: [[Int]: Int] = [:]
            for (index, candidate) in candidates.enumerated() { indexOf[[candidate.startSlot, candidate.lengthSlots]] = index }
            var coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
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
            return coverage
        }

        /// A start's break columns at the middle of each window, all of a group's agents in one; returns the
        /// coverage after those breaks.
        private func placeMiddleBreakColumns(of counts: [Int], into values: inout [Double]) -> [Int] {
            let chosen = startBreakColumns
            let coverage = self.coverage(of: counts, breakColumns: chosen)
            for offset in chosen {
                values[firstBreakColumn + offset] = Double(breakGroups[breakColumns[offset].group].reduce(0) { $0 + counts[$1] })
            }
            return coverage
        }
    }

    /// Builds the integer program of the type's comment: the rows' blocks and bounds first (their sizes
    /// decide where each block starts), then the columns in the order of `Built`'s layout.
    /// - Complexity: O(candidates x shift length + intervals).
    static func buildProgram(candidates: [ShiftCandidate], curve: RequirementCurve, options: Options,
                             families: [ShiftFamily] = []) -> Built {
        let count = curve.count
        let usePatterns = options.weights.distinctShiftPenalty > 0
        let patterns = usePatterns ? Array(Set(candidates.map(\.pattern))).sorted() : []
        let patternIndex = Dictionary(uniqueKeysWithValues: patterns.enumerated().map { ($1, $0) })
        let linkRows = usePatterns ? candidates.count : 0
        // Jump rows hold only when agents cover their whole shift: with breaks, coverage also rises when
        // agents come back from a break.
        let jumps = usePatterns && options.breaks.isEmpty
            ? jumpRows(candidates: candidates, curve: curve, patternIndex: patternIndex, firstRow: count + linkRows)
            : JumpRows(intervals: count, patterns: patterns.count)
        let firstBreakRow = count + linkRows + jumps.bounds.count
        let breaks = breakRows(candidates: candidates, curve: curve, options: options, families: families, firstRow: firstBreakRow)
        // Rows of the named agents' capacity (`AgentCapacity`), after the break rows.
        let firstCapacityRow = firstBreakRow + breaks.groups.count
        let capacity = AgentCapacity(contracts: options.agents, families: families, candidates: candidates,
                                     paid: candidates.map { paidSeconds(of: $0, families: families, rules: options.breaks) },
                                     horizon: AgentHorizon(curve: curve))
        let program = LinearProgram(rowCount: firstCapacityRow + capacity.upperBounds.count)
        for (offset, bound) in capacity.upperBounds.enumerated() { program.setRow(firstCapacityRow + offset, lower: -.infinity, upper: bound) }
        for offset in breaks.groups.indices { program.setRow(firstBreakRow + offset, lower: 0, upper: 0) }
        for (offset, bound) in jumps.bounds.enumerated() { program.setRow(count + linkRows + offset, lower: bound, upper: .infinity) }
        var columns = CoveringColumns(curve: curve, formulation: options.formulation)
        columns.boundCoveringRows(of: program)

        // Shift columns first, so that their indices match `candidates`.
        let bounds = addShiftColumns(to: program, candidates: candidates, columns: &columns, breakRows: breaks.rowsOfCandidate,
                                     capacity: capacity, firstCapacityRow: firstCapacityRow, options: options,
                                     families: families, linked: usePatterns)
        addSlackColumns(to: program, columns: &columns, jumps: jumps, weights: options.weights)
        if usePatterns {
            addDistinctShiftColumns(to: program, candidates: candidates, bounds: bounds, patterns: patterns,
                                    patternIndex: patternIndex, jumps: jumps, firstRow: count, weights: options.weights)
        }
        addBreakColumns(to: program, breaks: breaks, columns: &columns, rules: options.breaks)
        var built = Built(program: program, candidates: candidates, curve: curve, patterns: patterns, patternIndex: patternIndex,
                          breakColumns: breaks.columns.map { ($0.group, $0.rule, $0.position) }, breakGroups: breaks.groups,
                          breakLengths: breaks.columns.map { options.breaks[$0.rule].duration / curve.slotSeconds })
        built.startBreakColumns = Built.middleBreakColumns(built.breakColumns)
        return built
    }

    /// The jump rows: where the requirement jumps between two intervals, some shift must start (a rise) or
    /// end (a fall) there, or the slacks take the jump. They hold the extra coefficients of the slack and
    /// distinct-shift columns in them, and their lower bounds (the jumps' sizes).
    private struct JumpRows {
        /// Per interval, the (row, coefficient) of its under-staffing column in the jump rows.
        var underExtra: [[(Int, Double)]]
        /// Per interval, the (row, coefficient) of its over-staffing column in the jump rows.
        var overExtra: [[(Int, Double)]]
        /// Per distinct shift, the (row, coefficient) of its column in the jump rows.
        var patternExtra: [[(Int, Double)]]
        /// The lower bound of each jump row, one per jump.
        var bounds: [Double] = []

        /// No jump rows.
        init(intervals: Int, patterns: Int) {
            underExtra = Array(repeating: [], count: intervals)
            overExtra = Array(repeating: [], count: intervals)
            patternExtra = Array(repeating: [], count: patterns)
        }
    }

    /// Rows that tighten the relaxation with a distinct-shift penalty, one per jump in the requirement,
    /// numbered from `firstRow`: when the requirement rises by `j` at interval `t`, coverage can rise there
    /// only if some shift starts at `t`, else the slacks take the whole jump:
    /// `u_t + o_{t-1} + j sum y_k(starting at t) >= j` (a fall: `u_{t-1} + o_t + j sum y_k(ending at t) >= j`).
    /// Every integer mix satisfies them (`y_k` is 1 for a shift in use), so the bound stays a bound.
    private static func jumpRows(candidates: [ShiftCandidate], curve: RequirementCurve, patternIndex: [ShiftPattern: Int],
                                 firstRow: Int) -> JumpRows {
        let count = curve.count
        var jumps = JumpRows(intervals: count, patterns: patternIndex.count)
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
            let row = firstRow + jumps.bounds.count
            jumps.bounds.append(abs(jump))
            // Rising: u_t + o_{t-1} + jump x (patterns starting at t) >= jump; falling: u_{t-1} + o_t + ...
            jumps.underExtra[jump > 0 ? t : before].append((row, 1))
            jumps.overExtra[jump > 0 ? before : t].append((row, 1))
            for pattern in jump > 0 ? startsAt[t] : endsAt[t] { jumps.patternExtra[pattern].append((row, abs(jump))) }
        }
        return jumps
    }

    /// The break rows and columns: one row per window group (`x` of its shifts = breaks started in it), one
    /// column per (group, rule, start interval).
    private struct BreakRows {
        /// Per candidate, the (row, coefficient) of its column in the break rows.
        var rowsOfCandidate: [[(Int, Double)]]
        /// Each break column's window group, rule, start interval and row.
        var columns: [(group: Int, rule: Int, position: Int, row: Int)] = []
        /// The candidates of each window group; one row per group, each an equation with right-hand side 0.
        var groups: [[Int]] = []
    }

    /// Breaks, placed explicitly (Aykin 1996): w[g][r][p] agents take the break of rule r starting in interval p,
    /// as many as work the shifts of group g. Aykin gives each shift its own group; with `groupBreakWindows` the shifts whose
    /// windows for a rule are the same intervals (the same start for a rule anchored at the start, the same
    /// end for one anchored at the end) share them, which is the same program (any split of a group's breaks
    /// among its shifts is one of Aykin's solutions) with 14 times fewer columns on a week of shifts starting
    /// every 15 minutes. Breaks of one shift may overlap in the program, which makes it a
    /// relaxation: the bound stays valid, and the placement afterwards keeps them apart. A shift whose break
    /// could fall past the end of an open horizon is left out (its break may cost nothing).
    /// Rows are numbered from `firstRow`, one per group.
    private static func breakRows(candidates: [ShiftCandidate], curve: RequirementCurve, options: Options, families: [ShiftFamily],
                                  firstRow: Int) -> BreakRows {
        let count = curve.count
        let rules = options.breaks
        var breaks = BreakRows(rowsOfCandidate: Array(repeating: [], count: candidates.count))
        var groupOfWindow: [BreakWindow: Int] = [:]
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
                    group = breaks.groups.count
                    groupOfWindow[window] = group
                    breaks.groups.append([])
                    for start in starts { breaks.columns.append((group, ruleIndex, start % count, firstRow + group)) }
                }
                breaks.groups[group].append(index)
                breaks.rowsOfCandidate[index].append((firstRow + group, -1))
            }
        }
        return breaks
    }

    /// The covering rows, and each column's entries in them: in the covering form, a column that covers
    /// some intervals has +1 (or -1) in their rows; in the flow form, where row t is covering row t minus
    /// covering row t - 1 (row 0 stays a covering row), the entries are the differences, which cancel
    /// inside a run of intervals.
    private struct CoveringColumns {
        let curve: RequirementCurve
        let flow: Bool
        /// A dense scratch row, all zero between calls, and the rows it holds values for.
        private var accumulator: [Double]
        private var touched: [Int] = []

        init(curve: RequirementCurve, formulation: Formulation) {
            self.curve = curve
            flow = formulation == .flow
            accumulator = Array(repeating: 0, count: curve.count)
        }

        /// Each covering row equals the requirement (in the flow form, the requirement's change).
        func boundCoveringRows(of program: LinearProgram) {
            for t in 0..<curve.count {
                let value = flow && t > 0 ? curve.required[t] - curve.required[t - 1] : curve.required[t]
                program.setRow(t, lower: value, upper: value)
            }
        }

        /// The rows and coefficients of a column that adds `sign` agents to each of `slots`.
        mutating func column(covering slots: [Int], sign: Double) -> (rows: [Int], coefficients: [Double]) {
            touched.removeAll(keepingCapacity: true)
            for slot in slots {
                add(slot, sign)
                if flow, slot + 1 < curve.count { add(slot + 1, -sign) }
            }
            var rows: [Int] = [], coefficients: [Double] = []
            for row in touched where accumulator[row] != 0 {
                rows.append(row)
                coefficients.append(accumulator[row])
            }
            for row in touched { accumulator[row] = 0 }
            return (rows, coefficients)
        }

        private mutating func add(_ row: Int, _ value: Double) {
            if accumulator[row] == 0 { touched.append(row) }
            accumulator[row] += value
        }
    }

    /// One integer column per candidate, bounded by `agentBound`, with its entries in the covering, break,
    /// capacity and (`linked`) link rows. Returns the bounds, which the link rows need.
    private static func addShiftColumns(to program: LinearProgram, candidates: [ShiftCandidate], columns: inout CoveringColumns,
                                        breakRows: [[(Int, Double)]], capacity: AgentCapacity, firstCapacityRow: Int,
                                        options: Options, families: [ShiftFamily], linked: Bool) -> [Double] {
        let curve = columns.curve
        var bounds: [Double] = []
        for (index, candidate) in candidates.enumerated() {
            let slots = candidate.coveredSlots(horizonCount: curve.count, cyclic: curve.cyclic)
            let bound = agentBound(candidate, slots: slots, curve: curve, rules: options.breaks, families: families, linked: linked)
            bounds.append(bound)
            var (rows, coefficients) = columns.column(covering: slots, sign: 1)
            rows += breakRows[index].map(\.0)
            coefficients += breakRows[index].map(\.1)
            rows += capacity.entries[index].map { firstCapacityRow + $0.0 }
            coefficients += capacity.entries[index].map(\.1)
            if linked {
                rows.append(curve.count + index)
                coefficients.append(1)
            }
            program.addColumn(objective: candidate.cost, lower: 0, upper: bound, isInteger: true,
                              rows: rows, coefficients: coefficients)
        }
        return bounds
    }

    /// The under-staffing columns `u_t`, then the over-staffing columns `o_t`, one per interval, each
    /// costing its weight per agent-minute, with their entries in the jump rows.
    private static func addSlackColumns(to program: LinearProgram, columns: inout CoveringColumns, jumps: JumpRows,
                                        weights: ObjectiveWeights) {
        let count = columns.curve.count
        let minutes = Double(columns.curve.slotSeconds) / 60
        for t in 0..<count {
            var (rows, coefficients) = columns.column(covering: [t], sign: 1)
            rows += jumps.underExtra[t].map(\.0)
            coefficients += jumps.underExtra[t].map(\.1)
            program.addColumn(objective: weights.underWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
        for t in 0..<count {
            var (rows, coefficients) = columns.column(covering: [t], sign: -1)
            rows += jumps.overExtra[t].map(\.0)
            coefficients += jumps.overExtra[t].map(\.1)
            program.addColumn(objective: weights.overWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
    }

    /// The link rows `x_s - M_s y_k(s) <= 0`, one per shift from `firstRow`, and one binary column `y_k` per
    /// distinct shift costing the penalty, with its entries in the link and jump rows.
    private static func addDistinctShiftColumns(to program: LinearProgram, candidates: [ShiftCandidate], bounds: [Double],
                                                patterns: [ShiftPattern], patternIndex: [ShiftPattern: Int], jumps: JumpRows,
                                                firstRow: Int, weights: ObjectiveWeights) {
        var rowsOfPattern = [[Int]](repeating: [], count: patterns.count)
        var coefficientsOfPattern = [[Double]](repeating: [], count: patterns.count)
        for (index, candidate) in candidates.enumerated() {
            let pattern = patternIndex[candidate.pattern]!
            rowsOfPattern[pattern].append(firstRow + index)
            coefficientsOfPattern[pattern].append(-bounds[index])
            program.setRow(firstRow + index, lower: -.infinity, upper: 0)
        }
        for pattern in patterns.indices {
            program.addColumn(objective: weights.distinctShiftPenalty, lower: 0, upper: 1, isInteger: true,
                              rows: rowsOfPattern[pattern] + jumps.patternExtra[pattern].map(\.0),
                              coefficients: coefficientsOfPattern[pattern] + jumps.patternExtra[pattern].map(\.1))
        }
    }

    /// One integer column per (window group, rule, start interval): agents on that break, taken from the
    /// covering rows of the intervals it lasts, and counted in the group's row.
    private static func addBreakColumns(to program: LinearProgram, breaks: BreakRows, columns: inout CoveringColumns, rules: [BreakRule]) {
        let curve = columns.curve
        for entry in breaks.columns {
            let lengthSlots = rules[entry.rule].duration / curve.slotSeconds
            var (rows, coefficients) = columns.column(covering: (0..<lengthSlots).map { (entry.position + $0) % curve.count }, sign: -1)
            rows.append(entry.row)
            coefficients.append(1)
            program.addColumn(objective: 0, lower: 0, upper: .infinity, isInteger: true, rows: rows, coefficients: coefficients)
        }
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
}
