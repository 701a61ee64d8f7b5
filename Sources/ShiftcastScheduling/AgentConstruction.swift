import ShiftcastCore

/// The first schedule of named agents: the shift mix's shifts handed to agents, week by week.
///
/// 1. Days off (after the days-off scheduling of Burns and Carter 1985: working days in one block, so the
///    days off fall together): each agent, the least available first, gets the block of working days in
///    the week, as many as their contract allows and they are available, that the mix needs most (the
///    mix's shifts starting each day less the agents already given that day). On a cyclic week a block may
///    wrap from Sunday to Monday. When unavailable days leave no block, the most needed available days.
/// 2. Shifts: day by day, each of the mix's shifts (longest first, so a shift nobody can take is a short one) goes to the agent
///    working that day, free of every rule (`AgentRule`), whose remaining weekly hours per remaining
///    working day are closest to its paid hours, with a start close to their last start (steady rest);
///    failing that, to any agent it breaks no rule for. A shift nobody may take is dropped; the local
///    search (`AgentLocalSearch`) then fills the agents' remaining days and hours where coverage gains most.
enum AgentConstruction {
    /// The score added for a shift on a day the agent was not given as a working day, and the score of an
    /// agent with no working day left in the week: more than any difference of hours (a week has 168), so
    /// such an agent is taken only when no other may take the shift.
    static let notWorkingDayScore = 1000.0

    /// The score per hour between a shift's start and the agent's last start (around the clock): a tenth,
    /// so a steady start (steady rest) decides between agents whose hours fit about as well.
    static let startChangeScorePerHour = 0.1

    /// Assigns `mix` (candidate indices with placed breaks) into `roster`; returns how many shifts nobody
    /// could take, or that were not reached by `deadline`.
    /// - Complexity: O(weeks x agents x 7 + shifts x agents x the agents' shifts).
    static func assign(_ mix: [AgentRoster.Shift], into roster: inout AgentRoster, until deadline: ContinuousClock.Instant,
                       using generator: inout some RandomNumberGenerator) -> Int {
        guard !roster.contracts.isEmpty else { return mix.count }
        let working = workingDays(for: mix, roster: roster, using: &generator)
        return handOut(mix, into: &roster, working: working, until: deadline)
    }

    /// Step 1, working days: week by week, each agent (the least available first, in a random order among
    /// equals) gets the block of days the mix needs most (`workingBlock`). Returns, per agent and day,
    /// whether the agent works that day.
    static func workingDays(for mix: [AgentRoster.Shift], roster: AgentRoster,
                            using generator: inout some RandomNumberGenerator) -> [[Bool]] {
        let horizon = roster.horizon
        let agentCount = roster.contracts.count
        var demand = [Int](repeating: 0, count: horizon.dayCount)
        for shift in mix { demand[roster.day[shift.candidate]] += 1 }
        var working = [[Bool]](repeating: [Bool](repeating: false, count: horizon.dayCount), count: agentCount)
        var given = [Int](repeating: 0, count: horizon.dayCount)
        let shuffled = Array(0..<agentCount).shuffled(using: &generator)
        for week in 0..<horizon.weekCount {
            let days = Array(week * 7..<min(horizon.dayCount, week * 7 + 7))
            let wraps = horizon.cyclic && horizon.dayCount % 7 == 0
            let availableDays = (0..<agentCount).map { agent in days.filter { roster.available[agent][$0] } }
            let order = shuffled.enumerated().sorted { (availableDays[$0.element].count, $0.offset) < (availableDays[$1.element].count, $1.offset) }
                .map(\.element)
            for agent in order where roster.allowed[agent].contains(true) {
                let count = min(roster.contracts[agent].maximumDaysPerWeek, availableDays[agent].count)
                guard count > 0 else { continue }
                let pattern = workingBlock(count: count, days: days, wraps: wraps, available: roster.available[agent],
                                           availableDays: availableDays[agent], demand: demand, given: given)
                for day in pattern {
                    working[agent][day] = true
                    given[day] += 1
                }
            }
        }
        return working
    }

