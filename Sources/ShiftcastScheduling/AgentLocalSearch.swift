import Foundation
import ShiftcastCore

/// Improves a schedule of named agents against the objective of SPEC section 3, keeping every rule.
///
/// Moves, each on one agent chosen at random (seeded, so a run repeats), each drawn as often as
/// `movePercentages` says:
/// - add: the best shift on one of the agent's free days;
/// - drop: one of the agent's shifts, when the agent keeps their minimum weekly hours;
/// - relocate: one of the agent's shifts taken away and the best shift put on any free day instead
///   (another start, length or day; a move that would leave the agent under their minimum must make up
///   the hours in the same week).
/// - relocate two: two of the agent's shifts in a week taken away and the best two put back one after the
///   other, so that hours can pass from one shift to another when the agent is at their weekly maximum;
/// - relocate a group: one shift each of two to four agents (often agents working the same day) taken away
///   and the best put back for each in turn, so agents can trade places where rest or hours keep each from
///   moving alone (a small ruin-and-recreate step, Schrimpf et al. 2000);
/// - transfer: one of the agent's shifts given to another agent free that day (coverage unchanged, but the
///   day it frees lets later moves reach further).
/// A move is kept when it lowers the objective plus two small tie-breaking terms outside the objective
/// (or, while the annealing temperature is up, by chance when it raises it a little):
/// 0.25 per extra block of days off in a week (days off together) and 0.05 x (weekend days worked)^2 per
/// agent (weekends shared: the sum of squares is least when spread evenly). Both weigh less than one
/// agent-minute short, so coverage always comes first.
///
/// The best shift on a day is found in two steps: every candidate the agent may take is scored in O(1) by
/// prefix sums of the gain of one more agent per interval, ignoring breaks; the best few then get their
/// breaks placed (`AgentRoster.placeBreaks`) and the exact change of the objective. This is a first-
/// improvement search with simulated annealing, in the spirit of Brusco and Jacobs (1993), who anneal
/// tours of named agents; the best roster seen is kept.
enum AgentLocalSearch {
    /// Moves of the annealing phase, per agent (about 47 s for 200 agents on the development machine).
    static let annealingMovesPerAgent = 4_500

    /// How many candidates per search get their breaks placed and their exact score.
    static let shortList = 6

    struct Context {
        /// Candidate indices starting on each day.
        var byDay: [[Int]]

        /// Per candidate: cost, and the range of the doubled prefix sums its covered intervals span.
        var cost: [Double]
        var first: [Int]
        var end: [Int]
        /// The longest paid seconds of any candidate.
        var longestPaid: Int

        init(roster: AgentRoster) {
            byDay = Array(repeating: [], count: roster.horizon.dayCount)
            for index in roster.candidates.indices where roster.day[index] >= 0 && roster.day[index] < byDay.count {
                byDay[roster.day[index]].append(index)
            }
            let count = roster.curve.count
            longestPaid = roster.paid.max() ?? 0
            cost = roster.candidates.map(\.cost)
            first = roster.candidates.map(\.startSlot)
            end = roster.candidates.map { shift in
                roster.curve.cyclic ? shift.startSlot + min(shift.lengthSlots, count) : min(shift.startSlot + shift.lengthSlots, count)
            }
        }
    }

