import HeapModule
import ShiftcastCore

/// Shifts of a mix handed to anonymous agents (`A0001`, ...) when no Agents file names real ones.
///
/// Interval partitioning: shifts in order of start go to the lowest-numbered agent who is free by then
/// and has no shift yet on that calendar day (one shift per agent per day, never back-to-back doubles);
/// on a cyclic horizon an agent is also free only if the shift's part that wraps past the end of the
/// horizon ends before that agent's first shift starts, so the repeating pattern never overlaps itself.
/// The agent count is then the peak number of shifts running at once (on a cyclic horizon, close to it).
/// No contract rules (weekly hours, days off, rest) apply to anonymous agents: they are lines of work
/// for a planner to fill, not people.
public enum AnonymousRoster {
    /// One agent's shift.
    public struct Assignment: Sendable, Equatable {
        /// 1-based agent number (`A0001` is 1).
        public var agent: Int
        public var candidate: ShiftCandidate
        /// Breaks of the shift, in order of start.
        public var breaks: [PlacedBreak]

        public init(agent: Int, candidate: ShiftCandidate, breaks: [PlacedBreak] = []) {
            self.agent = agent
            self.candidate = candidate
            self.breaks = breaks
        }
    }

    /// `A0001` ... (at least four digits).
    public static func agentName(_ number: Int) -> String {
        let digits = String(number)
        return "A" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// - Complexity: O(shifts x log agents), plus, on a cyclic horizon, the agents passed over for the
    ///   few shifts that wrap past its end.
    public static func assign(_ result: ShiftMixResult) -> [Assignment] {
        let horizonSeconds = Int64(result.curve.count * result.curve.slotSeconds)
        let shifts = result.shifts.sorted { ($0.candidate.startSlot, $0.candidate.length, $0.candidate.family)
            < ($1.candidate.startSlot, $1.candidate.length, $1.candidate.family) }
        var agents = AgentPool()
        var assignments: [Assignment] = []
        assignments.reserveCapacity(shifts.count)
        for placed in shifts {
            let shift = placed.candidate
            // Elapsed seconds from the start of the horizon (wall-clock days can be 23 or 25 hours).
            let start = Int64(shift.startSlot * result.curve.slotSeconds)
            let end = start + Int64(shift.length)
            let day = shift.start.daysSinceEpoch
            let wrapsOnto = result.curve.cyclic ? end - horizonSeconds : Int64.min
            let agent = agents.lowestFree(at: start, day: day, leavingFree: wrapsOnto)
                ?? agents.hire(firstStart: start)
            agents.give(agent, until: end, day: day)
            assignments.append(Assignment(agent: agent + 1, candidate: shift, breaks: placed.breaks))
        }
        return assignments
    }

    /// The agents hired so far, each working, resting until a new calendar day, or ready, so that the
    /// lowest-numbered free agent is found in logarithmic time. Shifts come in order of start, so an agent
    /// who is free for one shift is free for every later one (the day is checked again when picked, for
    /// a clock that falls back across midnight).
    struct AgentPool {
        private var firstStart: [Int64] = [], lastDay: [Int64] = []
        /// Agents on a shift, by the second it ends.
        private var working = Heap<Waiting>()
        /// Agents off shift who already worked on their last day, by that day.
        private var resting = Heap<Waiting>()
        /// Agents free to start a shift, by number.
        private var ready = Heap<Int>()

        private struct Waiting: Comparable {
            var until: Int64
            var agent: Int
            static func < (lhs: Waiting, rhs: Waiting) -> Bool { (lhs.until, lhs.agent) < (rhs.until, rhs.agent) }
        }

        /// The lowest-numbered agent free at `start` with no shift on `day`, whose first shift starts at or
        /// after `leavingFree` (where the part of a shift that wraps past a cyclic horizon ends); `nil` if none.
        mutating func lowestFree(at start: Int64, day: Int64, leavingFree: Int64) -> Int? {
            while let next = working.min, next.until <= start {
                working.removeMin()
                resting.insert(Waiting(until: lastDay[next.agent], agent: next.agent))
            }
            while let next = resting.min, next.until < day { ready.insert(resting.removeMin().agent) }
            var passedOver: [Int] = []
            defer { for agent in passedOver { ready.insert(agent) } }
            while let agent = ready.popMin() {
                if lastDay[agent] < day, leavingFree <= firstStart[agent] { return agent }
                passedOver.append(agent)
            }
            return nil
        }

        /// A new agent, whose first shift starts at `firstStart`.
        mutating func hire(firstStart start: Int64) -> Int {
            firstStart.append(start)
            lastDay.append(.min)
            return firstStart.count - 1
        }

        /// Gives `agent` a shift on `day` that ends at `end`.
        mutating func give(_ agent: Int, until end: Int64, day: Int64) {
            lastDay[agent] = day
            working.insert(Waiting(until: end, agent: agent))
        }
    }
}
