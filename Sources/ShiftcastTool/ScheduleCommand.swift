import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast schedule`: shifts against requirements.
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shifts that cover a requirement curve at the lowest cost, with a proven bound.",
            discussion: """
                Reads the Requirements file (timestamp, scheduled_agents or required) and the Shifts file \
                (shift families), with --breaks the Breaks file and with --agents the Agents file, chooses how many agents work each shift with an integer program (COIN-OR \
                CBC), places breaks where coverage loses least, and writes the Schedule file (work and break \
                rows that tile each shift; anonymous agents A0001, ..., or with --agents the named agents, \
                each within their contract, improved by a seeded local search) and, \
                with --coverage, the Coverage file. A summary goes to standard error: agents, paid hours, \
                under- and over-staffed hours, objective, lower bound, gap, time, and every interval left \
                short with its cause.

                Objective: --under-weight and --over-weight per agent-minute short of or above the \
                requirement, plus each family's cost_per_hour per paid hour, plus --distinct-shift-penalty \
                per distinct shift (start time of day, length) used.

                Example:
                  shiftcast schedule --requirements requirements.csv \\
                      --shifts shifts.csv --cyclic --time-limit 30s \\
                      -o schedule.csv --coverage coverage.csv
                """)

        @Option(help: ArgumentHelp("The Requirements file (- for standard input).", valueName: "file"))
        var requirements: String

        @OptionGroup var scheduling: SchedulingOptions

        @Option(help: ArgumentHelp("IANA time zone of the requirements' times (Europe/Berlin): daylight-saving days have 23 or 25 hours.", valueName: "zone"))
        var timezone: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the Schedule file (- for standard output).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Where to write the Coverage file.", valueName: "file"))
        var coverage: String?

        @Flag(help: "No summary on standard error.")
        var quiet = false

        @OptionGroup(title: "Projected service (when the requirements came from staff)") var projection: ProjectionOptions

        func validate() throws {
            if [requirements, scheduling.shifts, scheduling.breaks ?? "", scheduling.agents ?? ""].filter({ $0 == "-" }).count > 1 {
                throw ValidationError("only one of --requirements, --shifts, --breaks and --agents can read standard input.")
            }
        }

        func run() async throws {
            let clock = try WallClock.named(timezone)
            let table = try CSVTable.read(path: requirements)
            let queues = try RequirementsReader.queues(from: table, cyclic: scheduling.cyclic, clock: clock)
            let shiftsFile = try ShiftsFile.read(path: scheduling.shifts)
            let breaksFile = try scheduling.breaks.map { try BreaksFile.read(path: $0) }
            let agentsFile = try scheduling.agents.map { try AgentsFile.read(path: $0) }
            let progress = ProgressLine(quiet: quiet)
            progress.setStatus("building the program")
            let limit = scheduling.timeLimit.seconds
            progress.tick(every: 0.5) { status, elapsed in "schedule: \(status), \(Int(elapsed))s of \(TimeSpan.spelling(seconds: limit))" }
            let schedules: [QueueSchedule]
            do {
                defer { progress.finish() }
                schedules = try QueueScheduler.schedule(queues, shifts: shiftsFile, breaks: breaksFile, agents: agentsFile,
                                                        options: scheduling.options) { queue, phase in
                    progress.setStatus((queue.map { "queue \($0): " } ?? "") + phase)
                }
            }
            // The service the schedules are projected to give, when the requirements carry their workload.
            let staffed = try RequirementsReader.staffed(from: table, queues: queues, clock: clock)
            let projections: [ProjectedService?] = try staffed.map { staffed in
                guard staffed.count == schedules.count else { return [] }
                return try zip(staffed, schedules).map { try ProjectedService(requirements: $0, schedule: $1, policy: projection.policy(for: $0)) }
            } ?? []
            // The Schedule and Coverage files are written together, or neither is.
            var outputs = [(bytes: ScheduleFile.csvBytes(schedules), path: output)]
            if let coverage { outputs.append((CoverageFile.csvBytes(schedules, projections: projections), coverage)) }
            try OutputFile.write(outputs, standardOutput: Terminal.standardOutput)
            for (index, schedule) in schedules.enumerated() {
                let projected = index < projections.count ? projections[index].map { "\n" + $0.summary } ?? "" : ""
                Terminal.printNote((schedule.name.map { "queue '\($0)':\n" } ?? "") + schedule.summary() + projected, quiet: quiet)
            }
            // Contracts no week of shifts can meet: one warning line each; the run succeeds (Docs/Commands.md).
            for warning in schedules.flatMap(\.contractWarnings) { Terminal.printWarning(warning.description) }
        }
    }
}