    /// The shift `agent` may take on one of `days` that lowers the objective most (or raises it least),
    /// paying at least `minimumPaid` seconds; `nil` when the agent may take none.
    static func bestAddition(_ roster: AgentRoster, agent: Int, days: [Int], minimumPaid: Int = 0,
                             context: Context) -> (shift: AgentRoster.Shift, delta: Double)? {
        let gain = roster.additionGain()
        let count = roster.curve.count
        var prefix = [Double](repeating: 0, count: 2 * count + 1)
        for index in 0..<(2 * count) { prefix[index + 1] = prefix[index] + gain[index % count] }
        var short: [(candidate: Int, score: Double)] = []
        let maximumDays = roster.contracts[agent].maximumDaysPerWeek
        for day in days where day < context.byDay.count && !roster.dayTaken[agent][day] && roster.available[agent][day]
            && roster.weekDays[agent][roster.horizon.week(ofDay: day)] < maximumDays {
            for candidate in context.byDay[day] {
                let score = context.cost[candidate] + roster.newPatternCost(candidate)
                    + prefix[context.end[candidate]] - prefix[context.first[candidate]]
                if short.count == shortList, score >= short[shortList - 1].score { continue }
                guard roster.paid[candidate] >= minimumPaid else { continue }
                guard roster.blockingRule(agent: agent, candidate: candidate) == nil else { continue }
                var position = short.count
                while position > 0, short[position - 1].score > score { position -= 1 }
                short.insert((candidate, score), at: position)
                if short.count > shortList { short.removeLast() }
            }
        }
        var best: (shift: AgentRoster.Shift, delta: Double)? = nil
        for entry in short {
            guard let placed = roster.placeBreaks(entry.candidate, gain: gain) else { continue }
            if best == nil || placed.delta < best!.delta {
                best = (AgentRoster.Shift(candidate: entry.candidate, breaks: placed.breaks), placed.delta)
            }
        }
        return best
    }

    /// The tie-breaking term per extra block of days off in a week (days off together). It and the next
    /// weigh less than one agent-minute short at the default weight, so coverage comes first.
    static let extraDaysOffBlockPenalty = 0.25

    /// The tie-breaking term per agent per (weekend days worked)^2: the sum of squares is least when
    /// weekends are shared evenly.
    static let weekendDaySquaredPenalty = 0.05

    /// The tie-breaking terms of one agent: extra blocks of days off per week and weekend days squared.
    static func softPenalty(_ roster: AgentRoster, agent: Int) -> Double {
        let horizon = roster.horizon
        let taken = roster.dayTaken[agent]
        let wraps = horizon.cyclic && horizon.dayCount % 7 == 0
        var extraBlocks = 0, weekendDays = 0
        for week in 0..<horizon.weekCount {
            let low = week * 7, high = min(horizon.dayCount, week * 7 + 7)
            var blocks = 0, anyWorked = false
            for day in low..<high {
                if taken[day] { anyWorked = true; continue }
                if day == low {
                    if !(wraps && !taken[high - 1]) { blocks += 1 }
                } else if taken[day - 1] {
                    blocks += 1
                }
            }
            if wraps, !anyWorked { blocks = 1 }
            if wraps, blocks == 0, anyWorked, (low..<high).contains(where: { !taken[$0] }) { blocks = 1 }
            extraBlocks += max(0, blocks - 1)
        }
        for day in 0..<horizon.dayCount where taken[day] && horizon.isWeekend(day: day) { weekendDays += 1 }
        return extraDaysOffBlockPenalty * Double(extraBlocks) + weekendDaySquaredPenalty * Double(weekendDays * weekendDays)
    }

    /// Days of the horizon (or of one week) on which the agent starts no shift and is available.
    static func freeDays(_ roster: AgentRoster, agent: Int, week: Int? = nil) -> [Int] {
        let range = week.map { $0 * 7..<min(roster.horizon.dayCount, $0 * 7 + 7) } ?? 0..<roster.horizon.dayCount
        return range.filter { !roster.dayTaken[agent][$0] && roster.available[agent][$0] }
    }

    /// The most steps (a shift added, or one replaced by a longer one) `fillMinimums` takes per agent and
    /// week: twice the days of a week, a bound against a loop that never reaches the minimum.
    static let maximumFillStepsPerWeek = 14

