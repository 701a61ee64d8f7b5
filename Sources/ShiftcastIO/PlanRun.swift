import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastForecasting
import ShiftcastScheduling
import ShiftcastStaffing

/// The whole pipeline in one run (SPEC section 4, `plan`): forecast the history, staff the forecast,
/// schedule the requirements, and report on each step.
///
/// Each step reads what the one before it wrote, byte for byte as the files would be, so a plan gives
/// the same results as `forecast`, `staff` and `schedule` run one after another on those files.
public struct PlanRun: Sendable {
    /// What a plan needs: the inputs of `forecast`, `staff` and `schedule`.
    public struct Inputs: Sendable {
        public var history: VolumeFile
        public var calendar: EventCalendar
        public var forecast: ForecastRequest
        /// Seconds; replaces the forecast's AHT when given (needed when the history has none).
        public var averageHandleTime: Double?
        public var staffing: StaffingPolicy
        public var shifts: ShiftsFile
        public var breaks: BreaksFile?
        /// Named agents and their contracts; `nil` for anonymous agents.
        public var agents: AgentsFile?
        /// Weights, time limit and seed of the schedule search (its break rules come from `breaks`).
        public var schedule: ShiftMixOptimizer.Options
        public var cyclic: Bool
        /// When given, each queue's schedule is also simulated against its forecast (`plan --simulate`):
        /// `simulation.csv` and the figures in the report.
        public var simulation: SimulationSettings?

        public init(history: VolumeFile, calendar: EventCalendar = EventCalendar(), forecast: ForecastRequest,
                    averageHandleTime: Double? = nil, staffing: StaffingPolicy, shifts: ShiftsFile, breaks: BreaksFile? = nil,
                    agents: AgentsFile? = nil, schedule: ShiftMixOptimizer.Options = .init(), cyclic: Bool = false,
                    simulation: SimulationSettings? = nil) {
            self.simulation = simulation
            self.agents = agents
            self.history = history
            self.calendar = calendar
            self.forecast = forecast
            self.averageHandleTime = averageHandleTime
            self.staffing = staffing
            self.shifts = shifts
            self.breaks = breaks
            self.schedule = schedule
            self.cyclic = cyclic
        }
    }

    /// A file the plan writes: its name in the output folder and its bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }

    public var forecast: ForecastOutput
    public var requirements: RequirementsFile
    public var schedules: [QueueSchedule]
    /// The service each schedule is projected to give (``ProjectedService``); `nil` for deferred work.
    public var projections: [ProjectedService?]
    /// The simulation of each queue's schedule against its forecast, with `Inputs.simulation`.
    public var simulations: [SimulationReport?] = []
    /// `forecast.csv`, `requirements.csv`, `schedule.csv`, `coverage.csv`, `plan.json` (for a queueing
    /// policy), `simulation.csv` (one queue simulated), `backtest.csv`, `report.md` and `report.html`, in
    /// that order.
    public var files: [File]

    /// Runs the pipeline.
    /// - Parameters:
    ///   - folder: the output folder, for the file names in messages and the report.
    ///   - progress: told what the run is doing, in a few words.
    /// - Throws: the first step's error, located in the file of that step (`FOLDER/forecast.csv` for the
    ///   staffing step, and so on).
    public init(_ inputs: Inputs, folder: String, progress: (@Sendable (String) -> Void)? = nil) throws {
        do {
            try self.init(running: inputs, folder: folder, progress: progress)
        } catch var error as ShiftcastError where error.file?.hasPrefix(folder) == true {
            // A step's input is a file of this plan that was never written, since the plan stopped: say so.
            error.message += " (in the file this plan computed; nothing was written)"
            throw error
        }
    }

