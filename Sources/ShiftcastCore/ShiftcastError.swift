/// The one error type every Shiftcast module throws.
///
/// It carries what a user needs to fix the problem: a category of the domain (the tool maps each to a
/// process exit code, the `sysexits.h` values of SPEC section 2), a message that says what is wrong and
/// what was expected in the library's words (never a command-line flag), and, when known, where: file,
/// line and column (all 1-based).
///
///     ShiftcastError(.badData, "volume '12,5x' is not a number", file: "history.csv", line: 812, column: 2)
///
/// prints as `history.csv:812:2: volume '12,5x' is not a number`.
public struct ShiftcastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, CaseIterable {
        /// An argument of a call is out of its range or names nothing known (a negative shrinkage, an
        /// unknown model, a horizon that is not a whole number of intervals).
        case invalidArgument
        /// Input data that cannot be used; with its file, line and column when it came from a file.
        case badData
        /// A target that no staffing can meet (a service level that random arrivals cannot reach).
        case infeasible
        /// An input is missing or unreadable.
        case inputUnavailable
        /// An internal failure: a bug, or a library that misbehaved.
        case internalFailure
        /// An output cannot be created or replaced.
        case cannotCreateOutput
    }

    public var code: Code
    /// What is wrong and what was expected, as one line with no location prefix.
    public var message: String
    /// The file the problem is in (`-` for standard input), if any.
    public var file: String?
    /// 1-based line number in `file`, if known.
    public var line: Int?
    /// 1-based column (field number in a CSV row, or character position), if known.
    public var column: Int?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location prefix, `FILE:LINE:COLUMN`, as far as it is known; empty without a file.
    public var location: String {
        guard let file else { return "" }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `FILE:LINE:COLUMN: message`, one line; newlines in the message are flattened.
    public var description: String {
        let flat = message.replacingNewlines()
        return location.isEmpty ? flat : "\(location): \(flat)"
    }

    /// The same error, its message ending with how many more problems like it there are
    /// (`... (and 3 more like it)`), so that one line tells of all of them.
    public func noting(_ count: Int, more: String = "like it") -> ShiftcastError {
        guard count > 0 else { return self }
        var copy = self
        copy.message += " (and \(count) more \(more))"
        return copy
    }

    /// The same error placed in a file, keeping any line and column already known.
    public func located(file: String, line: Int? = nil, column: Int? = nil) -> ShiftcastError {
        var copy = self
        copy.file = copy.file ?? file
        copy.line = copy.line ?? line
        copy.column = copy.column ?? column
        return copy
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