    /// Brings every agent up to their minimum weekly hours where the rules allow: the best shift on a free
    /// day of the week, whatever it costs, or else one of the week's shifts replaced by a longer one.
    /// Stops at `deadline`: the agents not reached yet stay below their minimum, and the summary says so.
    static func fillMinimums(_ roster: inout AgentRoster, context: Context, until deadline: ContinuousClock.Instant) {
        for agent in roster.contracts.indices where ContinuousClock.now < deadline {
            let minimum = roster.contracts[agent].minimumWeekSeconds
            guard minimum > 0 else { continue }
            for week in 0..<roster.horizon.weekCount where roster.horizon.isWholeWeek(week) {
                var guardCount = 0
                while roster.weekSeconds[agent][week] < minimum, guardCount < maximumFillStepsPerWeek {
                    guardCount += 1
                    if let best = bestAddition(roster, agent: agent, days: freeDays(roster, agent: agent, week: week), context: context) {
                        roster.add(agent: agent, best.shift)
                        continue
                    }
                    // Replace one of the week's shifts by a longer one.
                    var bestSwap: (position: Int, shift: AgentRoster.Shift, delta: Double)? = nil
                    for position in roster.shifts[agent].indices where roster.horizon.week(ofDay: roster.day[roster.shifts[agent][position].candidate]) == week {
                        let removed = roster.remove(agent: agent, at: position)
                        let days = freeDays(roster, agent: agent, week: week)
                        if let longer = bestAddition(roster, agent: agent, days: days, minimumPaid: roster.paid[removed.shift.candidate] + 1,
                                                     context: context),
                           bestSwap == nil || removed.delta + longer.delta < bestSwap!.delta {
                            bestSwap = (position, longer.shift, removed.delta + longer.delta)
                        }
                        roster.add(agent: agent, removed.shift)
                        let last = roster.shifts[agent].removeLast()
                        roster.shifts[agent].insert(last, at: position)
                    }
                    guard let swap = bestSwap else { break }
                    _ = roster.remove(agent: agent, at: swap.position)
                    roster.add(agent: agent, swap.shift)
                }
            }
        }
    }

    /// Gives every agent, in turn, the best shift on their free days while one lowers the objective (the mix's
    /// shifts nobody could take leave days and hours free).
    /// Stops at `deadline`.
    static func fillFreeDays(_ roster: inout AgentRoster, context: Context, until deadline: ContinuousClock.Instant) {
        for agent in roster.contracts.indices where ContinuousClock.now < deadline {
            while let best = bestAddition(roster, agent: agent, days: freeDays(roster, agent: agent), context: context), best.delta < -1e-9 {
                roster.add(agent: agent, best.shift)
            }
        }
    }

    /// The moves, each on one agent drawn at random (the type's comment says what each does).
    enum Move {
        case add, drop, relocate, relocateTwo, relocateGroup, transfer
    }

    /// How often each move is drawn, in percent (they add up to 100), in the order in which they split the
    /// draw's range [0, 1). The first search had add 25%, drop 10% and relocate the rest; each later move took
    /// its share from relocate when it came (transfer 10%, relocate two 20%, relocate a group 15%), each step
    /// measured on the 200 agents' week (Docs/Scheduling.md, "How the search got there"). They have not been
    /// tuned one by one since; a change to any of them changes every seeded run.
    static let movePercentages: [(move: Move, percent: Int)] = [
        (.add, 25), (.drop, 10), (.relocate, 20), (.relocateTwo, 20), (.relocateGroup, 15), (.transfer, 10),
    ]

    /// Each move's range of draws ends below this: the running sums of `movePercentages` over 100, which are
    /// exactly the decimals 0.25, 0.35, 0.55, 0.75, 0.9 and 1 (a division rounds to the nearest `Double`, as
    /// the decimal literal does).
    static let moveUpperBounds: [(move: Move, below: Double)] = {
        var sum = 0
        return movePercentages.map { entry in
            sum += entry.percent
            return (entry.move, Double(sum) / 100)
        }
    }()

    /// The move a draw in [0, 1) picks, for an agent with `shiftCount` shifts: an agent without shifts can
    /// only take one, and one with a single shift cannot relocate two (it relocates the one instead).
    static func move(for draw: Double, shiftCount: Int) -> Move {
        guard shiftCount > 0 else { return .add }
        let drawn = moveUpperBounds.first { draw < $0.below }?.move ?? .transfer
        return drawn == .relocateTwo && shiftCount < 2 ? .relocate : drawn
    }

    /// Once the annealing is over, the search stops after this many moves per agent in a row that lower
    /// nothing: each agent is then drawn about 40 times without finding a better move.
    static let patiencePerAgent = 40

    /// The search reads the clock, and lowers the temperature, once every this many moves rather than at
    /// every move.
    static let movesBetweenClockReadings = 8

