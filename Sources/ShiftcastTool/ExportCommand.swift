import ArgumentParser
import Foundation
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast export`: a Schedule file into the agents' calendars.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A Schedule file into the agents' calendars: one iCalendar file per agent.",
            discussion: """
                Writes AGENT.ics for every agent of the Schedule file (RFC 5545): one event per shift, its \
                breaks in the description (or as events of their own with --breaks-as-events), with stable UIDs \
                so that importing a new export updates the events rather than adding copies. Times are UTC, or \
                local times with the zone's VTIMEZONE under --timezone (then the Schedule file's times are read \
                in that zone).

                Example:
                  shiftcast export --schedule schedule.csv --format ics --timezone Europe/Berlin --output-folder calendars
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case ics }

        @Option(help: ArgumentHelp("The Schedule file.", valueName: "file"))
        var schedule: String

        @Option(help: ArgumentHelp("The calendar format.", valueName: "format"))
        var format: Format = .ics

        @Option(help: ArgumentHelp("Folder for the calendar files (created if missing).", valueName: "folder"))
        var outputFolder: String

        @Flag(help: "Breaks as events of their own rather than in the shift's description.")
        var breaksAsEvents = false

        @Option(help: ArgumentHelp("IANA time zone of the schedule (Europe/Berlin): local times with its VTIMEZONE.", valueName: "zone"))
        var timezone: String?

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let work = try ScheduleFile.readWork(path: schedule, clock: clock)
            let stamp = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            let files = AgentCalendars.files(work, clock: clock, breaksAsEvents: breaksAsEvents, stamp: stamp)
            do {
                try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
            } catch {
                throw ShiftcastError(.cannotCreateOutput, "cannot create the output folder: \(error.localizedDescription)", file: outputFolder)
            }
            try OutputFile.write(files.map { (bytes: $0.bytes, path: Optional((outputFolder as NSString).appendingPathComponent($0.name))) },
                                 standardOutput: Terminal.standardOutput)
            Terminal.printNote("Wrote \(files.count) calendar file\(files.count == 1 ? "" : "s") into \(outputFolder)")
        }
    }
}
