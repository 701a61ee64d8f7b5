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
            Pipeline: forecast.csv --staff--> requirements.csv. Start with `shiftcast demo`.
            Exit codes: 0 success, 64 bad command line, 65 bad data in an input, 66 input missing or
            unreadable, 70 internal failure, 73 output cannot be created.
            """,
        version: "0.1.0",
        subcommands: [Erlang.self, Staff.self, Demo.self]
    )

    /// Runs the command and turns every library error into the one-line message and exit code of
    /// SPEC section 2; argument errors keep the parser's own message and exit code 64.
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
            exit(error.code.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