    /// The start temperature in agent-intervals short: a quarter. A start of 0.05 or 1 agent-interval did
    /// no better on the 200 agents' week (Docs/Scheduling.md).
    static let startTemperatureInIntervalsShort = 0.25

    /// The temperature at the end of the annealing, as a share of the start: it falls geometrically to it,
    /// then to nothing.
    static let endTemperatureShare = 0.01

    /// Below this temperature the search is cold: it keeps no worse move (and draws no number to decide).
    static let coldTemperature = 1e-6

    /// A change of the objective (plus the tie-breaking terms) counts as a decrease only below minus this:
    /// sums of the same terms in other orders differ in their last digits.
    static let decreaseTolerance = 1e-9

    /// Simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983): a worse move is kept with probability
    /// exp(-increase / temperature); the temperature falls geometrically from a quarter of one
    /// agent-interval short (`startTemperatureInIntervalsShort`) to `endTemperatureShare` of it over
    /// `moves` moves, then to nothing, and the search only descends. The schedule counts moves, not
    /// seconds, so a search that ends before the time limit repeats exactly for a seed.
    struct Annealing {
        let startTemperature: Double
        /// Moves of the annealing phase.
        let moves: Int
        private(set) var temperature: Double

        init(roster: AgentRoster, moves: Int) {
            startTemperature = AgentLocalSearch.startTemperatureInIntervalsShort * roster.weights.underWeight
                * Double(roster.curve.slotSeconds) / 60
            temperature = startTemperature
            self.moves = moves
        }

        /// The temperature once `tried` moves are done.
        mutating func cool(afterMoves tried: Int) {
            let progress = Double(tried) / Double(moves)
            temperature = progress >= 1 ? 0 : startTemperature * pow(AgentLocalSearch.endTemperatureShare, progress)
        }

        /// Whether a move that changes the objective by `delta` is kept: always when it lowers it; otherwise,
        /// while the temperature is up, by a draw from `generator` (the only case that draws one).
        func accepts(_ delta: Double, using generator: inout some RandomNumberGenerator) -> Bool {
            if delta < -AgentLocalSearch.decreaseTolerance { return true }
            guard temperature > AgentLocalSearch.coldTemperature else { return false }
            return Double.random(in: 0..<1, using: &generator) < exp(-max(delta, 0) / temperature)
        }
    }

    /// Runs the moves until `deadline` (or, once the temperature is at its floor, until `patience` moves in
    /// a row change nothing) and leaves the best roster seen in `roster`.
    /// - Returns: moves tried and moves kept.
    static func improve(_ roster: inout AgentRoster, context: Context, deadline: ContinuousClock.Instant,
                        using generator: inout some RandomNumberGenerator) -> (tried: Int, kept: Int) {
        let agentCount = roster.contracts.count
        guard agentCount > 0 else { return (0, 0) }
        let clock = ContinuousClock()
        let began = clock.now
        let budget = max(ShiftMixOptimizer.seconds(deadline - began), 1e-3)
        let patience = Self.patiencePerAgent * agentCount
        var annealing = Annealing(roster: roster, moves: Self.annealingMovesPerAgent * agentCount)
        var current = roster.objective() + (0..<agentCount).reduce(0) { $0 + softPenalty(roster, agent: $1) }
        var best = roster, bestValue = current
        var tried = 0, kept = 0, idle = 0
        while true {
            if tried % Self.movesBetweenClockReadings == 0 {
                if ShiftMixOptimizer.seconds(clock.now - began) >= budget { break }
                annealing.cool(afterMoves: tried)
                if annealing.temperature == 0, idle >= patience { break }
            }
            tried += 1
            idle += 1
            guard let change = tryRandomMove(&roster, context: context, annealing: annealing, using: &generator) else { continue }
            kept += 1
            current += change
            if change < -Self.decreaseTolerance { idle = 0 }
            if current < bestValue - Self.decreaseTolerance { best = roster; bestValue = current }
        }
        roster = best
        return (tried, kept)
    }

