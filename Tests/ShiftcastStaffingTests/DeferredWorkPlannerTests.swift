import Foundation
import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Deferred work planner")
struct DeferredWorkPlannerTests {
    static let quarterHour = 900

    /// A week of email in 15-minute intervals, Monday first: a working-day hump from 07:00 to 19:00 peaking
    /// around 11:00 at about 55 emails per interval, a trickle at night, weekends at 30%; handle times
    /// 6 to 9 minutes, longer in the afternoon.
    static let week: (volumes: [Double], handleTimes: [Double]) = {
        var volumes: [Double] = []
        var handleTimes: [Double] = []
        for interval in 0..<(7 * 96) {
            let day = interval / 96
            let hour = Double(interval % 96) / 4
            let hump = hour >= 7 && hour < 19 ? sin(Double.pi * (hour - 7) / 12) * (1.2 - abs(hour - 11) / 20) : 0
            let weekday = day < 5 ? 1.0 : 0.3
            volumes.append(((2 + 50 * hump) * weekday * 100).rounded() / 100)
            handleTimes.append(360 + 180 * max(0, sin(Double.pi * (hour - 10) / 14)))
        }
        return (volumes, handleTimes)
    }()

    /// The fewest agent-intervals any plan can have, by linear programming duality: each due time gives a
    /// window constraint "the agents in intervals j ..< e handle at least the work that arrives at or after j
    /// and is due by e" (`ceil` of it in whole agent-intervals), and the plan's agents must cover every window.
    /// The constraint matrix has consecutive ones, so it is totally unimodular and the covering minimum equals
    /// the heaviest set of disjoint windows, found here by dynamic programming over window ends.
    static func exactMinimum(volumes: [Double], handleTimes: [Double], interval: Double, response: Double,
                             occupancy: Double) -> Int {
        let count = volumes.count
        let unit = interval * occupancy
        let span = Int((response / interval * (1 + 1e-12)).rounded(.down))
        var prefix = [0.0]
        for (volume, time) in zip(volumes, handleTimes) { prefix.append(prefix.last! + volume * time) }
        var best = [Int](repeating: 0, count: count + 1)
        for end in 1...count {
            let lastDue = end == count ? count - 1 : end - span     // cohorts 0...lastDue are due by `end`
            best[end] = best[end - 1]
            guard lastDue >= 0 else { continue }
            for start in 0...min(lastDue, end - 1) {
                let need = prefix[lastDue + 1] - prefix[start]
                let window = need <= 0 ? 0 : Int((need / unit - 1e-9).rounded(.up))
                best[end] = max(best[end], best[start] + window)
            }
        }
        return best[count]
    }

