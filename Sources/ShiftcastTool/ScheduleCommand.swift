import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast schedule`: shifts against requirements.
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shifts that cover a requirement curve at the lowest cost, with a proven bound.",
            discussion: """
                Reads the Requirements file (timestamp, scheduled_agents or required) and the Shifts file
                (shift families), with --breaks the Breaks file and with --agents the Agents file, chooses how many agents work each shift with an integer program (COIN-OR
                CBC), places breaks where coverage loses least, and writes the Schedule file (work and break
                rows that tile each shift; anonymous agents A0001, ..., or with --agents the named agents,
                each within their contract, improved by a seeded local search) and,
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

        @Option(help: ArgumentHelp("The Agents file: named agents and their contracts (without it, anonymous agents A0001, ...).", valueName: "file"))
        var agents: String?

        @Flag(help: "The requirements are a repeating pattern (a week): shifts on the last night cover the first morning.")
        var cyclic = false

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
            if [requirements, shifts, breaks ?? "", agents ?? ""].filter({ $0 == "-" }).count > 1 {
                throw ValidationError("only one of --requirements, --shifts, --breaks and --agents can read standard input.")
            }
            if agents != nil, distinctShiftPenalty > 0 {
                throw ValidationError("--distinct-shift-penalty cannot be combined with --agents yet; leave out one of them.")
            }
            if breaks != nil, distinctShiftPenalty > 0 {
                throw ValidationError("--distinct-shift-penalty cannot be combined with --breaks yet; leave out one of them.")
            }
        }

        func run() async throws {
            let curve = try RequirementsReader.read(path: requirements, cyclic: cyclic)
            let families = try ShiftsFile.read(path: shifts).families(fitting: curve)
            let breakRules = try breaks.map { try BreaksFile.read(path: $0).rules(fitting: families, slotSeconds: curve.slotSeconds) } ?? []
            let options = ShiftMixOptimizer.Options(
                weights: ObjectiveWeights(underWeight: underWeight, overWeight: overWeight, distinctShiftPenalty: distinctShiftPenalty),
                timeLimit: timeLimit.seconds, seed: seed, formulation: formulation, breaks: breakRules)
            if let agents {
                let agentsFile = try AgentsFile.read(path: agents)
                // Contracts no week of shifts can satisfy are errors (exit 65), but the others still get a schedule.
                let problems = agentsFile.problems(fitting: families)
                if problems.count == agentsFile.contracts.count, let first = problems.first { throw first }
                let contracts = agentsFile.contracts
                var generator = SplitMixGenerator(seed: UInt64(truncatingIfNeeded: seed))
                let result = try AgentScheduler.solve(families: families, curve: curve, contracts: contracts, options: options,
                                                      using: &generator)
                var outputs = [(bytes: ScheduleFile.csvBytes(result), path: output)]
                if let coverage { outputs.append((CoverageFile.csvBytes(result.schedule), coverage)) }
                try OutputFile.write(outputs)
                Terminal.printNote(result.summary(), quiet: quiet)
                for problem in problems.dropLast() { Terminal.printError(problem.description) }
                if let last = problems.last { throw last }
                return
            }
            let result = try ShiftMixOptimizer.solve(families: families, curve: curve, options: options)
            let roster = AnonymousRoster.assign(result)
            // The Schedule and Coverage files are written together, or neither is.
            var outputs = [(bytes: ScheduleFile.csvBytes(roster, families: families, breakRules: breakRules), path: output)]
            if let coverage { outputs.append((CoverageFile.csvBytes(result), coverage)) }
            try OutputFile.write(outputs)
            let agents = Set(roster.map(\.agent)).count
            Terminal.printNote(result.summary(agents: agents), quiet: quiet)
        }
    }
}
