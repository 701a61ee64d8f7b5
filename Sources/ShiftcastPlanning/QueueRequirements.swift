import ShiftcastCore
import ShiftcastStaffing

/// One queue's staffing requirement per interval of its forecast (SPEC section 2, `staff`).
public struct QueueRequirements: Sendable {
    public struct Row: Sendable, Equatable {
        public var start: Timestamp
        public var requirement: Requirement

        public init(start: Timestamp, requirement: Requirement) {
            self.start = start
            self.requirement = requirement
        }
    }

    /// The queue's name; `nil` for a forecast without queues.
    public var name: String?
    public var rows: [Row]
    /// The length of the forecast's intervals, in seconds (a day's nominal 86 400 for daily data).
    public var intervalSeconds: Int

    /// Requirements already staffed (read back from a Requirements file).
    public init(name: String?, rows: [Row], intervalSeconds: Int) {
        self.name = name
        self.rows = rows
        self.intervalSeconds = intervalSeconds
    }

    /// The largest shrinkage consistent with every row: staffing scheduled `ceil(agents / (1 - s))`, so
    /// `1 - s` lies in `[agents / scheduled, agents / (scheduled - 1))` for each row with agents; the
    /// largest such `s` is the one the productive agents are judged by (an interval scheduled exactly as
    /// required then keeps at least the agents it needed). 0 when no row has agents.
    public var impliedShrinkage: Double {
        let keep = rows.lazy.filter { $0.requirement.agents > 0 && $0.requirement.scheduledAgents > 0 }
            .map { Double($0.requirement.agents) / Double($0.requirement.scheduledAgents) }.max() ?? 1
        return max(0, min(0.999, 1 - keep))
    }

    /// Staffs every interval of `forecast`.
    ///
    /// Under a queueing method each interval is staffed alone; deferred work flows from one interval to
    /// the next, so the grid is filled: an interval the forecast lacks has no contacts, but agents may
    /// work off the backlog in it.
    /// - Parameters:
    ///   - forecast: the queue's forecast on the clock.
    ///   - averageHandleTime: seconds; when given, it replaces the forecast's AHT; when `nil`, an
    ///     interval with volume and no AHT is an error.
    ///   - policy: the staffing method and shrinkage.
    /// - Throws: ``InputProblem`` naming the forecast interval (by index) whose AHT is missing or whose
    ///   targets cannot be met.
    /// - Complexity: O(intervals) queueing evaluations.
    public init(forecast: ForecastIntervals, averageHandleTime: Double?, policy: StaffingPolicy) throws {
        name = forecast.name
        intervalSeconds = forecast.grid.step.nominalSeconds
        let intervals = forecast.intervals, grid = forecast.grid
        // An interval without contacts needs no handle time; it borrows the queue's first one so that
        // the output's aht column stays meaningful.
        let fallbackAHT = averageHandleTime ?? intervals.lazy.compactMap(\.averageHandleTime).first { $0 > 0 } ?? 1
        func workload(_ index: Int, length: Int) throws -> Workload {
            let interval = intervals[index]
            guard let aht = averageHandleTime ?? interval.averageHandleTime else {
                if interval.volume == 0 { return Workload(volume: 0, averageHandleTime: fallbackAHT, intervalLength: length) }
                throw InputProblem(ShiftcastError(.badData, "has volume but no AHT; give each interval an AHT, or one AHT for all"),
                                   input: .forecast, item: index)
            }
            return Workload(volume: interval.volume, averageHandleTime: aht, intervalLength: length)
        }
        switch policy.method {
        case .queueing:
            rows = try intervals.indices.map { index in
                let start = intervals[index].start
                let length = grid.length(at: grid.position(of: start)!)
                do {
                    let interval = intervals[index]
                    let bounds = interval.lower.flatMap { lower in interval.upper.map { (lower: lower, upper: $0) } }
                    return Row(start: start, requirement: try policy.requirement(for: workload(index, length: length), bounds: bounds))
                } catch let error as ShiftcastError {
                    throw InputProblem(error, input: .forecast, item: index)
                }
            }
        case .deferred:
            var workloads: [Workload] = []
            workloads.reserveCapacity(grid.count)
            var next = 0
            for position in 0..<grid.count {
                let start = grid.timestamp(at: position), length = grid.length(at: position)
                if next < intervals.count, intervals[next].start == start {
                    workloads.append(try workload(next, length: length))
                    next += 1
                } else {
                    workloads.append(Workload(volume: 0, averageHandleTime: fallbackAHT, intervalLength: length))
                }
            }
            rows = try policy.requirements(forConsecutive: workloads).enumerated().map {
                Row(start: grid.timestamp(at: $0.offset), requirement: $0.element)
            }
        }
    }
}
