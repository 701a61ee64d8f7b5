import ShiftcastCore

extension AgentScheduleResult {
    /// Agents whose days off in every week of the horizon form one block (on a cyclic week, a block may
    /// wrap from Sunday to Monday), among the agents who work.
    public var agentsWithDaysOffTogether: Int {
        let horizon = AgentHorizon(curve: schedule.curve)
        let wraps = horizon.cyclic && horizon.dayCount % 7 == 0
        return assignments.filter { shifts in
            guard !shifts.isEmpty else { return false }
            let worked = Set(shifts.map { horizon.day(of: $0.candidate) })
            for week in 0..<horizon.weekCount {
                let days = Array(week * 7..<min(horizon.dayCount, week * 7 + 7))
                var blocks = 0
                for (position, day) in days.enumerated() where !worked.contains(day) {
                    if position == 0 { blocks += wraps && !worked.contains(days[days.count - 1]) ? 0 : 1 }
                    else if worked.contains(days[position - 1]) { blocks += 1 }
                }
                if wraps, blocks == 0, days.contains(where: { !worked.contains($0) }) { blocks = 1 }
                if blocks > 1 { return false }
            }
            return true
        }.count
    }

    /// Saturdays and Sundays each working agent starts a shift on.
    public var weekendDaysPerWorkingAgent: [Int] {
        let horizon = AgentHorizon(curve: schedule.curve)
        return assignments.filter { !$0.isEmpty }.map { shifts in
            Set(shifts.map { horizon.day(of: $0.candidate) }).filter { horizon.isWeekend(day: $0) }.count
        }
    }

    /// The lines `schedule --agents` prints on standard error: the figures of the shift-mix summary, then
    /// agents used and unused, days off together, weekends, agents below their minimum hours and why, and
    /// each interval left short with its cause (at most `lines` of each list, and a count of the rest).
    /// - Complexity: O(intervals + shifts).
    public func summary(lines limit: Int = 20) -> String {
        func number(_ value: Double, _ decimals: Int = 2) -> String {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let result = schedule
        let requiredHours = result.curve.required.reduce(0, +) * Double(result.curve.slotSeconds) / 3600
        let covered = requiredHours > 0 ? 1 - result.underStaffedHours / requiredHours : 1
        let used = agentsUsed
        var lines = [
            "agents: \(used) of \(contracts.count) named agents work (\(result.shiftCount) shift\(result.shiftCount == 1 ? "" : "s"), "
                + "\(result.distinctPatterns.count) distinct start and length); \(contracts.count - used) have no shift",
            "paid hours: \(number(result.paidHours))",
            "under-staffed hours: \(number(result.underStaffedHours)), over-staffed hours: \(number(result.overStaffedHours))",
            "coverage: \(number(covered * 100, 1))% of \(number(requiredHours)) required agent-hours",
            "objective: \(number(result.objective, 4)), lower bound: \(number(result.lowerBound, 4)), gap: \(number(result.gap * 100, 2))%"
                + (result.provenOptimal ? " (optimal)" : ""),
            "time: \(number(result.seconds, 2))s",
            "search: \(movesTried) moves tried, \(movesKept) kept",
        ]
        let weekends = weekendDaysPerWorkingAgent
        if used > 0 {
            let mean = Double(weekends.reduce(0, +)) / Double(used)
            lines.append("days off together: \(agentsWithDaysOffTogether) of \(used) agents; weekend days worked per agent: "
                + "\(weekends.min()!) to \(weekends.max()!) (mean \(number(mean)))")
        }
        if droppedMixShifts > 0 {
            lines.append("mix shifts no agent could take: \(droppedMixShifts) (the search filled agents' free days instead)")
        }
        for entry in belowMinimum.prefix(limit) {
            let contract = contracts[entry.agent]
            lines.append("below min_week_hours: \(contract.agent), week \(entry.week + 1): \(number(Double(entry.paidSeconds) / 3600))h "
                + "of \(number(Double(contract.minimumWeekSeconds) / 3600))h, "
                + (entry.cause.map { "every further or longer shift is held back by \($0.rawValue)" } ?? "no further or longer shift fits"))
        }
        if belowMinimum.count > limit { lines.append("below min_week_hours: \(belowMinimum.count - limit) more agent-weeks") }
        func kind(_ cause: Cause) -> Int {
            switch cause {
            case .noShiftReachesIt: 0
            case .tooFewAgents: 1
            case .notWorthCoveringOrSearchStopped(let proven): proven ? 2 : 3
            }
        }
        let spans = ShortfallSpans.group(shortfalls, slot: \.slot, agents: \.agents) { kind($0.cause) == kind($1.cause) }
        for span in spans.prefix(limit) {
            lines.append(ShortfallSpans.line(span, curve: result.curve, agents: number(span.agents), cause: span.worst.cause.description))
        }
        let listed = spans.prefix(limit).reduce(0) { $0 + $1.last - $1.first + 1 }
        if shortIntervalCount > listed {
            lines.append("short: \(shortIntervalCount - listed) more intervals" + (spans.count > limit ? " in \(spans.count - limit) more spans" : "")
                + " (see the coverage file)")
        }
        return lines.joined(separator: "\n")
    }
}

extension AgentScheduleResult.Cause: CustomStringConvertible {
    /// The cause in words, as the summary and the Coverage file's `cause` column give it.
    public var description: String {
        switch self {
        case .noShiftReachesIt:
            ShiftMixResult.ShortfallCause.noShiftReachesIt.rawValue
        case let .tooFewAgents(working, blocked):
            "too few agents: \(working) at work then" + (blocked.isEmpty ? "" : "; the others held back from every shift covering it, "
                + blocked.map { "\($0.agents) by \($0.rule.rawValue)" }.joined(separator: ", "))
        case let .notWorthCoveringOrSearchStopped(proven):
            proven ? ShiftMixResult.ShortfallCause.notWorthCovering.rawValue
                : "an agent could still take a shift covering it, but the search found no better schedule before the time limit"
        }
    }
}
