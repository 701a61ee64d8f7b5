import ArgumentParser
import Shiftcast

// Command-line spellings of the library's value types (SPEC section 2).

extension TimeSpan: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Fraction: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ReportFormat: ExpressibleByArgument {}

extension ShiftMixOptimizer.Formulation: ExpressibleByArgument {}
