import ArgumentParser
import Foundation
import Shiftcast

/// `shiftcast`: contact-centre workforce management from the shell.
@main
struct ShiftcastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiftcast",
        abstract: "Forecast contact volumes, turn them into staffing requirements and shift schedules.",
        discussion: """
            Pipeline: history.csv --forecast--> forecast.csv --staff--> requirements.csv --schedule--> \
            schedule.csv.

            Start with `shiftcast demo`.

            Exit codes: 0 success, 64 bad command line, 65 bad data in an input, 66 input missing or \
            unreadable, 70 internal failure, 73 output cannot be created.
            """,
        version: "0.1.0",
        subcommands: [Forecast.self, Backtest.self, Erlang.self, Staff.self, Schedule.self, Simulate.self, Plan.self, Review.self, Report.self, Export.self, Demo.self]
    )

    /// Runs the command and turns every error into the one-line message and exit code of SPEC section 2:
    /// library errors with their location and code, command-line errors with the parser's message and 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ShiftcastError {
            Terminal.printError(error.description)
            Foundation.exit(error.code.exitCode)
        } catch {
            // --help and --version arrive here as clean exits; print them as the parser does.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            // A command-line error is one line too, like every other error.
            // The parser's message, without its usage lines; a list of allowed values joins the line.
            let lines = fullMessage(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .prefix { !$0.hasPrefix("Usage:") && !$0.hasPrefix("Help:") }.filter { !$0.isEmpty }
            let listed = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
            let firstLine = (lines.first ?? "\(error)") + (listed.isEmpty ? "" : " " + listed.joined(separator: ", "))
            let message = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst("Error: ".count)) : firstLine
            Terminal.printError(message + " (see 'shiftcast --help')")
            Foundation.exit(code.rawValue)
        }
    }
}
