import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast schedule`: shifts against requirements.
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shifts that cover a requirement curve at the lowest cost, with a proven bound.",
            discussion: """
                Reads the Requirements file (timestamp, scheduled_agents or required) and the Shifts file
                (shift families), and with --breaks the Breaks file, chooses how many agents work each shift with an integer program (COIN-OR
                CBC), places breaks where coverage loses least, and writes the Schedule file (work and break
                rows that tile each shift, anonymous agents A0001, ...) and,
                with --coverage, the Coverage file. A summary goes to standard error: agents, paid hours,
                under- and over-staffed hours, objective, lower bound, gap, time, and every interval left
                short with its cause.

                Objective: --under-weight and --over-weight per agent-minute short of or above the
                requirement, plus each family's cost_per_hour per paid hour, plus --distinct-shift-penalty
                per distinct shift (start time of day, length) used.

                Example:
                  shiftcast schedule --requirements requirements.csv --shifts shifts.csv --cyclic \\
                      --time-limit 30s -o schedule.csv --coverage coverage.csv
                """)

        @Option(help: ArgumentHelp("The Requirements file (- for standard input).", valueName: "file"))
        var requirements: String

        @Option(help: ArgumentHelp("The Shifts file: one shift family per row.", valueName: "file"))
        var shifts: String

        @Option(help: ArgumentHelp("The Breaks file: breaks and lunches the shifts hold.", valueName: "file"))
        var breaks: String?

        @Flag(help: "The requirements are a repeating pattern (a week): shifts on the last night cover the first morning.")
        var cyclic = false

        @Option(help: ArgumentHelp("IANA time zone of the requirements' times (Europe/Berlin): daylight-saving days have 23 or 25 hours.", valueName: "zone"))
        var timezone: String?

        @Option(help: ArgumentHelp("Time for the whole search (60s, 2m).", valueName: "duration"))
        var timeLimit: TimeSpan = TimeSpan(seconds: 60)

        @Option(help: ArgumentHelp("Random seed of the search, for repeatable runs.", valueName: "N"))
        var seed: Int = 1

        @Option(help: ArgumentHelp("Cost of one agent-minute short of the requirement.", valueName: "W"))
        var underWeight: Double = 1

        @Option(help: ArgumentHelp("Cost of one agent-minute above the requirement.", valueName: "W"))
        var overWeight: Double = 0

        @Option(help: ArgumentHelp("Cost of each distinct shift (start time of day, length) used.", valueName: "P"))
        var distinctShiftPenalty: Double = 0

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the Schedule file (- for standard output).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Where to write the Coverage file.", valueName: "file"))
        var coverage: String?

        @Option(help: ArgumentHelp("How the integer program is written: flow (sparse, the default) or covering (Dantzig's rows); for benchmarks.", visibility: .hidden))
        var formulation: ShiftMixOptimizer.Formulation = .flow

        @Flag(help: "No summary on standard error.")
        var quiet = false

        func validate() throws {
            guard timeLimit.seconds > 0 else { throw ValidationError("--time-limit must be above 0; got \(timeLimit).") }
            for (flag, value) in [("--under-weight", underWeight), ("--over-weight", overWeight),
                                  ("--distinct-shift-penalty", distinctShiftPenalty)] where !(value.isFinite && value >= 0) {
                throw ValidationError("\(flag) must be a number, 0 or more; got \(value).")
            }
            if [requirements, shifts, breaks ?? ""].filter({ $0 == "-" }).count > 1 {
                throw ValidationError("only one of --requirements, --shifts and --breaks can read standard input.")
            }
        }

        func run() async throws {
            let clock = try timezone.map(WallClock.init(timeZoneIdentifier:)) ?? .naive
            let queues = try RequirementsReader.readQueues(path: requirements, cyclic: cyclic, clock: clock)
            let shiftsFile = try ShiftsFile.read(path: shifts)
            let breaksFile = try breaks.map { try BreaksFile.read(path: $0) }
            // Every queue's grid must hold the families and break rules.
            var families: [ShiftFamily] = [], breakRules: [BreakRule] = []
            for queue in queues {
                families = try shiftsFile.families(fitting: queue.curve)
                breakRules = try breaksFile?.rules(fitting: families, slotSeconds: queue.curve.slotSeconds) ?? []
            }
            let options = ShiftMixOptimizer.Options(
                weights: ObjectiveWeights(underWeight: underWeight, overWeight: overWeight, distinctShiftPenalty: distinctShiftPenalty),
                timeLimit: timeLimit.seconds, seed: seed, formulation: formulation, breaks: breakRules)
            let progress = ProgressLine(quiet: quiet)
            progress.setStatus("building the program")
            let limit = timeLimit.seconds
            progress.tick(every: 0.5) { status, elapsed in "schedule: \(status), \(Int(elapsed))s of \(TimeSpan(seconds: limit))" }
            let schedules: [QueueSchedule]
            do {
                defer { progress.finish() }
                schedules = try QueueScheduler.schedule(queues, families: families, options: options) { queue, phase in
                    progress.setStatus((queue.map { "queue \($0): " } ?? "") + phase)
                }
            }
            // The Schedule and Coverage files are written together, or neither is.
            var outputs = [(bytes: ScheduleFile.csvBytes(schedules), path: output)]
            if let coverage { outputs.append((CoverageFile.csvBytes(schedules), coverage)) }
            try OutputFile.write(outputs)
            for schedule in schedules {
                let summary = schedule.result.summary(agents: schedule.agentCount)
                Terminal.printNote(schedule.name.map { "queue '\($0)':\n" + summary } ?? summary, quiet: quiet)
            }
        }
    }
}
