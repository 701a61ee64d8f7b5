import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast forecast`: volumes (and AHT) per interval from history and events.
    struct Forecast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast volume (and AHT) per interval from a history and an events calendar.",
            discussion: """
                Writes the Forecast file: timestamp (or date), volume, lower, upper (the prediction interval at \
                --level, calibrated on backtest errors) and aht when the history has it, from the end of the \
                history for --horizon. --model auto (the default) backtests every model on your history at \
                that horizon and uses the one with the lowest WAPE. Models: \(ModelCatalog.names.joined(separator: ", ")).

                Example:
                  shiftcast forecast --history history.csv --events events.csv \\
                      --horizon 28d -o forecast.csv
                """)

        @OptionGroup var inputs: ForecastingOptions

        @Option(help: ArgumentHelp("How far ahead to forecast (7d, 28d; a whole number of intervals).", valueName: "duration"))
        var horizon: TimeSpan

        @Option(help: ArgumentHelp("auto, or one of the models (see the discussion).", valueName: "name"))
        var model: ModelChoice = .auto

        @Option(help: ArgumentHelp("Backtest folds behind auto and the prediction interval.", valueName: "N"))
        var folds: Int = 4

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the Forecast file (- for standard output).", valueName: "file"))
        var output: String?

        func validate() throws {
            guard horizon.seconds > 0 else { throw ValidationError("--horizon must be above 0; got \(horizon).") }
            guard (1...52).contains(folds) else { throw ValidationError("--folds must be between 1 and 52; got \(folds).") }
        }

        func run() async throws {
            let result = try inputs.forecast(horizon: horizon, model: model, folds: folds)
            try OutputFile.write(result.csvBytes(), to: output, standardOutput: Terminal.standardOutput)
            if output != nil && output != "-" {
                let models = Set(result.queues.map(\.forecast.model)).sorted().joined(separator: ", ")
                Terminal.printNote("Forecast \(result.queues.count) queue(s) for \(horizon) with \(models); wrote \(output!)", quiet: inputs.quiet)
            }
        }
    }
}