    /// One move: an agent drawn at random, then a move drawn from `movePercentages`; every move but add then
    /// draws one of the agent's shifts to start from (`PickedShift`). Returns the change of the objective
    /// plus the tie-breaking terms when the move is kept, `nil` when it is not (the roster is then as it was).
    static func tryRandomMove(_ roster: inout AgentRoster, context: Context, annealing: Annealing,
                              using generator: inout some RandomNumberGenerator) -> Double? {
        let agent = Int.random(in: 0..<roster.contracts.count, using: &generator)
        let draw = Double.random(in: 0..<1, using: &generator)
        let soft = softPenalty(roster, agent: agent)
        switch move(for: draw, shiftCount: roster.shifts[agent].count) {
        case .add:
            return tryAdd(&roster, agent: agent, softBefore: soft, context: context, annealing: annealing, using: &generator)
        case .drop:
            return tryDrop(&roster, agent: agent, softBefore: soft, annealing: annealing, using: &generator)
        case .relocate:
            return tryRelocate(&roster, agent: agent, softBefore: soft, context: context, annealing: annealing, using: &generator)
        case .relocateTwo:
            return tryRelocateTwo(&roster, agent: agent, softBefore: soft, context: context, annealing: annealing, using: &generator)
        case .relocateGroup:
            return tryRelocateGroup(&roster, agent: agent, softBefore: soft, context: context, annealing: annealing, using: &generator)
        case .transfer:
            return tryTransfer(&roster, agent: agent, softBefore: soft, annealing: annealing, using: &generator)
        }
    }

    /// A shift a move takes away, with its week and what the agent's hours there were before the move.
    struct PickedShift {
        var agent: Int
        var position: Int
        var original: AgentRoster.Shift
        var week: Int
        /// The agent's minimum weekly seconds in `week`; 0 in a partial week.
        var minimum: Int
        /// Whether the agent met `minimum` before the move.
        var metMinimum: Bool
        /// The agent's tie-breaking terms before the move.
        var softBefore: Double

        /// The agent's shift at `position`.
        init(_ roster: AgentRoster, agent: Int, position: Int, softBefore: Double) {
            self.agent = agent
            self.position = position
            self.softBefore = softBefore
            original = roster.shifts[agent][position]
            week = roster.horizon.week(ofDay: roster.day[original.candidate])
            minimum = roster.horizon.isWholeWeek(week) ? roster.contracts[agent].minimumWeekSeconds : 0
            metMinimum = roster.weekSeconds[agent][week] >= minimum
        }

        /// One of the agent's shifts, drawn at random.
        init(drawnFrom roster: AgentRoster, agent: Int, softBefore: Double, using generator: inout some RandomNumberGenerator) {
            self.init(roster, agent: agent, position: Int.random(in: 0..<roster.shifts[agent].count, using: &generator),
                      softBefore: softBefore)
        }

        /// Seconds the agent's week is now short of a minimum they met before the move (a move never takes an
        /// agent below a minimum they met); 0 when they did not meet it.
        func deficit(in roster: AgentRoster) -> Int {
            metMinimum ? minimum - roster.weekSeconds[agent][week] : 0
        }

        /// The days a shift may be put back on now: the week's free days when the agent's week is short of a
        /// minimum they met, else every free day.
        func refillDays(in roster: AgentRoster, deficit: Int) -> [Int] {
            deficit > 0 ? freeDays(roster, agent: agent, week: week) : freeDays(roster, agent: agent)
        }
    }

    /// Add: the best shift on one of the agent's free days.
    static func tryAdd(_ roster: inout AgentRoster, agent: Int, softBefore: Double, context: Context, annealing: Annealing,
                       using generator: inout some RandomNumberGenerator) -> Double? {
        guard let addition = bestAddition(roster, agent: agent, days: freeDays(roster, agent: agent), context: context) else { return nil }
        roster.add(agent: agent, addition.shift)
        let delta = addition.delta + softPenalty(roster, agent: agent) - softBefore
        if annealing.accepts(delta, using: &generator) { return delta }
        _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
        return nil
    }

