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

    /// - Complexity: O(shifts x agents).
    public static func assign(_ result: ShiftMixResult) -> [Assignment] {
        let horizonSeconds = Int64(result.curve.count * result.curve.slotSeconds)
        let shifts = result.shifts.sorted { ($0.candidate.startSlot, $0.candidate.length, $0.candidate.family)
            < ($1.candidate.startSlot, $1.candidate.length, $1.candidate.family) }
        var freeAt: [Int64] = [], firstStart: [Int64] = [], lastDay: [Int64] = []
        var assignments: [Assignment] = []
        assignments.reserveCapacity(shifts.count)
        for placed in shifts {
            let shift = placed.candidate
            // Elapsed seconds from the start of the horizon (wall-clock days can be 23 or 25 hours).
            let start = Int64(shift.startSlot * result.curve.slotSeconds)
            let end = start + Int64(shift.length)
            let day = shift.start.daysSinceEpoch
            let agent = freeAt.indices.first { index in
                freeAt[index] <= start && lastDay[index] < day
                    && (!result.curve.cyclic || end - horizonSeconds <= firstStart[index])
            }
            if let agent {
                freeAt[agent] = end
                lastDay[agent] = day
                assignments.append(Assignment(agent: agent + 1, candidate: shift, breaks: placed.breaks))
            } else {
                freeAt.append(end)
                firstStart.append(start)
                lastDay.append(day)
                assignments.append(Assignment(agent: freeAt.count, candidate: shift, breaks: placed.breaks))
            }
        }
        return assignments
    }
}
