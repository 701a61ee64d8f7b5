import ShiftcastCore

/// Schedules named agents under their contracts (SPEC section 3, Agents file; Docs/Scheduling.md).
///
/// Three phases share the time limit:
/// 1. the shift mix (`ShiftMixOptimizer`) with the agents' capacity rows (`AgentCapacity`), at most
///    `mixShare` of the limit: its linear relaxation is the lower bound reported for the named schedule,
///    valid because every schedule that keeps the contracts satisfies those rows;
/// 2. the mix's shifts handed to agents (`AgentConstruction`: working days in blocks, shifts matched to
///    agents day by day), then every agent brought up to their minimum weekly hours where the rules allow;
/// 3. local search (`AgentLocalSearch`) against the objective until the time limit, less a reserve for
///    explaining the shortfalls.
/// The objective is recomputed from the final shifts and breaks, so the gap is that of the real schedule.
public enum AgentScheduler {
    /// Share of the time limit the shift-mix phase may use.
    public static let mixShare = 0.08
    /// How many constructions to try (fewer when they take more than a tenth of the time limit).
    public static let constructions = 16
    /// From the third construction on, another starts only while no more than the mix's share plus this
    /// share of the time limit has passed.
    static let constructionShare = 0.1
    /// Share of the time limit kept at the end for the summary (explaining the shortfalls), at most
    /// `maximumReserveSeconds`.
    static let reserveShare = 0.05
    static let maximumReserveSeconds = 1.0

    /// - Parameters:
    ///   - contracts: the agents, each with no `problems(families:)` (the Agents file reader checks).
    ///   - options: as for the shift mix; `agents` is set from `contracts`. With a distinct-shift penalty the
    ///     search counts, per distinct shift, the agents' shifts that use it: a move that brings in a new
    ///     one pays the penalty, one that takes away the last saves it.
    ///   - explainedShortfalls: how many short intervals, first to last, get their cause worked out (the rest
    ///     are counted); each costs a pass over the agents and the shifts covering it, so past the first
    ///     ``alwaysExplained`` they are worked out only within the time limit (the reserve kept for them).
    /// - Throws: `.internalFailure` when CBC fails.
    /// - Complexity: bounded by `options.timeLimit` plus the reserve (about a second).
    public static func solve(families: [ShiftFamily], curve: RequirementCurve, contracts: [AgentContract],
                             options: ShiftMixOptimizer.Options, explainedShortfalls: Int = 2_000,
                             using generator: inout some RandomNumberGenerator) throws -> AgentScheduleResult {
        let clock = ContinuousClock()
        let began = clock.now
        let mix = try ShiftMixOptimizer.solve(families: families, curve: curve, options: mixOptions(options, contracts: contracts))

        let empty = AgentRoster(contracts: contracts, families: families, rules: options.breaks, candidates: mix.candidates,
                                curve: curve, weights: options.weights)
        options.progress?("assigning the shifts to \(contracts.count) agents")
        let context = AgentLocalSearch.Context(roster: empty)
        let reserve = min(maximumReserveSeconds, reserveShare * options.timeLimit)
        let deadline = began + .milliseconds(Int64(max(0, options.timeLimit - reserve) * 1000))
        let start = bestConstruction(of: mix, from: empty, context: context, deadline: deadline, timeLimit: options.timeLimit,
                                     since: began, using: &generator)
        var roster = start.roster
        options.progress?("local search over the agents' shifts")
        let moves = AgentLocalSearch.improve(&roster, context: context, deadline: deadline, using: &generator)

        // The schedule as a mix, scored from its shifts and placed breaks.
        let (counts, assignments) = mixOfRoster(roster, candidates: mix.candidates)
        let objective = ShiftMixResult.objective(counts: counts, coverage: roster.coverage, candidates: mix.candidates,
                                                 curve: curve, weights: options.weights)
        let lowerBound = min(mix.lowerBound, objective)
        let proven = objective - lowerBound <= ShiftMixOptimizer.provenMargin(objective)
        let shortfalls = explainShortfalls(roster, proven: proven, limit: explainedShortfalls,
                                           until: began + .milliseconds(Int64(options.timeLimit * 1000)))
        let schedule = ShiftMixResult(
            curve: curve, families: families, candidates: mix.candidates, counts: counts, coverage: roster.coverage,
            objective: objective, lowerBound: lowerBound, relaxationBound: mix.relaxationBound, provenOptimal: proven,
            seconds: ShiftMixOptimizer.seconds(clock.now - began), breakRules: options.breaks,
            shifts: assignments.flatMap { $0 })
        return AgentScheduleResult(
            schedule: schedule, contracts: contracts, assignments: assignments,
            belowMinimum: belowMinimum(roster), shortfalls: shortfalls.listed, shortIntervalCount: shortfalls.total,
            droppedMixShifts: start.dropped, mixObjective: mix.objective, movesTried: moves.tried, movesKept: moves.kept)
    }

