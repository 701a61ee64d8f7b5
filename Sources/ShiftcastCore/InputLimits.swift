/// The largest values Shiftcast takes from its inputs, with the reason for each (Docs/Limits.md).
///
/// Each bound is checked where the value is read, with a located one-line error, before the value sizes
/// an allocation, reaches an `Int` conversion or enters a solver. They are far above anything a contact
/// centre produces, and low enough that every computation on them stays finite, exact where it must be
/// (whole numbers below 2^53 in a `Double`) and within the 2 GiB one run may use: the sizes below were
/// chosen by measuring the memory of the largest input each admits (Docs/Limits.md).
public enum InputLimits {
    /// Bytes of one input file: 256 MiB, a year of hourly history for some 1 200 queues. The file, its
    /// scanned layout and the rows read from it stay within 2 GiB (a year of 1 000 hourly
    /// queues, 213 MiB, forecasts in 1.2 GB); it is refused before it is read (from standard input, as
    /// soon as it grows past the bound).
    public static let maximumInputBytes = 256 << 20

    /// Contacts offered in one interval: a billion. The busiest queues see thousands an hour; the bound
    /// keeps a year of sums and squares of volumes finite and precise.
    public static let maximumVolume = 1e9

    /// Average handle time of one contact, in seconds: one day. Handle time is work on one contact, so
    /// even deferred work (email, tickets) stays far below it.
    public static let maximumHandleTime = 86_400.0

    /// Agents required (or scheduled) in one interval: 100 000, more than the seats of the largest
    /// contact centres together; it keeps shift counts exact in the integer program.
    public static let maximumAgentsPerInterval = 100_000.0

    /// Agent-hours the requirements of one `schedule` run may add up to: half a million, some 60 000
    /// eight-hour shifts (a week of 3 000 agents at once). The work after the search (breaks, the roster,
    /// the files) grows with the shifts: 924 000 agent-hours took 6 s past a 2 s limit (Docs/Limits.md).
    public static let maximumRequiredAgentHours = 500_000.0

    /// Candidate shifts (start, length) the families give over one schedule's horizon, counted before any
    /// is built: 200 000. The integer program has a column for each; a year of quarter-hours with the
    /// sample families is 90 000.
    public static let maximumCandidateShifts = 200_000

    /// Intervals in one queue's history, from the first row's day to the last's: 4 million (38 years of
    /// 5-minute intervals, 456 years of hours). Forecasting 3.99 million five-minute intervals with AHT
    /// peaks at 434 MB, and two queues are forecast at once: about 1 GB.
    public static let maximumHistoryIntervals = 4_000_000

    /// Intervals of all the queues of one volume file together: 20 million (a year of hours for 2 280
    /// queues). Each queue's series stays in memory until the Forecast file is written, 16 bytes an
    /// interval: 320 MB.
    public static let maximumTotalHistoryIntervals = 20_000_000

    /// Intervals of one queue's forecast horizon: a million (114 years of hours, 9.5 years of 5-minute
    /// intervals).
    public static let maximumForecastIntervals = 1_000_000

    /// Columns of one schedule's integer program, as counted before building (an upper bound): a column
    /// per candidate shift, and with breaks one per candidate, rule and break start: 3 million. Building
    /// takes seconds at that size, and memory grows with it (4.9 million, a week of 5-minute shifts of 4
    /// to 7 hours with the sample breaks: 940 MB and 2.4 s to build).
    public static let maximumProgramColumns = 3_000_000

    /// Intervals of a requirement curve (the horizon of one `schedule` run): 40 000, a year of
    /// quarter-hours or 139 days of 5-minute intervals.
    public static let maximumScheduleIntervals = 40_000

    /// Any duration that is part of a day's plan (shift lengths and steps, break offsets and lengths,
    /// rest between shifts): one day, in seconds.
    public static let maximumShiftDuration = 86_400

    /// Agents in one Agents file: 2 500, a large site. Their contracts add rows to the integer program
    /// and work to the construction and the summary, all growing with the agents: 5 000 agents ended a
    /// 5 s search at 10.8 s (Docs/Limits.md).
    public static let maximumAgents = 2_500

    /// Any duration a user gives (a flag such as `--horizon`, `--aht`, `--interval`): ten years, in
    /// seconds. Every duration is then a whole number of milliseconds well inside an `Int64`.
    public static let maximumDuration = 3660 * 86_400.0

    /// Agents one agent works at once in chat (`--concurrency`): 100.
    public static let maximumConcurrency = 100

    /// The longest event the Events file takes, in days: a year and a day. A change that lasts longer is
    /// a new level, which the history itself shows; the bound keeps the work per occurrence small (an
    /// event ending in 9999 hung `forecast`).
    public static let maximumEventDays = 366

    /// The largest stated uplift of an event: a thousand times normal volume (0 means closed).
    public static let maximumUplift = 1000.0

    /// A time limit for a search: 7 days, in seconds.
    public static let maximumTimeLimit = 7 * 86_400.0

    /// A weight or cost in an objective (per agent-minute, per hour, per distinct shift): 1e9. With
    /// requirements and horizons within their limits, the objective stays an exact sum.
    public static let maximumWeight = 1e9

    /// Replications of one simulation: 10 000, far more than a 95% interval needs (100 give it to a few
    /// tenths of a percent of service level), and few enough that the bound below is what limits the work.
    public static let maximumReplications = 10_000

    /// Contacts one simulation may draw over all its replications (the horizon's expected contacts times
    /// the replications): 2 x 10^8, about a minute on one core, so that no input makes a run hang.
    public static let maximumSimulatedContacts = 2e8
}
