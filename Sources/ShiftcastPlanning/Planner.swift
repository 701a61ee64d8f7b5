import Foundation
import ShiftcastCore
import ShiftcastForecasting
import ShiftcastScheduling
import ShiftcastStaffing

/// One queue's history, held in memory.
public struct QueueHistory: Sendable {
    /// The queue's name; `nil` for a single queue without a name.
    public var name: String?
    public var history: HistorySeries
    /// Whether the history's times are dates (a daily export with a `date` column): its forecast is
    /// then one interval per date.
    public var datesOnly: Bool

    public init(name: String? = nil, history: HistorySeries, datesOnly: Bool = false) {
        self.name = name
        self.history = history
        self.datesOnly = datesOnly
    }
}

/// What a plan is asked for: how to forecast, staff and schedule (SPEC section 4, `plan`).
public struct PlanRequest: Sendable {
    public var forecast: ForecastRequest
    /// Seconds; replaces the forecast's AHT when given (needed when the history has none).
    public var averageHandleTime: Double?
    public var staffing: StaffingPolicy
    public var rules: ScheduleRules
    /// Weights, time limit and seed of the schedule search (its break rules come from `rules`).
    public var schedule: ShiftMixOptimizer.Options
    /// Schedule the horizon as a week that repeats (night shifts wrap from Sunday into Monday).
    public var cyclic: Bool

    public init(forecast: ForecastRequest, averageHandleTime: Double? = nil, staffing: StaffingPolicy, rules: ScheduleRules,
                schedule: ShiftMixOptimizer.Options = .init(), cyclic: Bool = false) {
        self.forecast = forecast
        self.averageHandleTime = averageHandleTime
        self.staffing = staffing
        self.rules = rules
        self.schedule = schedule
        self.cyclic = cyclic
    }
}

/// The pipeline's results, per queue, as values.
public struct Plan: Sendable {
    public struct Queue: Sendable {
        public var name: String?
        public var forecast: QueueForecast
        /// The forecast on the clock, as staffing reads it.
        public var intervals: ForecastIntervals
        public var requirements: QueueRequirements
        public var curve: RequirementCurve
    }

    public var queues: [Queue]
    /// One per queue (one in all with named agents), in the queues' order.
    public var schedules: [QueueSchedule]
    /// The service each schedule is projected to give (``ProjectedService``), in the same order; `nil`
    /// for deferred work.
    public var projections: [ProjectedService?]
}

