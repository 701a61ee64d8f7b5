import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast plan`: forecast, staff and schedule in one run, into a folder, with a report.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast, staff and schedule in one run, into an output folder, with a report.",
            discussion: """
                Forecasts the history for --horizon (as `forecast`), staffs the forecast (as `staff`), and \
                schedules the requirements with the shift families of --shifts (as `schedule`), writing \
                forecast.csv, requirements.csv, schedule.csv, coverage.csv, backtest.csv (each model's WAPE per \
                fold), report.md and report.html into the output folder, all of them or none. The report says \
                which model each queue got, the staffing peak and hours, and the schedule's summary; it is also \
                printed on standard error. report.html draws the plan in charts (see report --help).

                Example:
                  shiftcast plan --history history.csv --events events.csv \\
                      --horizon 7d --aht 300 --service-level 80% --shrinkage 30% \\
                      --shifts shifts.csv --breaks breaks.csv --time-limit 60s \\
                      --output-folder plan
                """)

        @OptionGroup var inputs: ForecastingOptions

        @Option(help: ArgumentHelp("How far ahead to plan (7d), from the end of the history.", valueName: "duration"))
        var horizon: TimeSpan = .days(7)

        @Option(help: ArgumentHelp("auto, or one of the models (see forecast --help).", valueName: "name"))
        var model: ModelChoice = .auto

        @Option(help: ArgumentHelp("Backtest folds behind auto and the prediction interval.", valueName: "N"))
        var folds: Int = 4

        @Option(help: ArgumentHelp("Average handle time for every interval, replacing the history's aht.", valueName: "duration"))
        var aht: TimeSpan?

        @OptionGroup var staffing: StaffingOptions

        @OptionGroup var scheduling: SchedulingOptions

        @Option(help: ArgumentHelp("Folder for the results (created if missing).", valueName: "folder"))
        var outputFolder: String = "plan-output"

        @Flag(help: "Staff each interval for the service expected over its forecast's prediction interval (at --level) rather than at the point forecast.")
        var uncertainty = false

        @Flag(help: "Also simulate the schedule against the forecast (simulation.csv, and the figures in the report).")
        var simulate = false

        @Option(help: ArgumentHelp("Replications of --simulate.", valueName: "n"))
        var replications: Int = 100

        func validate() throws {
            guard horizon.seconds > 0 else { throw ValidationError("--horizon must be above 0; got \(horizon).") }
            guard (1...52).contains(folds) else { throw ValidationError("--folds must be between 1 and 52; got \(folds).") }
            if let aht { try StaffingOptions.validate(aht: aht) }
            try SimulateCommandOptions.validate(replications: replications)
        }

        func run() async throws {
            let (history, calendar) = try inputs.read()
            let policy = StaffingPolicy(method: .queueing(model: staffing.model, targets: staffing.targets), shrinkage: staffing.shrinkage.value,
                                        uncertainty: uncertainty ? try VolumeUncertainty(level: inputs.level / 100) : nil)
            let plan = PlanRun.Inputs(
                history: history, calendar: calendar,
                forecast: ForecastRequest(horizon: horizon, model: model, level: inputs.level / 100, folds: folds),
                averageHandleTime: aht?.seconds,
                staffing: policy,
                shifts: try ShiftsFile.read(path: scheduling.shifts),
                breaks: try scheduling.breaks.map { try BreaksFile.read(path: $0) },
                agents: try scheduling.agents.map { try AgentsFile.read(path: $0) },
                schedule: scheduling.options, cyclic: scheduling.cyclic,
                simulation: simulate ? SimulationSettings(policy: policy, replications: replications, seed: UInt64(bitPattern: Int64(scheduling.seed))) : nil)
            let result = try PlanRun.run(plan, folder: outputFolder, quiet: inputs.quiet)
            for warning in result.forecast.warnings { Terminal.printWarning(warning) }
            Terminal.printNote(result.reportText, quiet: inputs.quiet)
            // Contracts no week of shifts can meet: warnings, as in `schedule`.
            for warning in result.schedules.flatMap(\.contractWarnings) { Terminal.printWarning(warning.description) }
        }
    }
}

extension PlanRun {
    /// Runs a plan with a progress line on a terminal, and writes its folder.
    static func run(_ inputs: Inputs, folder: String, quiet: Bool) throws -> PlanRun {
        let progress = ProgressLine(quiet: quiet)
        progress.setStatus("reading")
        progress.tick(every: 0.5) { status, elapsed in "plan: \(status), \(Int(elapsed))s" }
        defer { progress.finish() }
        let result = try PlanRun(inputs, folder: folder) { progress.setStatus($0) }
        progress.finish()
        try result.write(to: folder)
        return result
    }
}