    @Test("a week of email: nobody waits longer than R, and the plan uses the exact minimum of agent-hours",
          arguments: [24 * 3600.0, 4 * 3600.0])
    func weekOfEmail(response: Double) throws {
        let (volumes, handleTimes) = Self.week
        let planner = DeferredWorkPlanner(responseTime: response, maxOccupancy: 0.85)
        let plan = try planner.plan(volumes: volumes, averageHandleTimes: handleTimes, intervalLength: Self.quarterHour)
        #expect(plan.count == volumes.count)
        let agents = plan.map(\.agents)

        // Replayed first in first out, every contact is answered within R of its interval's start.
        let replay = try DeferredWorkPlanner.replay(agents: agents, volumes: volumes, averageHandleTimes: handleTimes,
                                                    intervalLength: Self.quarterHour, maxOccupancy: 0.85)
        let latest = replay.latestAnswerDelays.max()!
        #expect(latest <= response * (1 + 1e-9), "latest answer after \(latest / 3600) h")
        #expect(plan.last!.backlog < 1e-9)
        #expect(replay.intervals == plan)

        // Agent-hours: at least the work divided by the occupancy (rounded up to whole agent-intervals: agents
        // per interval are whole numbers), and exactly the least any plan meeting the due times can use.
        let total = agents.reduce(0, +)
        let work = zip(volumes, handleTimes).map(*).reduce(0, +)
        let simpleBound = Int((work / (Double(Self.quarterHour) * 0.85)).rounded(.up))
        #expect(total >= simpleBound)
        #expect(total == Self.exactMinimum(volumes: volumes, handleTimes: handleTimes, interval: Double(Self.quarterHour),
                                           response: response, occupancy: 0.85))
        // With a day to answer, the week needs no more than a few agent-intervals above the work itself.
        if response == 24 * 3600 { #expect(total - simpleBound <= 3, "\(total) vs \(simpleBound)") }

        // Levelled: the busiest interval has far fewer agents than answering each interval's own work at once
        // would need.
        let peakWithoutDeferral = zip(volumes, handleTimes).map { Int(($0 * $1 / (Double(Self.quarterHour) * 0.85)).rounded(.up)) }.max()!
        #expect(agents.max()! < peakWithoutDeferral)

        // Occupancy never exceeds the cap; backlogs are contacts, consistent with the work left.
        for interval in plan {
            #expect(interval.occupancy <= 0.85 * (1 + 1e-12))
            #expect(interval.backlog >= 0 && interval.backlogWork >= 0)
        }
    }

    /// Every plan of up to 6 intervals with up to 4 agents each, tried one by one: the planner's total is the
    /// least that meets every due time, and its busiest interval the lowest among plans with that total.
    @Test("on small cases, fewest agent-hours and then the lowest peak, checked by exhaustive search")
    func exhaustive() throws {
        var generator: UInt64 = 0x5EED
        func random() -> Double {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return Double(generator >> 11) / Double(1 << 53)
        }
        for _ in 0..<40 {
            let count = 4 + Int(random() * 3)
            let volumes = (0..<count).map { _ in random() < 0.25 ? 0 : (random() * 2.6 * 100).rounded() / 100 }
            let handleTimes = [Double](repeating: 60, count: count)         // one agent-interval is 1 contact
            let response = 60.0 * Double(1 + Int(random() * 3))
            let planner = DeferredWorkPlanner(responseTime: response, maxOccupancy: 1)
            let plan = try planner.plan(volumes: volumes, averageHandleTimes: handleTimes, intervalLength: 60).map(\.agents)

            var bestTotal = Int.max
            var bestPeak = Int.max
            var candidate = [Int](repeating: 0, count: count)
            func search(_ index: Int) throws {
                if index == count {
                    let replay = try DeferredWorkPlanner.replay(agents: candidate, volumes: volumes,
                                                                averageHandleTimes: handleTimes, intervalLength: 60,
                                                                maxOccupancy: 1)
                    guard replay.latestAnswerDelays.allSatisfy({ $0 <= response * (1 + 1e-9) }) else { return }
                    let total = candidate.reduce(0, +), peak = candidate.max()!
                    if total < bestTotal || (total == bestTotal && peak < bestPeak) { (bestTotal, bestPeak) = (total, peak) }
                    return
                }
                for agents in 0...4 {
                    candidate[index] = agents
                    try search(index + 1)
                }
            }
            try search(0)
            #expect(plan.reduce(0, +) == bestTotal, "volumes \(volumes) R \(response): plan \(plan)")
            #expect(plan.max()! == bestPeak, "volumes \(volumes) R \(response): plan \(plan)")
        }
    }

    @Test("a worked example: 10 contacts of 6 minutes, answered within 2 hours")
    func workedExample() throws {
        let planner = DeferredWorkPlanner(responseTime: 7200, maxOccupancy: 1)
        let plan = try planner.plan(volumes: [10, 0, 0], averageHandleTimes: [360, 0, 0], intervalLength: 3600)
        // One agent-hour of work, due two hours after the first interval starts: done in the second hour.
        #expect(plan.map(\.agents) == [0, 1, 0])
        #expect(plan.map(\.backlog) == [10, 0, 0])
        #expect(plan[1].occupancy == 1 && plan[1].handledWork == 3600)
        let replay = try DeferredWorkPlanner.replay(agents: [0, 1, 0], volumes: [10, 0, 0],
                                                    averageHandleTimes: [360, 0, 0], intervalLength: 3600,
                                                    maxOccupancy: 1)
        #expect(replay.latestAnswerDelays == [7200, 0, 0])
        // With 2 agents in the first hour instead, the last contact is answered after 30 minutes.
        let early = try DeferredWorkPlanner.replay(agents: [2, 0, 0], volumes: [10, 0, 0],
                                                   averageHandleTimes: [360, 0, 0], intervalLength: 3600,
                                                   maxOccupancy: 1)
        #expect(early.latestAnswerDelays[0] == 1800)
        #expect(early.intervals[0].backlog == 0 && early.intervals[0].occupancy == 0.5)
    }

    @Test("the backlog counts contacts: half a contact in progress is half a contact")
    func backlogInContacts() throws {
        let replay = try DeferredWorkPlanner.replay(agents: [1, 0], volumes: [3, 1], averageHandleTimes: [1200, 600],
                                                    intervalLength: 3000, maxOccupancy: 1)
        // 3600 s of work arrive, 3000 s are handled: half of the third contact is left; then one more arrives.
        #expect(abs(replay.intervals[0].backlog - 0.5) < 1e-12)
        #expect(abs(replay.intervals[1].backlog - 1.5) < 1e-12)
        #expect(replay.latestAnswerDelays == [.infinity, .infinity])
    }

    @Test("work due after the horizon is still answered within it")
    func clearsAtEnd() throws {
        let plan = try DeferredWorkPlanner(responseTime: 86_400, maxOccupancy: 0.8)
            .plan(volumes: [0, 0, 40], averageHandleTimes: [0, 0, 450], intervalLength: 900)
        #expect(plan.map(\.agents) == [0, 0, 25])
        #expect(plan[2].backlog == 0)
    }

    @Test("a response time that is not a whole number of intervals is rounded down to one")
    func roundedResponse() throws {
        let whole = try DeferredWorkPlanner(responseTime: 1800).plan(volumes: [4, 0, 0, 0], averageHandleTimes: [900, 0, 0, 0],
                                                                      intervalLength: 900)
        let between = try DeferredWorkPlanner(responseTime: 2500).plan(volumes: [4, 0, 0, 0], averageHandleTimes: [900, 0, 0, 0],
                                                                        intervalLength: 900)
        // Four agent-intervals due by the end of the second interval, levelled over the two.
        #expect(whole.map(\.agents) == [2, 2, 0, 0])
        #expect(between.map(\.agents) == whole.map(\.agents))
    }

    @Test("no contacts: no agents and no backlog")
    func empty() throws {
        let planner = DeferredWorkPlanner(responseTime: 14_400, maxOccupancy: 0.9)
        #expect(try planner.plan(volumes: [], averageHandleTimes: [], intervalLength: 900).isEmpty)
        let plan = try planner.plan(volumes: [0, 0, 0], averageHandleTimes: [0, 300, 0], intervalLength: 900)
        #expect(plan.allSatisfy { $0.agents == 0 && $0.backlog == 0 && $0.occupancy == 0 })
    }

    @Test("rejects settings and data it cannot plan with")
    func rejects() {
        let volumes = [5.0, 5], times = [300.0, 300]
        for (planner, code) in [(DeferredWorkPlanner(responseTime: 600), ShiftcastError.Code.invalidArgument),
                                (DeferredWorkPlanner(responseTime: .nan), .invalidArgument),
                                (DeferredWorkPlanner(responseTime: 3600, maxOccupancy: 0), .invalidArgument),
                                (DeferredWorkPlanner(responseTime: 3600, maxOccupancy: 1.1), .invalidArgument)] {
            let error = #expect(throws: ShiftcastError.self) {
                try planner.plan(volumes: volumes, averageHandleTimes: times, intervalLength: 900)
            }
            #expect(error?.code == code)
        }
        let planner = DeferredWorkPlanner(responseTime: 3600)
        for (volumes, times) in [([Double.nan, 1], [300.0, 300]), ([-1, 1], [300, 300]), ([1, 1], [300, 0]),
                                 ([1, 1], [300]), ([1, .infinity], [300, 300])] {
            let error = #expect(throws: ShiftcastError.self) {
                try planner.plan(volumes: volumes, averageHandleTimes: times, intervalLength: 900)
            }
            #expect(error?.code == .badData)
        }
        #expect(throws: ShiftcastError.self) {
            try DeferredWorkPlanner.replay(agents: [1, -1], volumes: volumes, averageHandleTimes: times,
                                           intervalLength: 900, maxOccupancy: 1)
        }
        #expect(throws: ShiftcastError.self) {
            try DeferredWorkPlanner.replay(agents: [1], volumes: volumes, averageHandleTimes: times,
                                           intervalLength: 900, maxOccupancy: 1)
        }
    }
}
