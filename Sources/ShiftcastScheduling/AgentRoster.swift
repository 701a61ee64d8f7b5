import ShiftcastCore

/// The shifts of every named agent during the search, with the coverage they give and the contract
/// rules checked as shifts come and go.
///
/// Shifts are candidates (indices into one list from `ShiftExpansion`) with their breaks placed. The
/// roster keeps, per agent, the days they start a shift and their paid seconds and days per week, so
/// that whether a shift may be added (`blockingRule`) costs O(the agent's shifts), and it keeps the
/// coverage, so that the change of the objective a shift makes costs O(its length).
struct AgentRoster {
    struct Shift: Equatable {
        var candidate: Int
        var breaks: [PlacedBreak]
    }

    let contracts: [AgentContract]
    let families: [ShiftFamily]
    let rules: [BreakRule]
    let candidates: [ShiftCandidate]
    let curve: RequirementCurve
    let horizon: AgentHorizon
    let weights: ObjectiveWeights
    /// Per candidate: paid seconds, start day and week, days touched, start in elapsed seconds from the start
    /// of the horizon.
    let paid: [Int]
    let day: [Int]
    let touched: [[Int]]
    let startSecond: [Int64]
    /// Per agent: availability per day (one more day than the horizon, for shifts running past it) and
    /// the families they may work.
    let available: [[Bool]]
    let allowed: [[Bool]]

    var shifts: [[Shift]]
    var dayTaken: [[Bool]]
    var weekSeconds: [[Int]]
    var weekDays: [[Int]]
    var coverage: [Int]
    /// Per candidate, its distinct shift (start time of day, length); per distinct shift, the agents'
    /// shifts that use it. Kept only with a distinct-shift penalty.
    let patternOf: [Int]
    var patternUse: [Int]

    /// Applicable break rules, their start offsets and durations, per (family, length in slots).
    private var breakPlans: [Int: (rules: [Int], offsets: [[Int]], durations: [Int])] = [:]

    init(contracts: [AgentContract], families: [ShiftFamily], rules: [BreakRule], candidates: [ShiftCandidate],
         curve: RequirementCurve, weights: ObjectiveWeights) {
        self.contracts = contracts
        self.families = families
        self.rules = rules
        self.candidates = candidates
        self.curve = curve
        self.weights = weights
        let horizon = AgentHorizon(curve: curve)
        self.horizon = horizon
        paid = candidates.map { ShiftMixOptimizer.paidSeconds(of: $0, families: families, rules: rules) }
        day = candidates.map { horizon.day(of: $0) }
        touched = candidates.map { horizon.daysTouched(by: $0) }
        // Elapsed time from the start of the horizon, so rest across a daylight-saving night is exact.
        startSecond = candidates.map { Int64($0.startSlot) * Int64(curve.slotSeconds) }
        let days = horizon.dayCount + 2
        available = contracts.map { contract in (0..<days).map { horizon.isAvailable(contract, day: $0) } }
        allowed = contracts.map { contract in families.map { contract.mayWork($0) } }
        shifts = Array(repeating: [], count: contracts.count)
        dayTaken = Array(repeating: Array(repeating: false, count: days), count: contracts.count)
        weekSeconds = Array(repeating: Array(repeating: 0, count: horizon.weekCount), count: contracts.count)
        weekDays = weekSeconds
        coverage = Array(repeating: 0, count: curve.count)
        if weights.distinctShiftPenalty > 0 {
            var index: [ShiftPattern: Int] = [:]
            patternOf = candidates.map { candidate in
                if let known = index[candidate.pattern] { return known }
                index[candidate.pattern] = index.count
                return index.count - 1
            }
            patternUse = Array(repeating: 0, count: index.count)
        } else {
            patternOf = []
            patternUse = []
        }
        for (index, candidate) in candidates.enumerated() {
            let key = candidate.family << 20 | candidate.lengthSlots
            if breakPlans[key] == nil {
                let applicable = BreakPlacement.rules(for: candidate, families: families, rules: rules)
                breakPlans[key] = (applicable, applicable.map { rules[$0].startOffsets(shiftLength: candidate.length, slotSeconds: curve.slotSeconds) },
                                   applicable.map { rules[$0].duration })
            }
            _ = index
        }
    }

