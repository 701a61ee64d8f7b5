import Foundation
import ShiftcastCore

/// Improves a schedule of named agents against the objective of SPEC section 3, keeping every rule.
///
/// Moves, each on one agent chosen at random (seeded, so a run repeats):
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
        return 0.25 * Double(extraBlocks) + 0.05 * Double(weekendDays * weekendDays)
    }

    /// Days of the horizon (or of one week) on which the agent starts no shift and is available.
    static func freeDays(_ roster: AgentRoster, agent: Int, week: Int? = nil) -> [Int] {
        let range = week.map { $0 * 7..<min(roster.horizon.dayCount, $0 * 7 + 7) } ?? 0..<roster.horizon.dayCount
        return range.filter { !roster.dayTaken[agent][$0] && roster.available[agent][$0] }
    }

    /// Brings every agent up to their minimum weekly hours where the rules allow: the best shift on a free
    /// day of the week, whatever it costs, or else one of the week's shifts replaced by a longer one.
    /// Stops at `deadline`: the agents not reached yet stay below their minimum, and the summary says so.
    static func fillMinimums(_ roster: inout AgentRoster, context: Context, until deadline: ContinuousClock.Instant) {
        for agent in roster.contracts.indices where ContinuousClock.now < deadline {
            let minimum = roster.contracts[agent].minimumWeekSeconds
            guard minimum > 0 else { continue }
            for week in 0..<roster.horizon.weekCount where roster.horizon.isWholeWeek(week) {
                var guardCount = 0
                while roster.weekSeconds[agent][week] < minimum, guardCount < 14 {
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
        let patience = 40 * agentCount
        // Annealing (Kirkpatrick, Gelatt and Vecchi 1983): a worse move is kept with probability
        // exp(-increase / temperature); the temperature falls geometrically from a quarter of one agent-interval
        // short to nothing over `annealingMoves` moves, then the search only descends. The schedule counts
        // moves, not seconds, so a search that ends before the time limit repeats exactly for a seed.
        let annealingMoves = Self.annealingMovesPerAgent * agentCount
        let startTemperature = 0.25 * roster.weights.underWeight * Double(roster.curve.slotSeconds) / 60
        var temperature = startTemperature
        var current = roster.objective() + (0..<agentCount).reduce(0) { $0 + softPenalty(roster, agent: $1) }
        var best = roster, bestValue = current
        var tried = 0, kept = 0, idle = 0
        func accept(_ delta: Double) -> Bool {
            if delta < -1e-9 { return true }
            guard temperature > 1e-6 else { return false }
            return Double.random(in: 0..<1, using: &generator) < exp(-max(delta, 0) / temperature)
        }
        while true {
            if tried % 8 == 0 {
                let elapsed = ShiftMixOptimizer.seconds(clock.now - began)
                if elapsed >= budget { break }
                let progress = Double(tried) / Double(annealingMoves)
                temperature = progress >= 1 ? 0 : startTemperature * pow(0.01, progress)
                if temperature == 0, idle >= patience { break }
            }
            tried += 1
            idle += 1
            let agent = Int.random(in: 0..<agentCount, using: &generator)
            let move = Double.random(in: 0..<1, using: &generator)
            let softBefore = softPenalty(roster, agent: agent)
            var change: Double? = nil
            defer {
                if let change {
                    kept += 1
                    current += change
                    if change < -1e-9 { idle = 0 }
                    if current < bestValue - 1e-9 { best = roster; bestValue = current }
                }
            }
            if move < 0.25 || roster.shifts[agent].isEmpty {
                guard let addition = bestAddition(roster, agent: agent, days: freeDays(roster, agent: agent), context: context) else { continue }
                roster.add(agent: agent, addition.shift)
                let delta = addition.delta + softPenalty(roster, agent: agent) - softBefore
                if accept(delta) { change = delta } else { _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1) }
                continue
            }
            let position = Int.random(in: 0..<roster.shifts[agent].count, using: &generator)
            let original = roster.shifts[agent][position]
            let week = roster.horizon.week(ofDay: roster.day[original.candidate])
            let minimum = roster.horizon.isWholeWeek(week) ? roster.contracts[agent].minimumWeekSeconds : 0
            let metMinimum = roster.weekSeconds[agent][week] >= minimum
            if move >= 0.9 {
                // Transfer: the same shift to another agent free that day (coverage unchanged; frees the day).
                let other = Int.random(in: 0..<agentCount, using: &generator)
                guard other != agent else { continue }
                let otherBefore = softPenalty(roster, agent: other)
                let removed = roster.remove(agent: agent, at: position)
                let deficit = metMinimum ? minimum - roster.weekSeconds[agent][week] : 0
                if deficit <= 0, roster.blockingRule(agent: other, candidate: original.candidate) == nil {
                    let added = roster.add(agent: other, original)
                    let delta = removed.delta + added + softPenalty(roster, agent: agent) - softBefore
                        + softPenalty(roster, agent: other) - otherBefore
                    if accept(delta) { change = delta; continue }
                    _ = roster.remove(agent: other, at: roster.shifts[other].count - 1)
                }
                roster.add(agent: agent, removed.shift)
                continue
            }
            if move >= 0.75 {
                // Relocate one shift each of two to four agents together, the others chosen among the agents
                // who start a shift the same day (half the time) or anywhere: the shifts are taken away and
                // the best put back for each agent in turn, so agents can trade places (an early and a late
                // shift) where rest or hours keep each from moving alone.
                let startDay = roster.day[roster.shifts[agent][position].candidate]
                let sameDay = Bool.random(using: &generator)
                let pool = sameDay ? (0..<agentCount).filter { $0 != agent && roster.dayTaken[$0][startDay] }
                                   : (0..<agentCount).filter { $0 != agent && !roster.shifts[$0].isEmpty }
                let size = min(Int.random(in: 1...3, using: &generator), pool.count)
                guard size > 0 else { continue }
                var members = [agent]
                for _ in 0..<size {
                    let pick = pool[Int.random(in: 0..<pool.count, using: &generator)]
                    if !members.contains(pick) { members.append(pick) }
                }
                var delta = 0.0
                var removed: [(agent: Int, shift: AgentRoster.Shift, week: Int, minimum: Int, met: Bool, soft: Double)] = []
                for member in members {
                    let at = member == agent ? position
                        : (sameDay ? roster.shifts[member].firstIndex { roster.day[$0.candidate] == startDay }!
                                   : Int.random(in: 0..<roster.shifts[member].count, using: &generator))
                    let memberWeek = roster.horizon.week(ofDay: roster.day[roster.shifts[member][at].candidate])
                    let memberMinimum = roster.horizon.isWholeWeek(memberWeek) ? roster.contracts[member].minimumWeekSeconds : 0
                    let met = roster.weekSeconds[member][memberWeek] >= memberMinimum
                    let soft = member == agent ? softBefore : softPenalty(roster, agent: member)
                    let taken = roster.remove(agent: member, at: at)
                    delta += taken.delta
                    removed.append((member, taken.shift, memberWeek, memberMinimum, met, soft))
                }
                var added: [Int] = []
                for entry in removed {
                    let deficit = entry.met ? entry.minimum - roster.weekSeconds[entry.agent][entry.week] : 0
                    let days = deficit > 0 ? freeDays(roster, agent: entry.agent, week: entry.week) : freeDays(roster, agent: entry.agent)
                    guard let best = bestAddition(roster, agent: entry.agent, days: days, minimumPaid: max(0, deficit), context: context) else {
                        if deficit > 0 { delta = .infinity; break }
                        continue
                    }
                    delta += roster.add(agent: entry.agent, best.shift)
                    added.append(entry.agent)
                }
                if delta.isFinite {
                    for entry in removed { delta += softPenalty(roster, agent: entry.agent) - entry.soft }
                    if accept(delta) { change = delta; continue }
                }
                for member in added.reversed() { _ = roster.remove(agent: member, at: roster.shifts[member].count - 1) }
                for entry in removed.reversed() { roster.add(agent: entry.agent, entry.shift) }
                continue
            }
            if move >= 0.55, roster.shifts[agent].count >= 2 {
                // Relocate two of the agent's shifts at once, so hours can pass from one shift to the other
                // when the agent is at their weekly maximum (one shift at a time could then never grow).
                var other = Int.random(in: 0..<(roster.shifts[agent].count - 1), using: &generator)
                if other >= position { other += 1 }
                let otherWeek = roster.horizon.week(ofDay: roster.day[roster.shifts[agent][other].candidate])
                guard otherWeek == week else { continue }
                let first = roster.remove(agent: agent, at: max(position, other))
                let second = roster.remove(agent: agent, at: min(position, other))
                let deficit = metMinimum ? minimum - roster.weekSeconds[agent][week] : 0
                let days = deficit > 0 ? freeDays(roster, agent: agent, week: week) : freeDays(roster, agent: agent)
                let longest = context.longestPaid
                if let one = bestAddition(roster, agent: agent, days: days, minimumPaid: max(0, deficit - longest), context: context) {
                    roster.add(agent: agent, one.shift)
                    let left = metMinimum ? minimum - roster.weekSeconds[agent][week] : 0
                    let days = left > 0 ? freeDays(roster, agent: agent, week: week) : freeDays(roster, agent: agent)
                    if let two = bestAddition(roster, agent: agent, days: days, minimumPaid: max(0, left), context: context) {
                        roster.add(agent: agent, two.shift)
                        let delta = first.delta + second.delta + one.delta + two.delta + softPenalty(roster, agent: agent) - softBefore
                        if accept(delta) { change = delta; continue }
                        _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
                    }
                    _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
                }
                roster.add(agent: agent, second.shift)
                roster.add(agent: agent, first.shift)
                continue
            }
            let removed = roster.remove(agent: agent, at: position)
            let deficit = metMinimum ? minimum - roster.weekSeconds[agent][week] : 0
            if move < 0.35 {
                // Drop.
                let delta = removed.delta + softPenalty(roster, agent: agent) - softBefore
                if deficit <= 0, accept(delta) { change = delta } else { roster.add(agent: agent, removed.shift) }
                continue
            }
            // Relocate.
            let days = deficit > 0 ? freeDays(roster, agent: agent, week: week) : freeDays(roster, agent: agent)
            if let addition = bestAddition(roster, agent: agent, days: days, minimumPaid: max(0, deficit), context: context),
               addition.shift != original {
                roster.add(agent: agent, addition.shift)
                let delta = removed.delta + addition.delta + softPenalty(roster, agent: agent) - softBefore
                if accept(delta) { change = delta; continue }
                _ = roster.remove(agent: agent, at: roster.shifts[agent].count - 1)
            }
            roster.add(agent: agent, removed.shift)
        }
        roster = best
        return (tried, kept)
    }
}