    /// The options of phase 1, the shift mix: the agents' capacity rows, break windows grouped (the bound
    /// quickly), CBC's search only without breaks, `mixShare` of the time.
    static func mixOptions(_ options: ShiftMixOptimizer.Options, contracts: [AgentContract]) -> ShiftMixOptimizer.Options {
        var mixOptions = options
        mixOptions.agents = contracts
        mixOptions.groupBreakWindows = true
        mixOptions.integerSearch = options.breaks.isEmpty
        mixOptions.timeLimit = options.timeLimit * mixShare
        return mixOptions
    }

    /// Phase 2: several constructions (the order of agents is random), each brought up to the minimum hours
    /// and given the best shift on free days while one lowers the objective; the search starts from the
    /// best, since where it starts decides much of where it ends. Stops early once the time passes the
    /// mix's share plus `constructionShare` of the limit (two constructions at least). Returns the best roster and how many of the
    /// mix's shifts it dropped.
    static func bestConstruction(of mix: ShiftMixResult, from empty: AgentRoster, context: AgentLocalSearch.Context,
                                 deadline: ContinuousClock.Instant, timeLimit: Double, since began: ContinuousClock.Instant,
                                 using generator: inout some RandomNumberGenerator) -> (roster: AgentRoster, dropped: Int) {
        let indexOf = Dictionary(mix.candidates.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let mixShifts = mix.shifts.compactMap { placed in
            indexOf[placed.candidate].map { AgentRoster.Shift(candidate: $0, breaks: placed.breaks) }
        }
        var roster = empty, dropped = 0, bestStart = Double.infinity
        for attempt in 0..<constructions {
            var trial = empty
            let trialDropped = AgentConstruction.assign(mixShifts, into: &trial, until: deadline, using: &generator)
            // On a long horizon with many agents, filling every agent's every week can outlast the limit.
            AgentLocalSearch.fillMinimums(&trial, context: context, until: deadline)
            AgentLocalSearch.fillFreeDays(&trial, context: context, until: deadline)
            let value = trial.objective()
            if value < bestStart { (roster, dropped, bestStart) = (trial, trialDropped, value) }
            if attempt > 0, ShiftMixOptimizer.seconds(ContinuousClock.now - began) > timeLimit * (mixShare + constructionShare) { break }
        }
        return (roster, dropped)
    }

    /// The roster as a mix: agents per candidate, and each agent's placed shifts in order of start.
    static func mixOfRoster(_ roster: AgentRoster, candidates: [ShiftCandidate]) -> (counts: [Int], assignments: [[PlacedShift]]) {
        var counts = [Int](repeating: 0, count: candidates.count)
        var assignments: [[PlacedShift]] = []
        for agentShifts in roster.shifts {
            var placed: [PlacedShift] = []
            for shift in agentShifts {
                counts[shift.candidate] += 1
                placed.append(PlacedShift(candidate: candidates[shift.candidate], breaks: shift.breaks))
            }
            assignments.append(placed.sorted { $0.candidate.startSlot < $1.candidate.startSlot })
        }
        return (counts, assignments)
    }

    /// The rule that holds `agent` back from most of `candidates` (`nil` when one of them is free).
    static func mainRule(_ roster: AgentRoster, agent: Int, candidates: [Int]) -> (rule: AgentRule?, free: Bool) {
        var tally: [AgentRule: Int] = [:]
        for candidate in candidates {
            guard let rule = roster.blockingRule(agent: agent, candidate: candidate) else { return (nil, true) }
            tally[rule, default: 0] += 1
        }
        let rule = tally.max { ($0.value, AgentRule.allCases.firstIndex(of: $1.key)!) < ($1.value, AgentRule.allCases.firstIndex(of: $0.key)!) }?.key
        return (rule, false)
    }

    /// Agents under their minimum hours in a whole week, with the rule that keeps them from more shifts:
    /// the one that blocks most shifts of the families they may work starting that week.
    /// - Complexity: O(candidates + agents below minimum x the week's candidates).
    static func belowMinimum(_ roster: AgentRoster) -> [AgentScheduleResult.BelowMinimum] {
        var found: [AgentScheduleResult.BelowMinimum] = []
        var candidatesOfWeek = [[Int]](repeating: [], count: roster.horizon.weekCount)
        for candidate in roster.candidates.indices { candidatesOfWeek[roster.horizon.week(ofDay: roster.day[candidate])].append(candidate) }
        for agent in roster.contracts.indices {
            for week in 0..<roster.horizon.weekCount where roster.horizon.isWholeWeek(week)
                && roster.weekSeconds[agent][week] < roster.contracts[agent].minimumWeekSeconds {
                let candidates = candidatesOfWeek[week].filter { roster.allowed[agent][roster.candidates[$0].family] }
                found.append(.init(agent: agent, week: week, paidSeconds: roster.weekSeconds[agent][week],
                                   cause: mainRule(roster, agent: agent, candidates: candidates).rule))
            }
        }
        return found
    }

    /// Short intervals whose cause is worked out even after the time limit: those of the summary's lines.
    public static let alwaysExplained = 20

    /// The first `limit` short intervals with their causes (past the first ``alwaysExplained``, only those
    /// worked out before `deadline`), and the count of all short intervals.
    static func explainShortfalls(_ roster: AgentRoster, proven: Bool, limit: Int,
                                  until deadline: ContinuousClock.Instant) -> (listed: [AgentScheduleResult.Shortfall], total: Int) {
        let curve = roster.curve
        var listed: [AgentScheduleResult.Shortfall] = []
        var total = 0
        for slot in 0..<curve.count {
            let short = curve.required[slot] - Double(roster.coverage[slot])
            guard short > 1e-9 else { continue }
            total += 1
            guard listed.count < limit, listed.count < Self.alwaysExplained || ContinuousClock.now < deadline else { continue }
            let covering = roster.candidates.indices.filter { roster.coveredSlots($0).contains(slot) }
            let cause: AgentScheduleResult.Cause
            if covering.isEmpty {
                cause = .noShiftReachesIt
            } else {
                var tally: [AgentRule: Int] = [:]
                var free = false, working = 0
                for agent in roster.contracts.indices {
                    if roster.shifts[agent].contains(where: { roster.coveredSlots($0.candidate).contains(slot) }) {
                        working += 1
                        continue
                    }
                    let main = mainRule(roster, agent: agent, candidates: covering)
                    if main.free { free = true; break }
                    if let rule = main.rule { tally[rule, default: 0] += 1 }
                }
                cause = free ? .notWorthCoveringOrSearchStopped(proven: proven)
                    : .tooFewAgents(working: working, blocked: tally.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { ($0.key, $0.value) })
            }
            listed.append(.init(slot: slot, agents: short, cause: cause))
        }
        return (listed, total)
    }
}
