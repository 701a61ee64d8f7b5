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
    /// Assigns `mix` (candidate indices with placed breaks) into `roster`; returns how many shifts nobody
    /// could take, or that were not reached by `deadline`.
    /// - Complexity: O(weeks x agents x 7 + shifts x agents x the agents' shifts).
    static func assign(_ mix: [AgentRoster.Shift], into roster: inout AgentRoster, until deadline: ContinuousClock.Instant,
                       using generator: inout some RandomNumberGenerator) -> Int {
        let horizon = roster.horizon
        let agentCount = roster.contracts.count
        guard agentCount > 0 else { return mix.count }
        var demand = [Int](repeating: 0, count: horizon.dayCount)
        for shift in mix { demand[roster.day[shift.candidate]] += 1 }
        // 1. Working days.
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
                func need(_ pattern: [Int]) -> Int { pattern.reduce(0) { $0 + demand[$1] - given[$1] } }
                var best: [Int]? = nil
                for first in days.indices where wraps || first + count <= days.count {
                    let pattern = (0..<count).map { days[(first + $0) % days.count] }
                    guard pattern.allSatisfy({ roster.available[agent][$0] }) else { continue }
                    if best == nil || need(pattern) > need(best!) { best = pattern }
                }
                let pattern = best ?? Array(availableDays[agent].sorted { (demand[$0] - given[$0], -$0) > (demand[$1] - given[$1], -$1) }.prefix(count))
                for day in pattern {
                    working[agent][day] = true
                    given[day] += 1
                }
            }
        }
        // 2. Shifts, day by day.
        var dropped = 0
        var lastStart = [Int?](repeating: nil, count: agentCount)
        let ordered = mix.sorted {
            let (a, b) = (roster.candidates[$0.candidate], roster.candidates[$1.candidate])
            return (roster.day[$0.candidate], -a.lengthSlots, a.startSlot, a.family) < (roster.day[$1.candidate], -b.lengthSlots, b.startSlot, b.family)
        }
        for shift in ordered {
            // Each shift weighs every agent; with thousands of agents the whole mix can outlast the limit.
            guard ContinuousClock.now < deadline else {
                dropped += 1
                continue
            }
            let candidate = shift.candidate
            let day = roster.day[candidate], week = horizon.week(ofDay: day)
            let paid = Double(roster.paid[candidate])
            let timeOfDay = roster.candidates[candidate].start.secondOfDay
            var best: (agent: Int, score: Double)? = nil
            for agent in 0..<agentCount where roster.blockingRule(agent: agent, candidate: candidate) == nil {
                let contract = roster.contracts[agent]
                let daysLeft = (day..<min(horizon.dayCount, week * 7 + 7)).filter { working[agent][$0] && !roster.dayTaken[agent][$0] }.count
                var score = daysLeft > 0
                    ? abs(Double(contract.maximumWeekSeconds - roster.weekSeconds[agent][week]) / Double(daysLeft) - paid) / 3600
                    : 1000
                if !working[agent][day] { score += 1000 }
                if let last = lastStart[agent] {
                    let difference = abs(last - timeOfDay)
                    score += 0.1 * Double(min(difference, 86_400 - difference)) / 3600
                }
                if best == nil || score < best!.score { best = (agent, score) }
            }
            guard let chosen = best?.agent else {
                dropped += 1
                continue
            }
            roster.add(agent: chosen, shift)
            lastStart[chosen] = timeOfDay
        }
        return dropped
    }
}
