import ShiftcastCore
import ShiftcastScheduling
import ShiftcastStaffing

/// One agent's working time as instants: the spans in which they take new contacts (a shift's work,
/// its breaks left out), from a schedule in memory or a Schedule file.
public struct AgentWork: Sendable, Equatable {
    public var name: String
    /// In order of start.
    public var spans: [Range<Timestamp>]

    public init(name: String, spans: [Range<Timestamp>]) {
        self.name = name
        self.spans = spans
    }
}

extension QueueSchedule {
    /// Each agent's work: the shifts' segments between their breaks, on the schedule's clock.
    public var agentWork: [AgentWork] {
        let curve = result.curve
        return agentShifts.map { agent, shifts in
            var spans: [Range<Timestamp>] = []
            for shift in shifts.sorted(by: { $0.candidate.startSlot < $1.candidate.startSlot }) {
                let start = curve.start.adding(seconds: Int64(shift.candidate.startSlot * curve.slotSeconds))
                var cursor = 0
                for placed in shift.breaks.sorted(by: { $0.offset < $1.offset }) {
                    if placed.offset > cursor {
                        spans.append(start.adding(seconds: Int64(cursor))..<start.adding(seconds: Int64(placed.offset)))
                    }
                    cursor = max(cursor, placed.offset + result.breakRules[placed.rule].duration)
                }
                if cursor < shift.candidate.length {
                    spans.append(start.adding(seconds: Int64(cursor))..<start.adding(seconds: Int64(shift.candidate.length)))
                }
            }
            return AgentWork(name: agent, spans: spans)
        }
    }
}

extension QueueSchedule {
    /// The time each shift pays: the whole shift but its unpaid breaks, on the schedule's clock.
    public var paidSpans: [Range<Timestamp>] {
        let curve = result.curve
        var spans: [Range<Timestamp>] = []
        for (_, shifts) in agentShifts {
            for shift in shifts {
                let start = curve.start.adding(seconds: Int64(shift.candidate.startSlot * curve.slotSeconds))
                var cursor = 0
                for placed in shift.breaks.sorted(by: { $0.offset < $1.offset }) where !result.breakRules[placed.rule].paid {
                    if placed.offset > cursor {
                        spans.append(start.adding(seconds: Int64(cursor))..<start.adding(seconds: Int64(placed.offset)))
                    }
                    cursor = max(cursor, placed.offset + result.breakRules[placed.rule].duration)
                }
                if cursor < shift.candidate.length {
                    spans.append(start.adding(seconds: Int64(cursor))..<start.adding(seconds: Int64(shift.candidate.length)))
                }
            }
        }
        return spans
    }
}