    /// The steps of ``Planner/plan(_:calendar:request:locate:progress:)``, each step's problems located
    /// in the file it reads: the inputs' files, or the file of this plan the step would have read.
    private init(running inputs: Inputs, folder: String, progress: (@Sendable (String) -> Void)?) throws {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let histories = try inputs.history.queueHistories()
        if let problem = Planner.dailyProblem(histories) { throw problem.located(file: inputs.history.name) }

        progress?("forecast: choosing the model by backtest")
        forecast = try ForecastOutput(histories, forecasts: Planner.forecast(histories, calendar: inputs.calendar, request: inputs.forecast) { done, total in
            progress?("forecast: \(done) of \(total) queues")
        }, file: inputs.history.name)
        let forecastBytes = forecast.csvBytes()

        progress?("staffing")
        let intervals = zip(histories, forecast.queues).map {
            ForecastIntervals(name: $0.name, history: $0.history, forecast: $1.forecast, datesOnly: $0.datesOnly)
        }
        let staffed: [QueueRequirements]
        do {
            staffed = try Planner.staff(intervals, averageHandleTime: inputs.averageHandleTime, policy: inputs.staffing)
        } catch let problem as InputProblem {
            throw problem.located(file: path("forecast.csv"), lines: Self.lines(intervals.map(\.intervals.count))[problem.queue ?? 0])
        }
        let hasQueues = histories.first?.name != nil
        let clock = histories.first?.history.clock ?? .naive
        requirements = RequirementsFile(staffed, clock: clock, datesOnly: forecast.datesOnly, hasQueues: hasQueues, policy: inputs.staffing)
        let requirementsBytes = requirements.csvBytes()

        let curves: [RequirementQueue]
        do {
            curves = try Planner.curves(staffed, cyclic: inputs.cyclic, clock: clock)
        } catch let problem as InputProblem {
            let time = hasQueues ? 2 : 1  // the columns [queue,] timestamp, volume, aht, agents, scheduled_agents
            throw problem.located(file: path("requirements.csv"), lines: Self.lines(staffed.map(\.rows.count))[problem.queue ?? 0]) {
                $0 == "timestamp" ? time : $0 == "scheduled_agents" ? time + 4 : nil
            }
        }
        schedules = try QueueScheduler.schedule(curves, shifts: inputs.shifts, breaks: inputs.breaks, agents: inputs.agents,
                                                options: inputs.schedule) { queue, phase in
            progress?("schedule: " + (queue.map { "queue \($0): " } ?? "") + phase)
        }
        projections = try Planner.projections(staffed, schedules: schedules, policy: inputs.staffing)
        if let settings = inputs.simulation {
            progress?("simulating the schedule")
            let results = try Planner.simulate(intervals, schedules: schedules, averageHandleTime: inputs.averageHandleTime,
                                               cyclic: inputs.cyclic, settings: settings)
            simulations = zip(zip(intervals, schedules), results).map { pair, result in
                result.map { SimulationReport(result: $0, grid: pair.0.grid,
                                              paid: pair.1.paidSpans, answerWithin: settings.answerWithin) }
            }
        }
        files = [
            File(name: "forecast.csv", bytes: forecastBytes),
            File(name: "requirements.csv", bytes: requirementsBytes),
            File(name: "schedule.csv", bytes: ScheduleFile.csvBytes(schedules)),
            File(name: "coverage.csv", bytes: CoverageFile.csvBytes(schedules, projections: projections)),
        ]
        if let settings = PlanSettings(policy: inputs.staffing, cyclic: inputs.cyclic) {
            files.append(File(name: "plan.json", bytes: settings.jsonBytes()))
        }
        // One queue's simulation is simulation.csv; with several, each queue's is in the report only.
        if simulations.count == 1, let simulation = simulations[0] {
            files.append(File(name: "simulation.csv", bytes: simulation.csvBytes()))
        }
        files.append(File(name: "backtest.csv", bytes: BacktestFoldsFile.csvBytes(BacktestFoldsFile.rows(forecast))))
        files.append(File(name: "report.md", bytes: Array(report(inputs, folder: folder).utf8)))
        progress?("drawing the report")
        let drawn = try PlanReportFiles(folder: folder, files: files.map { ($0.name, $0.bytes) })
            .report(history: inputs.history, calendar: inputs.calendar, clock: clock)
        files.append(File(name: "report.html", bytes: Array(drawn.html(level: percent(inputs.forecast.level, decimals: 0)).utf8)))
    }

    /// The lines of each queue's rows in a file that holds `counts` rows per queue, queue after queue,
    /// under a header line (computed only to locate a problem).
    private static func lines(_ counts: [Int]) -> [[Int]] {
        var next = 2
        return counts.map { count in
            defer { next += count }
            return Array(next..<(next + count))
        }
    }

    /// Writes every file into `folder` (created if missing), all or none.
    /// - Throws: `ShiftcastError(.cannotCreateOutput)` when the folder or a file cannot be written.
    public func write(to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ShiftcastError(.cannotCreateOutput, "cannot create the output folder: \(error.localizedDescription)", file: folder)
        }
        try OutputFile.write(files.map { (bytes: $0.bytes, path: Optional((folder as NSString).appendingPathComponent($0.name))) })
    }

    /// The report: what each step chose and found, in Markdown, for a person.
    public var reportText: String { String(decoding: files.first { $0.name == "report.md" }?.bytes ?? [], as: UTF8.self) }

    private func report(_ inputs: Inputs, folder: String) -> String {
        var lines = ["# Shiftcast plan", ""]
        lines.append("## Forecast")
        lines.append("")
        lines.append("Horizon \(inputs.forecast.horizon) from the end of the history, prediction interval at \(percent(inputs.forecast.level)).")
        lines.append("")
        for queue in forecast.queues {
            let chosen = queue.forecast.backtests.first { $0.model == queue.forecast.model }
            let accuracy = chosen.map { ", backtest WAPE \(percent($0.metrics.wape)) over \($0.folds.count) folds" } ?? ""
            lines.append("- " + (queue.name.map { "queue \($0): " } ?? "") + "model \(queue.forecast.model)\(accuracy)")
        }
        for warning in forecast.warnings { lines.append("- warning: \(warning)") }
        for note in forecast.outlierNotes { lines.append("- note: \(note)") }
        lines += ["", "## Staffing", "", "```", requirements.summary, "```", "", "## Schedule", ""]
        for (index, schedule) in schedules.enumerated() {
            if let name = schedule.name { lines += ["Queue \(name):", ""] }
            lines += ["```", schedule.summary(), "```", ""]
            if let projection = projections[index] {
                lines += [projection.summary.prefix(1).uppercased() + projection.summary.dropFirst() + ".", ""]
            }
            if index < simulations.count, let simulation = simulations[index] {
                lines += ["Simulated against the forecast (Docs/Simulation.md):", "", "```", simulation.summary, "```", ""]
            }
            for warning in schedule.contractWarnings { lines += ["- warning: \(warning.description)"] }
        }
        lines += ["## Files", ""]
        let more = ["simulation.csv", "plan.json"].filter { name in files.contains { $0.name == name } } + ["backtest.csv"]
        for name in ["forecast.csv", "requirements.csv", "schedule.csv", "coverage.csv"] + more {
            lines.append("- `\((folder as NSString).appendingPathComponent(name))`")
        }
        lines.append("- `\((folder as NSString).appendingPathComponent("report.md"))` (this report)")
        lines.append("- `\((folder as NSString).appendingPathComponent("report.html"))` (this report with charts)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fraction.isFinite ? String(format: "%.\(decimals)f%%", fraction * 100) : "n/a"
    }
}