    /// Drop: one of the agent's shifts, when the agent keeps a minimum they met.
    static func tryDrop(_ roster: inout AgentRoster, agent: Int, softBefore: Double, annealing: Annealing,
                        using generator: inout some RandomNumberGenerator) -> Double? {
        let picked = PickedShift(drawnFrom: roster, agent: agent, softBefore: softBefore, using: &generator)
        let removed = roster.remove(agent: agent, at: picked.position)
        let deficit = picked.deficit(in: roster)
        let delta = removed.delta + softPenalty(roster, agent: agent) - softBefore
        if deficit <= 0, annealing.accepts(delta, using: &generator) { return delta }
        roster.add(agent: agent, removed.shift)
        return nil
    }

    /// Relocate: one of the agent's shifts taken away and the best other shift put on any free day instead
    /// (on a free day of the same week, making up the hours, when taking it away leaves the agent under a
    /// minimum they met).
    static func tryRelocate(_ roster: inout AgentRoster, agent: Int, softBefore: Double, context: Context, annealing: Annealing,
                            using generator: inout some RandomNumberGenerator) -> Double? {
        let picked = PickedShift(drawnFrom: roster, agent: agent, softBefore: softBefore, using: &generator)
        let removed = roster.remove(agent: agent, at: picked.position)
        let deficit = picked.deficit(in: roster)
        let days = picked.refillDays(in: roster, deficit: deficit)
        if let addition = bestAddition(roster, agent: agent, days: days, minimumPaid: max(0, deficit), context: context),
           addition.shift != picked.original {
            roster.add(agent: agent, addition.shift)
            let delta = removed.delta + addition.delta + softPenalty(roster, agent: agent) - softBefore
            if annealing.accepts(delta, using: &generator) { return delta }
            _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
        }
        roster.add(agent: agent, removed.shift)
        return nil
    }

    /// Relocate two of the agent's shifts in one week at once, so hours can pass from one shift to the other
    /// when the agent is at their weekly maximum (one shift at a time could then never grow). The first put
    /// back may leave the week short of a minimum by up to the longest shift; the second must make up the rest.
    static func tryRelocateTwo(_ roster: inout AgentRoster, agent: Int, softBefore: Double, context: Context,
                               annealing: Annealing, using generator: inout some RandomNumberGenerator) -> Double? {
        let picked = PickedShift(drawnFrom: roster, agent: agent, softBefore: softBefore, using: &generator)
        let position = picked.position
        var other = Int.random(in: 0..<(roster.shifts[agent].count - 1), using: &generator)
        if other >= position { other += 1 }
        let otherWeek = roster.horizon.week(ofDay: roster.day[roster.shifts[agent][other].candidate])
        guard otherWeek == picked.week else { return nil }
        let first = roster.remove(agent: agent, at: max(position, other))
        let second = roster.remove(agent: agent, at: min(position, other))
        let deficit = picked.deficit(in: roster)
        let longest = context.longestPaid
        if let one = bestAddition(roster, agent: agent, days: picked.refillDays(in: roster, deficit: deficit),
                                  minimumPaid: max(0, deficit - longest), context: context) {
            roster.add(agent: agent, one.shift)
            let left = picked.deficit(in: roster)
            if let two = bestAddition(roster, agent: agent, days: picked.refillDays(in: roster, deficit: left),
                                      minimumPaid: max(0, left), context: context) {
                roster.add(agent: agent, two.shift)
                let delta = first.delta + second.delta + one.delta + two.delta + softPenalty(roster, agent: agent) - softBefore
                if annealing.accepts(delta, using: &generator) { return delta }
                _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
            }
            _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
        }
        roster.add(agent: agent, second.shift)
        roster.add(agent: agent, first.shift)
        return nil
    }

