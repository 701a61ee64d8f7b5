import ArgumentParser
import Foundation
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast report`: `report.html` from a plan folder.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "report.html from a plan folder: the plan's charts in one self-contained page.",
            discussion: """
                Draws the plan in --folder (forecast.csv, coverage.csv, schedule.csv, and backtest.csv and \
                plan.json when there) as one HTML file that opens offline in any browser: the forecast with its \
                band, the weeks of history before it (with --history) and the events (with --events); the \
                backtest's WAPE per model and fold; agents required against agents at work with the short \
                intervals shaded; the projected service level per interval as a heat map; the first 50 agents' \
                shifts; the shift starts by time of day; and the short intervals with their causes as a \
                sortable table. `plan` and `demo` write the same page beside their other files.

                Example:
                  shiftcast report --folder plan --history history.csv --events events.csv
                """)

        @Option(help: ArgumentHelp("The plan folder.", valueName: "folder"))
        var folder: String

        @Option(help: ArgumentHelp("The History file the plan was made from, for the weeks before the forecast.", valueName: "file"))
        var history: String?

        @Option(help: ArgumentHelp("An Events file, for the events to mark.", valueName: "file"))
        var events: String?

        @Option(help: ArgumentHelp("IANA time zone of the files' times (Europe/Berlin).", valueName: "zone"))
        var timezone: String?

        @Option(name: [.short, .customLong("output")],
                help: ArgumentHelp("Where to write the page (- for standard output); FOLDER/report.html by default.", valueName: "file"))
        var output: String?

        @Flag(help: "No note on standard error.")
        var quiet = false

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let report = try PlanReportFiles.read(folder: folder)
                .report(history: try history.map { try VolumeFile.read(path: $0, clock: clock) },
                        calendar: try events.map(EventsFile.read(path:)) ?? EventCalendar(), clock: clock)
            let path = output ?? (folder as NSString).appendingPathComponent("report.html")
            try OutputFile.write(Array(report.html(level: nil).utf8), to: path, standardOutput: Terminal.standardOutput)
            if path != "-" { Terminal.printNote("Wrote \(path)", quiet: quiet) }
        }
    }
}
