import ShiftcastCore

/// A break placed in a shift: which rule, and when it starts, in seconds after the shift's start.
public struct PlacedBreak: Sendable, Equatable {
    /// Index of the rule in the list of break rules.
    public var rule: Int
    public var offset: Int

    public init(rule: Int, offset: Int) {
        self.rule = rule
        self.offset = offset
    }
}

/// One agent's shift with its breaks, ordered by start.
public struct PlacedShift: Sendable, Equatable {
    public var candidate: ShiftCandidate
    public var breaks: [PlacedBreak]

    public init(candidate: ShiftCandidate, breaks: [PlacedBreak] = []) {
        self.candidate = candidate
        self.breaks = breaks
    }
}

/// Places the breaks and lunches of every staffed shift inside their windows, where coverage loses least.
///
/// Shifts are taken in order of start. For each, every combination of one start per applicable rule, on
/// the grid and with no two breaks overlapping, is scored by how much the objective grows when the agent
/// stops covering those intervals (given the coverage so far), and the cheapest is kept; ties go to the
/// earliest starts. A greedy, explicit counterpart of the break placement that Aykin (1996) and Bechtold and
/// Jacobs (1990) leave implicit in their shift-scheduling models.
public enum BreakPlacement {
    /// The indices of the rules that apply to a candidate shift.
    public static func rules(for candidate: ShiftCandidate, families: [ShiftFamily], rules: [BreakRule]) -> [Int] {
        rules.indices.filter { rules[$0].applies(to: families[candidate.family], length: candidate.length) }
    }

    /// The cheapest non-overlapping choice of one offset per rule, or `nil` when none exists.
    /// - Parameters:
    ///   - offsets: the allowed start offsets of each rule, in seconds after the shift's start.
    ///   - durations: each rule's duration in seconds.
    ///   - cost: the cost of rule `i` starting at an offset.
    /// - Complexity: O(product of the offset counts) in the worst case; rules are few and windows short.
    static func cheapest(offsets: [[Int]], durations: [Int], cost: (Int, Int) -> Double) -> [Int]? {
        // Costs are computed once; the search prunes with the cheapest possible rest, which stays valid when
        // costs are negative.
        let costs = offsets.indices.map { index in offsets[index].map { cost(index, $0) } }
        var restMinimum = [Double](repeating: 0, count: offsets.count + 1)
        for index in offsets.indices.reversed() { restMinimum[index] = restMinimum[index + 1] + (costs[index].min() ?? 0) }
        var best: [Int]?, bestCost = Double.infinity
        var chosen: [Int] = []
        func search(_ index: Int, _ total: Double) {
            if total + restMinimum[index] >= bestCost { return }
            if index == offsets.count {
                best = chosen
                bestCost = total
                return
            }
            for (position, offset) in offsets[index].enumerated() {
                let end = offset + durations[index]
                let overlaps = chosen.indices.contains { other in
                    offset < chosen[other] + durations[other] && chosen[other] < end
                }
                if overlaps { continue }
                chosen.append(offset)
                search(index + 1, total + costs[index][position])
                chosen.removeLast()
            }
        }
        search(0, 0)
        return best
    }

    /// Places the breaks of `counts` agents on each candidate.
    /// - Returns: one placed shift per agent-shift, in order of start, and the coverage after breaks.
    /// - Throws: `ShiftcastError(.badData)` when a shift's rules cannot all fit without overlapping (the
    ///   Breaks file reader refuses such rules, so only a caller that skips it can meet this).
    /// - Complexity: O(shifts x combinations x break length).
    /// - Parameter planned: for each candidate (by index) and rule, the breaks the shift-mix program planned
    ///   to start in each interval; a placement that follows the plan is preferred, since the program chose
    ///   the mix for it.
    public static func place(counts: [Int], candidates: [ShiftCandidate], families: [ShiftFamily], rules: [BreakRule],
                             curve: RequirementCurve, weights: ObjectiveWeights,
                             planned: [Int: [Int: [Int: Int]]] = [:]) throws -> (shifts: [PlacedShift], coverage: [Int]) {
        var planned = planned
        // Following the plan outweighs any difference in coverage loss.
        let planBonus = 1e9
        var coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
        let minutes = Double(curve.slotSeconds) / 60
        func penalty(_ covered: Int, _ required: Double) -> Double {
            let difference = Double(covered) - required
            return difference < 0 ? -difference * weights.underWeight * minutes : difference * weights.overWeight * minutes
        }
        func slots(of candidate: ShiftCandidate, offset: Int, duration: Int) -> [Int] {
            let first = candidate.startSlot + offset / curve.slotSeconds
            return (0..<(duration / curve.slotSeconds)).compactMap { step in
                let slot = first + step
                if curve.cyclic { return slot % curve.count }
                return slot < curve.count ? slot : nil
            }
        }
        var placed: [PlacedShift] = []
        let order = candidates.indices.filter { counts[$0] > 0 }.sorted { candidates[$0].startSlot < candidates[$1].startSlot }
        for index in order {
            let candidate = candidates[index]
            let applicable = Self.rules(for: candidate, families: families, rules: rules)
            for _ in 0..<counts[index] {
                guard !applicable.isEmpty else {
                    placed.append(PlacedShift(candidate: candidate))
                    continue
                }
                let offsets = applicable.map { rules[$0].startOffsets(shiftLength: candidate.length, slotSeconds: curve.slotSeconds) }
                let durations = applicable.map { rules[$0].duration }
                let choice = cheapest(offsets: offsets, durations: durations) { position, offset in
                    let startSlot = (candidate.startSlot + offset / curve.slotSeconds) % curve.count
                    // A planned start is taken leftmost first (earliest deadline first matches every shift to
                    // the plan when the plan allows it); otherwise where coverage loses least.
                    if (planned[index]?[applicable[position]]?[startSlot] ?? 0) > 0 { return -planBonus + Double(offset) }
                    return slots(of: candidate, offset: offset, duration: durations[position]).reduce(0) { total, slot in
                        total + penalty(coverage[slot] - 1, curve.required[slot]) - penalty(coverage[slot], curve.required[slot])
                    }
                }
                guard let choice else {
                    throw ShiftcastError(.badData, "the breaks of shift family '\(families[candidate.family].name)' do not fit "
                        + "together in its \(TimeSpan.spelling(seconds: Double(candidate.length))) shifts without overlapping")
                }
                var breaks: [PlacedBreak] = []
                for (position, offset) in choice.enumerated() {
                    let startSlot = (candidate.startSlot + offset / curve.slotSeconds) % curve.count
                    if let left = planned[index]?[applicable[position]]?[startSlot], left > 0 {
                        planned[index]![applicable[position]]![startSlot] = left - 1
                    }
                    for slot in slots(of: candidate, offset: offset, duration: durations[position]) { coverage[slot] -= 1 }
                    breaks.append(PlacedBreak(rule: applicable[position], offset: offset))
                }
                placed.append(PlacedShift(candidate: candidate, breaks: breaks.sorted { $0.offset < $1.offset }))
            }
        }
        return (placed, coverage)
    }
}