    // MARK: Rules

    /// The first rule (in `AgentRule` order) that keeps `agent` from taking `candidate` on top of their
    /// shifts, or `nil` when it may.
    /// - Complexity: O(the agent's shifts).
    func blockingRule(agent: Int, candidate: Int) -> AgentRule? {
        let shift = candidates[candidate]
        if !allowed[agent][shift.family] { return .shifts }
        for day in touched[candidate] where day >= available[agent].count || !available[agent][day] { return .unavailable }
        let startDay = day[candidate]
        if dayTaken[agent][startDay] { return .oneShiftPerDay }
        let contract = contracts[agent]
        let week = horizon.week(ofDay: startDay)
        if weekDays[agent][week] + 1 > contract.maximumDaysPerWeek { return .maximumDaysPerWeek }
        if weekSeconds[agent][week] + paid[candidate] > contract.maximumWeekSeconds { return .maximumWeekHours }
        if !restKept(agent: agent, candidate: candidate) { return .minimumRest }
        return nil
    }

    /// Whether `candidate` keeps the agent's minimum rest from each of their shifts (and overlaps none).
    func restKept(agent: Int, candidate: Int) -> Bool {
        let rest = Int64(contracts[agent].minimumRestSeconds)
        let start = startSecond[candidate], end = start + Int64(candidates[candidate].length)
        let shifts = horizon.cyclic ? [-horizon.seconds, 0, horizon.seconds] : [0]
        for other in self.shifts[agent] {
            let otherStart = startSecond[other.candidate], otherEnd = otherStart + Int64(candidates[other.candidate].length)
            for shift in shifts where !(otherEnd + shift + rest <= start || end + rest <= otherStart + shift) { return false }
        }
        return true
    }

    // MARK: Changes

    /// Gives `agent` the shift; returns the change of the objective.
    @discardableResult
    mutating func add(agent: Int, _ shift: Shift) -> Double {
        let startDay = day[shift.candidate], week = horizon.week(ofDay: startDay)
        dayTaken[agent][startDay] = true
        weekDays[agent][week] += 1
        weekSeconds[agent][week] += paid[shift.candidate]
        shifts[agent].append(shift)
        var delta = candidates[shift.candidate].cost + newPatternCost(shift.candidate)
        if !patternUse.isEmpty { patternUse[patternOf[shift.candidate]] += 1 }
        for slot in workSlots(shift) {
            delta += penalty(coverage[slot] + 1, slot) - penalty(coverage[slot], slot)
            coverage[slot] += 1
        }
        return delta
    }

    /// Takes the agent's shift at `position` away; returns it and the change of the objective.
    mutating func remove(agent: Int, at position: Int) -> (shift: Shift, delta: Double) {
        let shift = shifts[agent].remove(at: position)
        let startDay = day[shift.candidate], week = horizon.week(ofDay: startDay)
        dayTaken[agent][startDay] = false
        weekDays[agent][week] -= 1
        weekSeconds[agent][week] -= paid[shift.candidate]
        var delta = -candidates[shift.candidate].cost
        if !patternUse.isEmpty {
            patternUse[patternOf[shift.candidate]] -= 1
            // The last shift of a distinct shift takes its penalty with it.
            delta -= newPatternCost(shift.candidate)
        }
        for slot in workSlots(shift) {
            delta += penalty(coverage[slot] - 1, slot) - penalty(coverage[slot], slot)
            coverage[slot] -= 1
        }
        return (shift, delta)
    }

    // MARK: Objective

