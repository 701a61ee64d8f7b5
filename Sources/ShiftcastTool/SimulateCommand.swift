import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast simulate`: the service a schedule gives against volumes, by discrete-event simulation.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The service a schedule gives against volumes (forecast or actual), by discrete-event simulation.",
            discussion: """
                Replays the contacts of a History or Forecast file against the agents of a Schedule file, first \
                come first served: agents on a break or off shift take no new contact, one whose shift ends \
                finishes the contact in hand, and the queue carries from one interval into the next. Writes the \
                Simulation file (service level, ASA, abandonment and occupancy per interval, each with its 95% \
                interval over the replications) and prints the horizon's and each day's figures on standard error.

                Examples:
                  shiftcast simulate --schedule schedule.csv --volumes forecast.csv -o simulation.csv
                  shiftcast simulate --schedule schedule.csv --volumes actuals.csv --arrivals replay \\
                      --aht 4m --patience 3m --format table
                """)

        @Option(help: ArgumentHelp("The Schedule file (rows with activity 'work' take contacts).", valueName: "file"))
        var schedule: String

        @Option(help: ArgumentHelp("A History or Forecast file: the contacts per interval (and their aht).", valueName: "file"))
        var volumes: String

        @Option(help: ArgumentHelp("Average handle time for every interval, replacing the file's aht column.", valueName: "duration"))
        var aht: TimeSpan?

        @Option(help: ArgumentHelp("Mean patience: contacts abandon after an exponential wait of this mean (default: nobody abandons).", valueName: "duration"))
        var patience: TimeSpan?

        @Option(help: ArgumentHelp("The service level's target time.", valueName: "duration"))
        var answerWithin: TimeSpan = .seconds(20)

        @Option(help: ArgumentHelp("How contacts arrive: poisson (a forecast's rates) or replay (the file's counts, at uniform times).", valueName: "kind"))
        var arrivals: SimulationSettings.Arrivals = .poisson

        @Option(help: ArgumentHelp("Log-normal handle times with this coefficient of variation (default: exponential).", valueName: "number"))
        var handleTimeCv: Double?

        @Option(help: ArgumentHelp("Chats one agent handles at once.", valueName: "n"))
        var concurrency: Int = 1

        @Option(help: ArgumentHelp("Share of scheduled work lost to absence and the like (30%): each working span is kept with the rest's chance.", valueName: "share"))
        var shrinkage: Fraction = .zero

        @Flag(help: "The schedule repeats with the horizon (made with schedule --cyclic): a shift past its end covers its start.")
        var cyclic = false

        @Option(help: ArgumentHelp("Independent runs; the figures are their means with 95% intervals.", valueName: "n"))
        var replications: Int = 100

        @Option(help: ArgumentHelp("Seed of the random streams: the same seed gives the same output.", valueName: "n"))
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("The Breaks file the schedule was made with, so that unpaid breaks are left out of the paid hours.", valueName: "file"))
        var breaks: String?

        @Option(help: ArgumentHelp("IANA time zone of the timestamps (Europe/Berlin), for daylight-saving days.", valueName: "zone"))
        var timezone: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the Simulation file (- for standard output).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("csv (the Simulation file), json, or table (one line per day).", valueName: "format"))
        var format: ReportFormat = .csv

        @Flag(help: "Print nothing on standard error.")
        var quiet = false

        func validate() throws {
            if let aht { try StaffingOptions.validate(aht: aht) }
            try SimulateCommandOptions.validate(replications: replications)
            guard (1...InputLimits.maximumConcurrency).contains(concurrency) else {
                throw ValidationError("--concurrency must be a whole number from 1 to \(InputLimits.maximumConcurrency); got \(concurrency).")
            }
            if let patience, !(patience.seconds > 0 && patience.seconds <= InputLimits.maximumHandleTime) {
                throw ValidationError("--patience must be above 0 and at most 1d; got \(patience).")
            }
            if answerWithin.seconds > InputLimits.maximumHandleTime {
                throw ValidationError("--answer-within must be at most 1d; got \(answerWithin).")
            }
            if shrinkage.value >= 1 { throw ValidationError("--shrinkage must be below 100%; got \(shrinkage).") }
            if let handleTimeCv, !(handleTimeCv.isFinite && handleTimeCv > 0 && handleTimeCv <= 10) {
                throw ValidationError("--handle-time-cv must be above 0 and at most 10; got \(handleTimeCv).")
            }
        }

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let volumeFile = try VolumeFile.read(path: volumes, clock: clock)
            guard volumeFile.queues.count == 1, let queue = volumeFile.queues.first else {
                throw ShiftcastError(.badData, "has \(volumeFile.queues.count) queues; simulate takes one queue's volumes at a time",
                                     file: volumeFile.name)
            }
            let work = try ScheduleFile.readWork(path: schedule, clock: clock, queue: queue.name)
            let unpaid = try breaks.map { Set(try BreaksFile.read(path: $0).rules.filter { !$0.paid }.map(\.activity)) } ?? []
            let settings = SimulationSettings(arrivals: arrivals, handleTimes: handleTimeCv.map { .logNormal(coefficientOfVariation: $0) } ?? .exponential,
                                              meanPatience: patience?.seconds, answerWithin: answerWithin.seconds,
                                              concurrency: concurrency, shrinkage: shrinkage.value, replications: replications, seed: seed)
            let report = try SimulationReport(volumes: volumeFile, queue: queue, work: work, averageHandleTime: aht?.seconds,
                                              cyclic: cyclic, unpaid: unpaid, settings: settings)
            try OutputFile.write(report.rendered(as: format), to: output, standardOutput: Terminal.standardOutput)
            Terminal.printNote(report.summary, quiet: quiet)
        }
    }
}

/// Checks shared by the commands that simulate (`simulate`, `review`, `plan --simulate`).
enum SimulateCommandOptions {
    static func validate(replications: Int) throws {
        guard (1...InputLimits.maximumReplications).contains(replications) else {
            throw ValidationError("--replications must be a whole number from 1 to \(InputLimits.maximumReplications); got \(replications).")
        }
    }
}
