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

    /// An interval of the forecast with its prediction band (`nil` bounds: a forecast without one).
    public struct ForecastPoint: Sendable, Equatable {
        public var start: CivilDateTime
        public var volume: Double
        public var lower: Double?
        public var upper: Double?

        public init(start: CivilDateTime, volume: Double, lower: Double? = nil, upper: Double? = nil) {
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

    /// One rolling-origin fold of a model's backtest.
    public struct Fold: Sendable, Equatable {
        /// From 1, oldest first.
        public var number: Int
        /// The date of the fold's first forecast interval.
        public var origin: String
        /// The fold's WAPE as a fraction; `nil` for a fold with no volume.
        public var wape: Double?

        public init(number: Int, origin: String, wape: Double?) {
            self.number = number
            self.origin = origin
            self.wape = wape
        }
    }

    /// One model's backtest: its folds and whether `auto` chose it.
    public struct ModelBacktest: Sendable, Equatable {
        public var model: String
        public var folds: [Fold]
        public var chosen: Bool

        public init(model: String, folds: [Fold], chosen: Bool) {
            self.model = model
            self.folds = folds
            self.chosen = chosen
        }

        /// The mean of the folds' WAPEs (each fold counts the same, whatever its volume); `nil` without one.
        public var meanWAPE: Double? {
            let values = folds.compactMap(\.wape)
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
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
    /// The service-level target, for the heat map's scale and the summary; `nil` when the plan had none.
    public var serviceLevelTarget: Double?
    /// Seconds within which the target counts a contact answered, for the summary.
    public var answerWithin: Double?
    public var queues: [Queue]
    /// Every agent with a shift, in the Schedule file's order; the Gantt chart shows the first ``ganttRows``.
    public var agents: [Agent]

    /// Agents drawn in the Gantt chart.
    public static let ganttRows = 50

    public init(title: String, serviceLevelTarget: Double? = nil, answerWithin: Double? = nil, queues: [Queue], agents: [Agent]) {
        self.title = title
        self.serviceLevelTarget = serviceLevelTarget
        self.answerWithin = answerWithin
        self.queues = queues
        self.agents = agents
    }
}