    /// The distinct-shift penalty one more shift of `candidate` adds: the penalty when no agent works that
    /// distinct shift (start time of day, length) yet, else 0.
    func newPatternCost(_ candidate: Int) -> Double {
        guard !patternUse.isEmpty, patternUse[patternOf[candidate]] == 0 else { return 0 }
        return weights.distinctShiftPenalty
    }

    /// Under- and over-staffing cost of `covered` agents in `slot`.
    func penalty(_ covered: Int, _ slot: Int) -> Double {
        let difference = Double(covered) - curve.required[slot]
        let minutes = Double(curve.slotSeconds) / 60
        return difference < 0 ? -difference * weights.underWeight * minutes : difference * weights.overWeight * minutes
    }

    /// The horizon's intervals a shift covers, breaks included.
    func coveredSlots(_ candidate: Int) -> [Int] {
        candidates[candidate].coveredSlots(horizonCount: curve.count, cyclic: curve.cyclic)
    }

    /// The intervals the agent is at work on the shift (not on a break).
    func workSlots(_ shift: Shift) -> [Int] {
        let candidate = candidates[shift.candidate]
        var slots: [Int] = []
        slots.reserveCapacity(candidate.lengthSlots)
        var step = 0
        var breaks = shift.breaks.makeIterator()
        var next = breaks.next()
        while step < candidate.lengthSlots {
            if let placed = next, step == placed.offset / curve.slotSeconds {
                step += rules[placed.rule].duration / curve.slotSeconds
                next = breaks.next()
                continue
            }
            let slot = candidate.startSlot + step
            if curve.cyclic { slots.append(slot % curve.count) } else if slot < curve.count { slots.append(slot) }
            step += 1
        }
        return slots
    }

    /// The breaks of `candidate` placed where one more agent gains least (`gain[t]`: the objective's change
    /// when one agent more works interval t), and the exact change of the objective when an agent takes
    /// the shift; `nil` when its breaks cannot be placed.
    /// - Complexity: O(combinations of break starts x break length).
    func placeBreaks(_ candidate: Int, gain: [Double]) -> (breaks: [PlacedBreak], delta: Double)? {
        let shift = candidates[candidate]
        var delta = shift.cost + newPatternCost(candidate)
        for slot in coveredSlots(candidate) { delta += gain[slot] }
        guard let plan = breakPlans[shift.family << 20 | shift.lengthSlots], !plan.rules.isEmpty else { return ([], delta) }
        func breakGain(_ offset: Int, _ duration: Int) -> Double {
            var total = 0.0
            for step in 0..<(duration / curve.slotSeconds) {
                let slot = shift.startSlot + offset / curve.slotSeconds + step
                if curve.cyclic { total += gain[slot % curve.count] } else if slot < curve.count { total += gain[slot] }
            }
            return total
        }
        guard let choice = BreakPlacement.cheapest(offsets: plan.offsets, durations: plan.durations,
                                                   cost: { index, offset in -breakGain(offset, plan.durations[index]) }) else { return nil }
        var breaks: [PlacedBreak] = []
        for (index, offset) in choice.enumerated() {
            delta -= breakGain(offset, plan.durations[index])
            breaks.append(PlacedBreak(rule: plan.rules[index], offset: offset))
        }
        return (breaks.sorted { $0.offset < $1.offset }, delta)
    }

    /// The objective's change when one more agent works each interval.
    func additionGain() -> [Double] {
        (0..<curve.count).map { penalty(coverage[$0] + 1, $0) - penalty(coverage[$0], $0) }
    }

    /// The whole objective of the roster (SPEC section 3).
    func objective() -> Double {
        var total = Double(patternUse.filter { $0 > 0 }.count) * weights.distinctShiftPenalty
        for agentShifts in shifts { for shift in agentShifts { total += candidates[shift.candidate].cost } }
        for slot in 0..<curve.count { total += penalty(coverage[slot], slot) }
        return total
    }
}
