import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast backtest`: rolling-origin accuracy of every model on the user's own history.
    struct Backtest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rolling-origin accuracy of every forecasting model on your history.",
            discussion: """
                Forecasts --horizon from each of --folds origins at the end of the history (one horizon apart), \
                each fold seeing only the data before its origin, and prints per model WAPE (at 30 minutes for \
                finer data), MASE, bias and the coverage of the --level prediction interval; '<- auto' marks the \
                model `forecast --model auto` would use.

                Example:
                  shiftcast backtest --history history.csv --events events.csv \\
                      --horizon 7d --folds 8
                """)

        @OptionGroup var inputs: ForecastingOptions

        @Option(help: ArgumentHelp("Forecast horizon of each fold (7d).", valueName: "duration"))
        var horizon: TimeSpan = .days(7)

        @Option(help: ArgumentHelp("Number of origins.", valueName: "N"))
        var folds: Int = 8

        @Option(help: "Output format.")
        var format: ReportFormat = .table

        func validate() throws {
            guard horizon.seconds > 0 else { throw ValidationError("--horizon must be above 0; got \(horizon).") }
            guard (1...52).contains(folds) else { throw ValidationError("--folds must be between 1 and 52; got \(folds).") }
        }

        func run() async throws {
            let result = try inputs.forecast(horizon: horizon, model: .auto, folds: folds)
            print(BacktestReport(output: result, level: inputs.level / 100).rendered(as: format), terminator: "")
        }
    }
}
