import ArgumentParser
import Shiftcast

/// The shift rules and search settings shared by `schedule` and `plan`.
struct SchedulingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Shifts file: one shift family per row.", valueName: "file"))
    var shifts: String

    @Option(help: ArgumentHelp("The Breaks file: breaks and lunches the shifts hold.", valueName: "file"))
    var breaks: String?

    @Option(help: ArgumentHelp("The Agents file: named agents and their contracts (without it, anonymous agents A0001, ...).", valueName: "file"))
    var agents: String?

    @Flag(help: "The requirements are a repeating pattern (a week): shifts on the last night cover the first morning.")
    var cyclic = false

    @Option(help: ArgumentHelp("Time for the whole search (60s, 2m).", valueName: "duration"))
    var timeLimit: TimeSpan = .seconds(60)

    @Option(help: ArgumentHelp("Random seed of the search, for repeatable runs.", valueName: "N"))
    var seed: Int = 1

    @Option(help: ArgumentHelp("Cost of one agent-minute short of the requirement.", valueName: "W"))
    var underWeight: Double = 1

    @Option(help: ArgumentHelp("Cost of one agent-minute above the requirement.", valueName: "W"))
    var overWeight: Double = 0

    @Option(help: ArgumentHelp("Cost of each distinct shift (start time of day, length) used.", valueName: "P"))
    var distinctShiftPenalty: Double = 0

    @Option(help: ArgumentHelp("How the integer program is written: flow (sparse, the default) or covering (Dantzig's rows); for benchmarks.", visibility: .hidden))
    var formulation: ShiftMixOptimizer.Formulation = .flow

    func validate() throws {
        try Self.validate(timeLimit: timeLimit)
        for (flag, value) in [("--under-weight", underWeight), ("--over-weight", overWeight),
                              ("--distinct-shift-penalty", distinctShiftPenalty)] {
            guard value.isFinite, value >= 0 else { throw ValidationError("\(flag) must be a number, 0 or more; got \(value).") }
            guard value <= InputLimits.maximumWeight else {
                throw ValidationError("\(flag) must be at most \(Int64(InputLimits.maximumWeight)); got \(value).")
            }
        }
    }

    /// `--time-limit` above 0 and at most ``InputLimits/maximumTimeLimit`` (also `demo`'s).
    static func validate(timeLimit: TimeSpan) throws {
        guard timeLimit.seconds > 0, timeLimit.seconds <= InputLimits.maximumTimeLimit else {
            throw ValidationError("--time-limit must be above 0 and at most \(TimeSpan.spelling(seconds: InputLimits.maximumTimeLimit)); got \(timeLimit).")
        }
    }

    /// The search settings (break rules are added per queue, once the grid is known).
    var options: ShiftMixOptimizer.Options {
        ShiftMixOptimizer.Options(
            weights: ObjectiveWeights(underWeight: underWeight, overWeight: overWeight, distinctShiftPenalty: distinctShiftPenalty),
            timeLimit: timeLimit.seconds, seed: seed, formulation: formulation)
    }
}
