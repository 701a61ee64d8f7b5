import ArgumentParser
import Shiftcast

/// The inputs shared by `forecast` and `backtest`: history, events, clock and interval level.
struct ForecastingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The History file: timestamp or date, volume, optional aht and queue (- for standard input).", valueName: "file"))
    var history: String

    @Option(help: ArgumentHelp("The Events file: event, start, end, optional uplift and description.", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Nominal coverage of the prediction interval in percent (80).", valueName: "percent"))
    var level: Double = 80

    @Option(help: ArgumentHelp("IANA time zone of the timestamps (Europe/Berlin), for daylight-saving days.", valueName: "zone"))
    var timezone: String?

    @Flag(help: "No notes on standard error (warnings still show).")
    var quiet = false

    func validate() throws {
        guard level > 0, level < 100 else { throw ValidationError("--level must be a percentage between 0 and 100; got \(level).") }
    }

    /// The history, read on the clock of `--timezone`, and the events calendar.
    func read() throws -> (history: VolumeFile, calendar: EventCalendar) {
        let clock = try WallClock.named(timezone)
        return (try VolumeFile.read(path: history, clock: clock), try events.map(EventsFile.read(path:)) ?? EventCalendar())
    }

    /// Reads the history and events and forecasts every queue.
    func forecast(horizon: TimeSpan, model: ModelChoice, folds: Int) throws -> ForecastOutput {
        let (historyFile, calendar) = try read()
        let request = ForecastRequest(horizon: horizon, model: model, level: level / 100, folds: folds)
        let progress = ProgressLine(quiet: quiet)
        let queues = historyFile.queues.count
        let report: @Sendable (Int, Int) -> Void = { done, total in
            progress.update("forecast: \(done) of \(total) queues")
        }
        defer { progress.finish() }
        let output = try ForecastOutput(history: historyFile, calendar: calendar, request: request,
                                        progress: queues > 1 ? report : nil)
        progress.finish()
        for warning in output.warnings { Terminal.printWarning(warning) }
        for note in output.outlierNotes { Terminal.printNote("note: " + note, quiet: quiet) }
        for note in output.eventNotes { Terminal.printNote("note: " + note, quiet: quiet) }
        return output
    }
}