/// The pipeline of SPEC section 1 in memory: histories and events to forecasts, forecasts to staffing
/// requirements, requirements to shift schedules. Each step is a function of the values before it;
/// `plan`, `demo` and the file commands are wrappers that read files into these values and write them.
public enum Planner {
    /// Forecasts every queue, in parallel over the cores; the result does not depend on the order they
    /// finish in.
    /// - Parameters:
    ///   - queues: the histories, one per queue.
    ///   - calendar: the events, for every queue.
    ///   - request: horizon, model, interval level and folds, for every queue.
    ///   - progress: called as each queue is done with (queues done, queues), from any thread.
    /// - Throws: the first queue's error (in the queues' order), naming the queue.
    /// - Complexity: queues x one queue's forecast, over the cores.
    public static func forecast(_ queues: [QueueHistory], calendar: EventCalendar = EventCalendar(), request: ForecastRequest,
                                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> [QueueForecast] {
        let results = ConcurrentResults<Result<QueueForecast, Error>>(count: queues.count)
        DispatchQueue.concurrentPerform(iterations: queues.count) { index in
            let queue = queues[index]
            let result = Result {
                do {
                    return try QueueForecast(history: queue.history, calendar: calendar, request: request)
                } catch let error as ShiftcastError where error.code == .badData && error.file == nil {
                    throw ShiftcastError(error.code, error.message + (queue.name.map { " (queue '\($0)')" } ?? ""))
                }
            }
            let done = results.store(result, at: index)
            progress?(done, queues.count)
        }
        return try results.values.map { try $0!.get() }
    }

    /// The requirement curve of each queue's requirements, for scheduling, on the queue's own intervals.
    /// - Parameters:
    ///   - requirements: each queue's requirements, rows in time order.
    ///   - cyclic: whether the horizon is a week that repeats.
    ///   - clock: the wall clock the times are read on.
    /// - Throws: ``InputProblem`` (input `.requirements`, the row by its index within the queue).
    public static func curves(_ requirements: [QueueRequirements], cyclic: Bool, clock: WallClock) throws -> [RequirementQueue] {
        try requirements.enumerated().map { index, queue in
            let curve: RequirementCurve
            do {
                curve = try RequirementCurve.checked(instants: queue.rows.map(\.start), values: queue.rows.map { Double($0.requirement.scheduledAgents) },
                                                     step: queue.intervalSeconds, cyclic: cyclic, clock: clock,
                                                     queueNote: queue.name.map { " (queue \(MessageText.quoted($0)))" } ?? "")
            } catch var problem as InputProblem {
                problem.queue = index
                throw problem
            }
            return RequirementQueue(name: queue.name, curve: curve)
        }
    }

    /// Forecasts, staffs and schedules every queue.
    /// - Parameters:
    ///   - queues: the histories, one per queue, on one clock and with one interval length.
    ///   - calendar: the events, for every queue.
    ///   - request: how to forecast, staff and schedule.
    ///   - locate: turns a problem with the schedule rules into the error thrown (see ``QueueScheduler``).
    ///   - progress: told what the run is doing, in a few words.
    /// - Throws: `.badData` when a history has one interval a day (a schedule needs times of day); the
    ///   forecast's errors; `.badData` naming the time and queue of an interval that cannot be staffed
    ///   or scheduled; the schedule's errors (problems with `request.rules` through `locate`).
    public static func plan(_ queues: [QueueHistory], calendar: EventCalendar = EventCalendar(), request: PlanRequest,
                            locate: (InputProblem) -> ShiftcastError = \.unlocated,
                            progress: (@Sendable (String) -> Void)? = nil) throws -> Plan {
        if let problem = dailyProblem(queues) { throw problem }
        progress?("forecast: choosing the model by backtest")
        let forecasts = try forecast(queues, calendar: calendar, request: request.forecast) { done, total in
            progress?("forecast: \(done) of \(total) queues")
        }
        progress?("staffing")
        let intervals = zip(queues, forecasts).map {
            ForecastIntervals(name: $0.name, history: $0.history, forecast: $1, datesOnly: $0.datesOnly)
        }
        let clock = queues.first?.history.clock ?? .naive
        let requirements: [QueueRequirements], curves: [RequirementQueue]
        do {
            requirements = try staff(intervals, averageHandleTime: request.averageHandleTime, policy: request.staffing)
            curves = try self.curves(requirements, cyclic: request.cyclic, clock: clock)
        } catch let problem as InputProblem {
            throw describe(problem, intervals: intervals)
        }
        let schedules = try QueueScheduler.schedule(curves, rules: request.rules, options: request.schedule, locate: locate) { queue, phase in
            progress?("schedule: " + (queue.map { "queue \($0): " } ?? "") + phase)
        }
        let planned = (0..<queues.count).map {
            Plan.Queue(name: queues[$0].name, forecast: forecasts[$0], intervals: intervals[$0],
                       requirements: requirements[$0], curve: curves[$0].curve)
        }
        return Plan(queues: planned, schedules: schedules,
                    projections: try projections(requirements, schedules: schedules, policy: request.staffing))
    }

    /// The service each schedule is projected to give against its queue's requirements
    /// (``ProjectedService``): `nil` for deferred work, and for schedules that do not pair one to one
    /// with the queues.
    public static func projections(_ requirements: [QueueRequirements], schedules: [QueueSchedule],
                                   policy: StaffingPolicy) throws -> [ProjectedService?] {
        guard requirements.count == schedules.count else { return schedules.map { _ in nil } }
        return try zip(requirements, schedules).map { try ProjectedService(requirements: $0, schedule: $1, policy: policy) }
    }

    /// The error for histories that cannot be scheduled: one interval a day has no times of day.
    public static func dailyProblem(_ queues: [QueueHistory]) -> ShiftcastError? {
        guard let daily = queues.first(where: { $0.history.slotsPerDay == 1 }) else { return nil }
        return ShiftcastError(.badData, "the history" + (daily.name.map { " of queue '\($0)'" } ?? "")
            + " has one interval a day; a schedule needs the times of day: give a history by interval (15m, 30m, 1h)")
    }

    /// A problem with a computed interval, named by its time and queue.
    static func describe(_ problem: InputProblem, intervals: [ForecastIntervals]) -> ShiftcastError {
        let queue = intervals[problem.queue ?? 0]
        var error = problem.error
        let what = problem.input == .forecast ? "the forecast" : "the requirements"
        let time = problem.item.flatMap { queue.intervals.indices.contains($0) ? queue.grid.clock.format(queue.intervals[$0].start) : nil }
        error.message = what + (time.map { " at \($0)" } ?? "") + (queue.name.map { " of queue '\($0)'" } ?? "") + ": " + error.message
        return error
    }

    /// Staffs every queue's forecast intervals, in parallel over the cores.
    /// - Parameters:
    ///   - forecasts: each queue's forecast on the clock.
    ///   - averageHandleTime: seconds; when given, it replaces the forecast's AHT.
    ///   - policy: the staffing method and shrinkage.
    /// - Throws: the first queue's error: ``InputProblem`` (input `.forecast`) for an interval whose AHT
    ///   is missing or whose targets cannot be met, with ``InputProblem/queue`` set.
    public static func staff(_ forecasts: [ForecastIntervals], averageHandleTime: Double?, policy: StaffingPolicy) throws -> [QueueRequirements] {
        let results = ConcurrentResults<Result<QueueRequirements, Error>>(count: forecasts.count)
        DispatchQueue.concurrentPerform(iterations: forecasts.count) { index in
            results[index] = Result {
                do {
                    return try QueueRequirements(forecast: forecasts[index], averageHandleTime: averageHandleTime, policy: policy)
                } catch var problem as InputProblem {
                    problem.queue = index
                    throw problem
                }
            }
        }
        return try results.values.map { try $0!.get() }
    }
}
