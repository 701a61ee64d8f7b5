import ShiftcastCore
import ShiftcastStaffing

/// A plan judged against what actually arrived (`shiftcast review`): the actual contacts replayed
/// against the plan's schedule, interval by interval, with the forecast's error beside them and, where
/// the service fell below target, what caused it.
///
/// Causes, for an interval whose delivered service level is below the target:
/// - ``Cause/schedule``: fewer agents at work than the plan itself required (the shifts did not cover
///   the requirement);
/// - ``Cause/forecast``: the agents the plan required were at work, but the contacts that arrived needed
///   more (the forecast was short);
/// - ``Cause/variability``: enough agents on paper for what arrived, and still short: the queue carried
///   from the interval before, agents on breaks within it, or chance.
public struct PlanReview: Sendable {
    public enum Cause: String, Sendable, CaseIterable {
        case forecast, schedule, variability
    }

    public struct Interval: Sendable {
        public var start: Timestamp
        public var forecast: Double
        public var actual: Double
        /// Agents to schedule the plan required (from the forecast).
        public var required: Int
        /// Agents to schedule the actual contacts needed, by the same policy.
        public var requiredForActual: Int
        /// Agents at work, on average over the interval (before shrinkage).
        public var atWork: Double
        /// The service level delivered to the actual contacts (simulated).
        public var serviceLevel: SimulationResult.Estimate
        /// Why the service fell below target; `nil` when it did not (or there is no target).
        public var cause: Cause?
    }

    /// Forecast and actual totals of a span, and the service delivered over it.
    public struct Span: Sendable {
        public var forecast: Double
        public var actual: Double
        /// Sum of absolute errors over the actual total.
        public var weightedAbsolutePercentageError: Double
        /// (forecast - actual) / actual.
        public var bias: Double
        public var serviceLevel: SimulationResult.Estimate
        public var causes: [Cause: Int]
    }

    public let intervals: [Interval]
    public let days: [(date: String, span: Span)]
    public let total: Span
    public let target: Double?
    public let answerWithin: Double

    /// Replays `actuals` against `work` and compares them with `forecast` and the plan's `required`.
    ///
    /// - Parameters:
    ///   - forecast: the plan's forecast; its grid is the review's horizon.
    ///   - required: the plan's agents to schedule for each forecast interval.
    ///   - actuals: what arrived, one interval per forecast interval (its AHT where it has one, else the
    ///     forecast's).
    ///   - work: the agents of the plan's schedule.
    ///   - policy: the plan's staffing policy (targets, model, shrinkage).
    ///   - cyclic: whether the schedule repeats with the horizon.
    ///   - replications: runs of the replay.
    ///   - seed: the replay's first stream.
    /// - Throws: ``InputProblem`` for an actual interval missing from the horizon; `ShiftcastError` from the
    ///   simulation.
    public init(forecast: ForecastIntervals, required: [Int], actuals: [ForecastIntervals.Interval], work: [AgentWork],
                policy: StaffingPolicy, cyclic: Bool, replications: Int, seed: UInt64) throws {
        let replayed = ForecastIntervals(name: forecast.name, intervals: zip(forecast.intervals, actuals).map { planned, actual in
            ForecastIntervals.Interval(start: planned.start, volume: actual.volume,
                                       averageHandleTime: actual.averageHandleTime ?? planned.averageHandleTime)
        }, grid: forecast.grid)
        let input = try SimulationInput(volumes: replayed, averageHandleTime: nil, work: work, cyclic: cyclic)
        var settings = SimulationSettings(policy: policy, replications: replications, seed: seed)
        settings.arrivals = .replay
        let spans = forecast.grid.clock.days(of: forecast.intervals.map(\.start))
        let result = try ServiceSimulation.run(input, settings: settings, spans: spans.map(\.range))
        let atWork = input.agentsAtWork
        var target: Double?, answerWithin = 20.0
        if case .queueing(_, let targets) = policy.method {
            target = targets.serviceLevel
            answerWithin = targets.answerWithin
        }
        var intervals: [Interval] = []
        for (index, (planned, actual)) in zip(forecast.intervals, replayed.intervals).enumerated() {
            let workload = Workload(volume: actual.volume, averageHandleTime: actual.averageHandleTime ?? 1,
                                    intervalLength: input.intervalSeconds)
            let needed = actual.volume > 0 ? try policy.requirement(for: workload).scheduledAgents : 0
            let delivered = result.intervals[index].serviceLevel
            var cause: Cause?
            if let target, actual.volume > 0, delivered.mean < target {
                cause = atWork[index] + 1e-9 < Double(required[index]) ? .schedule
                    : atWork[index] + 1e-9 < Double(needed) ? .forecast : .variability
            }
            intervals.append(Interval(start: planned.start, forecast: planned.volume, actual: actual.volume, required: required[index],
                                      requiredForActual: needed, atWork: atWork[index], serviceLevel: delivered, cause: cause))
        }
        self.intervals = intervals
        days = zip(spans, result.spans).map { day, figures in (day.date, Self.span(intervals[day.range], figures)) }
        total = Self.span(intervals[...], result.total)
        self.target = target
        self.answerWithin = answerWithin
    }

    private static func span(_ intervals: ArraySlice<Interval>, _ figures: SimulationResult.Figures) -> Span {
        let forecast = intervals.reduce(0) { $0 + $1.forecast }, actual = intervals.reduce(0) { $0 + $1.actual }
        let absolute = intervals.reduce(0) { $0 + abs($1.forecast - $1.actual) }
        var causes: [Cause: Int] = [:]
        for interval in intervals { if let cause = interval.cause { causes[cause, default: 0] += 1 } }
        return Span(forecast: forecast, actual: actual, weightedAbsolutePercentageError: actual > 0 ? absolute / actual : 0,
                    bias: actual > 0 ? (forecast - actual) / actual : 0, serviceLevel: figures.serviceLevel, causes: causes)
    }
}
