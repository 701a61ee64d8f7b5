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
