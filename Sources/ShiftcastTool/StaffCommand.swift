import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast staff`: requirements for every interval of a forecast.
    struct Staff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Staffing requirements for every interval of a forecast.",
            discussion: """
                Reads a Forecast file (timestamp or date, volume, optional aht and queue) and writes the \
                Requirements file: agents and scheduled agents per interval, with the service they give. \
                --response-time staffs deferred work (email, tickets) instead of a queue answered live.

                Examples:
                  shiftcast staff --forecast forecast.csv --service-level 80% \\
                      --answer-within 20s --max-occupancy 85% --shrinkage 30% \\
                      -o requirements.csv
                  shiftcast staff --forecast emails.csv --aht 6m --response-time 24h \\
                      -o email-requirements.csv
                """)

        @Option(help: ArgumentHelp("The Forecast file (- for standard input).", valueName: "file"))
        var forecast: String

        @Option(help: ArgumentHelp("Average handle time for every interval, replacing the file's aht column.", valueName: "duration"))
        var aht: TimeSpan?

        @Option(help: ArgumentHelp("Interval length; by default the spacing of the timestamps.", valueName: "duration"))
        var interval: TimeSpan?

        @OptionGroup var staffing: StaffingOptions

        @Option(help: ArgumentHelp("Deferred work: answer every contact within this time (24h), first in first out.", valueName: "duration"))
        var responseTime: TimeSpan?

        @Flag(help: "Staff each interval for the service expected over its forecast's prediction interval (lower, upper) rather than at the point forecast.")
        var uncertainty = false

        @Option(help: ArgumentHelp("Level of the Forecast file's prediction interval, for --uncertainty (default 80%).", valueName: "share"))
        var intervalLevel: Fraction?

        @Option(help: ArgumentHelp("IANA time zone of the timestamps (Europe/Berlin), for daylight-saving days.", valueName: "zone"))
        var timezone: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the Requirements file (- for standard output).", valueName: "file"))
        var output: String?

        func validate() throws {
            if let aht { try StaffingOptions.validate(aht: aht) }
            if let intervalLevel, !(intervalLevel.value > 0 && intervalLevel.value < 1) {
                throw ValidationError("--interval-level must be above 0% and below 100%; got \(intervalLevel).")
            }
            if let interval, interval.seconds <= 0 { throw ValidationError("--interval must be above 0; got \(interval).") }
            if let responseTime {
                guard responseTime.seconds > 0 else { throw ValidationError("--response-time must be above 0; got \(responseTime).") }
                if uncertainty { throw ValidationError("--uncertainty staffs a queue answered live; deferred work (--response-time) has no service level to expect.") }
                if staffing.patience != nil || staffing.concurrency != nil || staffing.serviceLevel != nil
                    || staffing.maxAverageSpeedOfAnswer != nil {
                    throw ValidationError("--response-time staffs deferred work; it takes --max-occupancy and --shrinkage, not --service-level, --asa, --patience or --concurrency.")
                }
            }
        }

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let forecastFile = try VolumeFile.read(path: forecast, clock: clock, interval: interval)
            let method: StaffingPolicy.Method = if let responseTime {
                .deferred(responseTime: responseTime.seconds, maxOccupancy: staffing.maxOccupancy?.value ?? 1)
            } else {
                .queueing(model: staffing.model, targets: staffing.targets)
            }
            let policy = StaffingPolicy(method: method, shrinkage: staffing.shrinkage.value,
                                        uncertainty: uncertainty ? try VolumeUncertainty(level: intervalLevel?.value ?? 0.8) : nil)
            let requirements = try RequirementsFile(forecast: forecastFile, averageHandleTime: aht?.seconds, policy: policy)
            try OutputFile.write(requirements.csvBytes(), to: output, standardOutput: Terminal.standardOutput)
        }
    }
}