    /// The `count` days of the week `days` on which an agent works: the block of consecutive available days
    /// (wrapping from Sunday to Monday when `wraps`) with the most need, the need of a day being the mix's
    /// shifts starting that day less the agents already `given` it; the first such block on a tie. When
    /// unavailable days leave no block, the available days with the most need (the earliest on a tie).
    static func workingBlock(count: Int, days: [Int], wraps: Bool, available: [Bool], availableDays: [Int],
                             demand: [Int], given: [Int]) -> [Int] {
        func need(_ pattern: [Int]) -> Int { pattern.reduce(0) { $0 + demand[$1] - given[$1] } }
        var best: [Int]? = nil
        for first in days.indices where wraps || first + count <= days.count {
            let pattern = (0..<count).map { days[(first + $0) % days.count] }
            guard pattern.allSatisfy({ available[$0] }) else { continue }
            if best == nil || need(pattern) > need(best!) { best = pattern }
        }
        return best ?? Array(availableDays.sorted { (demand[$0] - given[$0], -$0) > (demand[$1] - given[$1], -$1) }.prefix(count))
    }

    /// Step 2, shifts day by day: each of the mix's shifts (by day, longest first, so a shift nobody can take
    /// is a short one) goes to the agent `bestAgent` picks, or is dropped. Returns how many were dropped.
    static func handOut(_ mix: [AgentRoster.Shift], into roster: inout AgentRoster, working: [[Bool]],
                        until deadline: ContinuousClock.Instant) -> Int {
        var dropped = 0
        var lastStart = [Int?](repeating: nil, count: roster.contracts.count)
        let ordered = mix.sorted {
            let (a, b) = (roster.candidates[$0.candidate], roster.candidates[$1.candidate])
            return (roster.day[$0.candidate], -a.lengthSlots, a.startSlot, a.family) < (roster.day[$1.candidate], -b.lengthSlots, b.startSlot, b.family)
        }
        for shift in ordered {
            // Each shift weighs every agent; with thousands of agents the whole mix can outlast the limit.
            guard ContinuousClock.now < deadline,
                  let chosen = bestAgent(for: shift.candidate, in: roster, working: working, lastStart: lastStart) else {
                dropped += 1
                continue
            }
            roster.add(agent: chosen, shift)
            lastStart[chosen] = roster.candidates[shift.candidate].start.secondOfDay
        }
        return dropped
    }

    /// The agent free of every rule (`AgentRule`) who takes `candidate`: the lowest score, the first on a
    /// tie. The score is how far the agent's remaining weekly hours per remaining working day are from the
    /// shift's paid hours, plus `notWorkingDayScore` off their working days, plus `startChangeScorePerHour`
    /// per hour from their last start. `nil` when every agent is held back by some rule.
    static func bestAgent(for candidate: Int, in roster: AgentRoster, working: [[Bool]], lastStart: [Int?]) -> Int? {
        let horizon = roster.horizon
        let day = roster.day[candidate], week = horizon.week(ofDay: day)
        let paid = Double(roster.paid[candidate])
        let timeOfDay = roster.candidates[candidate].start.secondOfDay
        var best: (agent: Int, score: Double)? = nil
        for agent in 0..<roster.contracts.count where roster.blockingRule(agent: agent, candidate: candidate) == nil {
            let contract = roster.contracts[agent]
            let daysLeft = (day..<min(horizon.dayCount, week * 7 + 7)).filter { working[agent][$0] && !roster.dayTaken[agent][$0] }.count
            var score = daysLeft > 0
                ? abs(Double(contract.maximumWeekSeconds - roster.weekSeconds[agent][week]) / Double(daysLeft) - paid) / 3600
                : notWorkingDayScore
            if !working[agent][day] { score += notWorkingDayScore }
            if let last = lastStart[agent] {
                let difference = abs(last - timeOfDay)
                score += startChangeScorePerHour * Double(min(difference, 86_400 - difference)) / 3600
            }
            if best == nil || score < best!.score { best = (agent, score) }
        }
        return best?.agent
    }
}
