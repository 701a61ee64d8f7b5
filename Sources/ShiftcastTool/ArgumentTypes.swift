import ArgumentParser
import Shiftcast

// Command-line spellings of the library's value types (SPEC section 2).

extension TimeSpan: ExpressibleByArgument {
    /// A duration of at most ``InputLimits/maximumDuration`` (ten years); the argument parser's one-line
    /// error names the flag for anything else.
    public init?(argument: String) {
        guard let span = TimeSpan(parsing: argument), span.seconds <= InputLimits.maximumDuration else { return nil }
        self = span
    }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Fraction: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ReportFormat: ExpressibleByArgument {}

extension ShiftMixOptimizer.Formulation: ExpressibleByArgument {}

/// `--model`: `auto` or a model of the catalog; the parser refuses any other name and lists them.
extension ModelChoice: ExpressibleByArgument {
    public init?(argument: String) {
        guard let choice = try? ModelChoice(parsing: argument) else { return nil }
        self = choice
    }

    public static var allValueStrings: [String] { ["auto"] + ModelName.allCases.map(\.rawValue) }
    public var defaultValueDescription: String { description }
}

extension SimulationSettings.Arrivals: ExpressibleByArgument {}

extension WallClock {
    /// The clock of `--timezone`: the IANA zone named, or naive wall-clock time when none is.
    /// - Throws: `ShiftcastError(.invalidArgument)` for a name the zone database does not have.
    static func named(_ identifier: String?) throws -> WallClock {
        try identifier.map(WallClock.init(timeZoneIdentifier:)) ?? .naive
    }
}
