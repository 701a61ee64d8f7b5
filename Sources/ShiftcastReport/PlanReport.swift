import ShiftcastCore

/// What `report.html` shows of a plan, as plain values: each queue's history, forecast, events, backtest and
/// coverage, the agents' shifts, and the summary figures. ``html(level:)`` draws it.
///
/// Times are wall-clock (`CivilDateTime`): the charts are laid out as the plan's files read, so a
/// daylight-saving day is a day like the others.
public struct PlanReport: Sendable {
    /// An interval of history: its start and the contacts that came.
    public struct HistoryPoint: Sendable, Equatable {
        public var start: CivilDateTime
        public var volume: Double

        public init(start: CivilDateTime, volume: Double) {
            self.start = start
            self.volume = volume
        }
    }

    /// An interval of the forecast with its prediction band.
    public struct ForecastPoint: Sendable, Equatable {
        public var start: CivilDateTime
        public var volume: Double
        public var lower: Double
        public var upper: Double

        public init(start: CivilDateTime, volume: Double, lower: Double, upper: Double) {
            self.start = start
            self.volume = volume
            self.lower = lower
            self.upper = upper
        }
    }

    /// An event occurrence over `[start, end)`.
    public struct Event: Sendable, Equatable {
        public var kind: String
        public var start: CivilDateTime
        public var end: CivilDateTime

        public init(kind: String, start: CivilDateTime, end: CivilDateTime) {
            self.kind = kind
            self.start = start
            self.end = end
        }
    }

    /// One model's backtest: the WAPE of each fold (`nil` for a fold with no volume) and whether `auto`
    /// chose it.
    public struct ModelBacktest: Sendable, Equatable {
        public var model: String
        public var folds: [(origin: String, wape: Double?)]
        public var chosen: Bool

        public init(model: String, folds: [(origin: String, wape: Double?)], chosen: Bool) {
            self.model = model
            self.folds = folds
            self.chosen = chosen
        }

        public static func == (left: Self, right: Self) -> Bool {
            left.model == right.model && left.chosen == right.chosen
                && left.folds.map(\.origin) == right.folds.map(\.origin) && left.folds.map(\.wape) == right.folds.map(\.wape)
        }
    }

    /// An interval of the schedule: agents required and at work, the projected service level, and why it
    /// is short (when it is and the plan says).
    public struct CoveragePoint: Sendable, Equatable {
        public var start: CivilDateTime
        public var required: Double
        public var scheduled: Double
        public var serviceLevel: Double?
        public var cause: String?

        public init(start: CivilDateTime, required: Double, scheduled: Double, serviceLevel: Double? = nil, cause: String? = nil) {
            self.start = start
            self.required = required
            self.scheduled = scheduled
            self.serviceLevel = serviceLevel
            self.cause = cause
        }

        /// Agents short of the requirement; 0 when covered.
        public var shortBy: Double { max(0, required - scheduled) }
    }

    /// One queue's charts.
    public struct Queue: Sendable {
        /// `nil` for a plan without queues.
        public var name: String?
        /// Length of an interval in seconds.
        public var intervalSeconds: Int
        /// The weeks of history before the forecast (empty when the report was made without the history).
        public var history: [HistoryPoint]
        public var forecast: [ForecastPoint]
        public var events: [Event]
        /// Models in the order they were backtested (empty when the plan folder has no backtest).
        public var backtests: [ModelBacktest]
        public var coverage: [CoveragePoint]

        public init(name: String?, intervalSeconds: Int, history: [HistoryPoint] = [], forecast: [ForecastPoint],
                    events: [Event] = [], backtests: [ModelBacktest] = [], coverage: [CoveragePoint]) {
            self.name = name
            self.intervalSeconds = intervalSeconds
            self.history = history
            self.forecast = forecast
            self.events = events
            self.backtests = backtests
            self.coverage = coverage
        }
    }

    /// A span of an agent's day: `work`, `break`, `lunch`, ... as the Schedule file names it.
    public struct Activity: Sendable, Equatable {
        public var activity: String
        public var shift: String
        public var start: CivilDateTime
        public var end: CivilDateTime

        public init(activity: String, shift: String, start: CivilDateTime, end: CivilDateTime) {
            self.activity = activity
            self.shift = shift
            self.start = start
            self.end = end
        }
    }

    /// An agent's row of the Gantt chart.
    public struct Agent: Sendable, Equatable {
        public var name: String
        public var activities: [Activity]
        /// The start of each of the agent's shifts.
        public var shiftStarts: [CivilDateTime]

        public init(name: String, activities: [Activity], shiftStarts: [CivilDateTime]) {
            self.name = name
            self.activities = activities
            self.shiftStarts = shiftStarts
        }
    }

    public var title: String
    /// The service-level target, for the heat map's scale; `nil` when the plan had none.
    public var serviceLevelTarget: Double?
    /// Figures of the plan, label and value, in the order shown.
    public var summary: [(label: String, value: String)]
    public var queues: [Queue]
    /// Every agent with a shift, in the Schedule file's order; the Gantt chart shows the first ``ganttRows``.
    public var agents: [Agent]

    /// Agents drawn in the Gantt chart.
    public static let ganttRows = 50

    public init(title: String, serviceLevelTarget: Double?, summary: [(label: String, value: String)], queues: [Queue], agents: [Agent]) {
        self.title = title
        self.serviceLevelTarget = serviceLevelTarget
        self.summary = summary
        self.queues = queues
        self.agents = agents
    }
}
