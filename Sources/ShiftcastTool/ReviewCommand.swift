import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast review`: a plan against what actually arrived.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A plan against what actually arrived: forecast error, service delivered, and why it fell short.",
            discussion: """
                Replays the actual contacts of each interval of a plan's horizon against the plan's schedule \
                (simulated as in simulate, with the plan's staffing settings from its plan.json), and writes per \
                interval: forecast and actual volume, agents required for each, agents at work, the service level \
                delivered, and for an interval below target its cause: the forecast (the contacts that came needed \
                more agents than planned), the schedule (fewer agents at work than the plan required) or \
                variability. The summary on standard error says the same for the horizon and each day.

                Example:
                  shiftcast review --plan plan-output --actuals history-next-week.csv -o review.csv
                """)

        @Option(help: ArgumentHelp("The plan folder (forecast.csv, requirements.csv, schedule.csv, plan.json).", valueName: "folder"))
        var plan: String

        @Option(help: ArgumentHelp("A History file with what actually arrived in the plan's horizon (its aht if it has one).", valueName: "file"))
        var actuals: String

        @Option(help: ArgumentHelp("Replications of the replay.", valueName: "n"))
        var replications: Int = 100

        @Option(help: ArgumentHelp("Seed of the replay's random streams.", valueName: "n"))
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("IANA time zone of the files' times (Europe/Berlin).", valueName: "zone"))
        var timezone: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the review (- for standard output).", valueName: "file"))
        var output: String?

        @Flag(help: "No summary on standard error.")
        var quiet = false

        func validate() throws {
            try SimulateCommandOptions.validate(replications: replications)
        }

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let actualsFile = try VolumeFile.read(path: actuals, clock: clock)
            let report = try ReviewReport(folder: plan, actuals: actualsFile, clock: clock, replications: replications, seed: seed)
            try OutputFile.write(report.csvBytes(), to: output, standardOutput: Terminal.standardOutput)
            Terminal.printNote(report.summary, quiet: quiet)
        }
    }
}
