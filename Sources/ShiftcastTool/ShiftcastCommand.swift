import ArgumentParser
import Shiftcast

/// `shiftcast`: contact-centre workforce management from the shell.
@main
struct ShiftcastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiftcast",
        abstract: "Forecast contact volumes, turn them into staffing requirements and shift schedules.",
        version: "0.1.0",
        subcommands: []
    )
}