extension SimulationInput {
    /// The contacts of `volumes` against the agents of `work`, on the volumes' grid: the horizon is the
    /// grid's intervals, and an agent's spans count from its start (a span begun before it is cut).
    ///
    /// - Parameters:
    ///   - volumes: the contacts per interval and their AHT, on a grid of a fixed interval length.
    ///   - averageHandleTime: seconds for every interval, replacing the volumes' own; `nil` uses theirs.
    ///   - work: the agents and their working spans.
    ///   - cyclic: whether the schedule repeats with the horizon (`schedule --cyclic`): the part of a
    ///     span past the horizon's end (Sunday's night shift) covers its start (Monday's small hours).
    /// - Throws: ``InputProblem`` naming the interval at fault: a grid of calendar days (whose length
    ///   changes with daylight saving), an interval missing between two others, or one with volume and no
    ///   handle time; the schedule item (an agent, by index) whose spans overlap; `.badData` when no
    ///   agent works anywhere in the horizon.
    public init(volumes: ForecastIntervals, averageHandleTime: Double?, work: [AgentWork], cyclic: Bool = false) throws {
        guard case .seconds(let length) = volumes.grid.step else {
            throw InputProblem(ShiftcastError(.badData, "has one interval a day, whose length changes with daylight saving; "
                + "simulate intervals of a fixed length (hours or minutes)"), input: .forecast, item: 0)
        }
        var intervals: [Interval] = []
        for (index, interval) in volumes.intervals.enumerated() {
            guard volumes.grid.position(of: interval.start) == index else {
                throw InputProblem(ShiftcastError(.badData, "comes after a gap in the intervals; the volumes must cover every interval "
                    + "of the horizon (write 0 for a closed one)"), input: .forecast, item: index, field: "timestamp")
            }
            guard let aht = averageHandleTime ?? interval.averageHandleTime ?? (interval.volume == 0 ? 1 : nil) else {
                throw InputProblem(ShiftcastError(.badData, "has volume but no AHT; give each interval an AHT, or one AHT for all"),
                                   input: .forecast, item: index)
            }
            intervals.append(Interval(volume: interval.volume, averageHandleTime: aht))
        }
        let start = volumes.grid.start, end = start.adding(seconds: Int64(length) * Int64(intervals.count))
        var agents: [Agent] = []
        let horizon = Int(start.seconds(to: end))
        for (index, agent) in work.enumerated() {
            var spans = agent.spans.flatMap { span -> [Range<Int>] in
                let from = Int(start.seconds(to: span.lowerBound)), to = Int(start.seconds(to: span.upperBound))
                guard cyclic, horizon > 0 else { return from < horizon && to > 0 ? [max(0, from)..<to] : [] }
                // A span as long as the horizon covers all of it; a shorter one falls in at most two
                // horizons, each part laid on the horizon.
                if to - from >= horizon { return [0..<horizon] }
                var parts: [Range<Int>] = []
                var cycle = Int((Double(from) / Double(horizon)).rounded(.down))
                while cycle * horizon < to {
                    let low = max(from, cycle * horizon) - cycle * horizon, high = min(to, (cycle + 1) * horizon) - cycle * horizon
                    if low < high { parts.append(low..<high) }
                    cycle += 1
                }
                return parts
            }
            if cyclic { spans = Self.merged(spans.sorted { $0.lowerBound < $1.lowerBound }) }
            for (span, next) in zip(spans, spans.dropFirst()) where next.lowerBound < span.upperBound {
                throw InputProblem(ShiftcastError(.badData, "agent '\(agent.name)' works two spans that overlap, \(span) and \(next) "
                    + "seconds from the start of the volumes"), input: .schedule, item: index)
            }
            agents.append(Agent(name: agent.name, working: spans))
        }
        guard agents.contains(where: { !$0.working.isEmpty }) else {
            throw ShiftcastError(.badData, "no agent of the schedule works between \(volumes.grid.clock.format(start)) and "
                + "\(volumes.grid.clock.format(end)), the volumes' horizon; check that the schedule and the volumes are of the same days")
        }
        try self.init(intervalSeconds: length, intervals: intervals, agents: agents)
    }

    /// Sorted spans with the ones that touch or overlap joined (a wrapped night shift meeting the same
    /// agent's shift of the horizon's first morning).
    private static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}

extension SimulationSettings {
    /// The simulation of what a staffing policy assumed: its target time, its model's patience (Erlang A)
    /// or concurrency (chat), its shrinkage; Poisson arrivals and exponential handle times, as the Erlang
    /// models have them.
    public init(policy: StaffingPolicy, replications: Int, seed: UInt64 = 1) {
        var answerWithin = 20.0, patience: Double?, concurrency = 1
        if case .queueing(let model, let targets) = policy.method {
            answerWithin = targets.answerWithin
            switch model {
            case .erlangC: break
            case .erlangA(let meanPatience): patience = meanPatience
            case .chat(let slots): concurrency = slots
            }
        }
        self.init(meanPatience: patience, answerWithin: answerWithin, concurrency: concurrency, shrinkage: policy.shrinkage,
                  replications: replications, seed: seed)
    }
}

extension Planner {
    /// Simulates each queue's schedule against its forecast (`ServiceSimulation`), with the days of the
    /// forecast's clock as spans: what `plan --simulate` adds to the projection.
    /// - Returns: one result per queue; `nil` where the schedules do not pair one to one with the queues.
    public static func simulate(_ volumes: [ForecastIntervals], schedules: [QueueSchedule], averageHandleTime: Double?,
                                cyclic: Bool, settings: SimulationSettings) throws -> [SimulationResult?] {
        guard volumes.count == schedules.count else { return volumes.map { _ in nil } }
        return try zip(volumes, schedules).map { volumes, schedule in
            let input = try SimulationInput(volumes: volumes, averageHandleTime: averageHandleTime, work: schedule.agentWork, cyclic: cyclic)
            return try ServiceSimulation.run(input, settings: settings, spans: volumes.grid.days.map(\.range))
        }
    }
}