    /// Relocate a group: one shift each of two to four agents together, the others chosen among the agents
    /// who start a shift the same day (half the time) or anywhere: the shifts are taken away and the best
    /// put back for each agent in turn, so agents can trade places (an early and a late shift) where rest
    /// or hours keep each from moving alone (a small ruin-and-recreate step, Schrimpf et al. 2000).
    static func tryRelocateGroup(_ roster: inout AgentRoster, agent: Int, softBefore: Double, context: Context,
                                 annealing: Annealing, using generator: inout some RandomNumberGenerator) -> Double? {
        let picked = PickedShift(drawnFrom: roster, agent: agent, softBefore: softBefore, using: &generator)
        let startDay = roster.day[picked.original.candidate]
        let sameDay = Bool.random(using: &generator)
        guard let members = groupMembers(roster, agent: agent, startDay: startDay, sameDay: sameDay, using: &generator) else {
            return nil
        }
        // Ruin: each member's shift taken away (the agent's own as picked, another's on the same day or drawn).
        var delta = 0.0
        var removed: [PickedShift] = []
        for member in members {
            let at = member == agent ? picked.position
                : (sameDay ? roster.shifts[member].firstIndex { roster.day[$0.candidate] == startDay }!
                           : Int.random(in: 0..<roster.shifts[member].count, using: &generator))
            let taken = PickedShift(roster, agent: member, position: at,
                                    softBefore: member == agent ? softBefore : softPenalty(roster, agent: member))
            delta += roster.remove(agent: member, at: at).delta
            removed.append(taken)
        }
        // Recreate: the best shift put back for each member in turn; a member who must make up a minimum and
        // cannot sinks the move.
        var added: [Int] = []
        for entry in removed {
            let deficit = entry.deficit(in: roster)
            guard let best = bestAddition(roster, agent: entry.agent, days: entry.refillDays(in: roster, deficit: deficit),
                                          minimumPaid: max(0, deficit), context: context) else {
                if deficit > 0 { delta = .infinity; break }
                continue
            }
            delta += roster.add(agent: entry.agent, best.shift)
            added.append(entry.agent)
        }
        if delta.isFinite {
            for entry in removed { delta += softPenalty(roster, agent: entry.agent) - entry.softBefore }
            if annealing.accepts(delta, using: &generator) { return delta }
        }
        for member in added.reversed() { _ = roster.remove(agent: member, at: roster.shifts[member].count - 1) }
        for entry in removed.reversed() { roster.add(agent: entry.agent, entry.original) }
        return nil
    }

    /// The agents of a group relocation: `agent` first, then one to three drawn (repeats dropped) among the
    /// agents who start a shift on `startDay` (`sameDay`) or who have any shift; `nil` when there are none.
    static func groupMembers(_ roster: AgentRoster, agent: Int, startDay: Int, sameDay: Bool,
                             using generator: inout some RandomNumberGenerator) -> [Int]? {
        let agentCount = roster.contracts.count
        let pool = sameDay ? (0..<agentCount).filter { $0 != agent && roster.dayTaken[$0][startDay] }
                           : (0..<agentCount).filter { $0 != agent && !roster.shifts[$0].isEmpty }
        let size = min(Int.random(in: 1...3, using: &generator), pool.count)
        guard size > 0 else { return nil }
        var members = [agent]
        for _ in 0..<size {
            let pick = pool[Int.random(in: 0..<pool.count, using: &generator)]
            if !members.contains(pick) { members.append(pick) }
        }
        return members
    }

    /// Transfer: one of the agent's shifts given to another agent free that day (coverage unchanged; frees
    /// the day, which lets later moves reach further).
    static func tryTransfer(_ roster: inout AgentRoster, agent: Int, softBefore: Double, annealing: Annealing,
                            using generator: inout some RandomNumberGenerator) -> Double? {
        let picked = PickedShift(drawnFrom: roster, agent: agent, softBefore: softBefore, using: &generator)
        let other = Int.random(in: 0..<roster.contracts.count, using: &generator)
        guard other != agent else { return nil }
        let otherBefore = softPenalty(roster, agent: other)
        let removed = roster.remove(agent: agent, at: picked.position)
        if picked.deficit(in: roster) <= 0, roster.blockingRule(agent: other, candidate: picked.original.candidate) == nil {
            let added = roster.add(agent: other, picked.original)
            let delta = removed.delta + added + softPenalty(roster, agent: agent) - softBefore
                + softPenalty(roster, agent: other) - otherBefore
            if annealing.accepts(delta, using: &generator) { return delta }
            _ = roster.remove(agent: other, at: roster.shifts[other].count - 1)
        }
        roster.add(agent: agent, removed.shift)
        return nil
    }
}
