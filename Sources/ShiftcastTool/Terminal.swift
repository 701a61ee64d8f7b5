import Foundation
import Shiftcast

/// Standard error and standard output for the tool's messages.
enum Terminal {
    /// `error: MESSAGE` on standard error, one line.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// `warning: MESSAGE` on standard error, one line.
    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// A note for the user on standard error (summaries, where output went); silent with `--quiet`.
    static func printNote(_ message: String, quiet: Bool = false) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// The tool's standard output, where an output path of `-` (or none) sends a file.
    static func standardOutput(_ bytes: [UInt8]) throws {
        try OutputFile.write(bytes, toDescriptor: STDOUT_FILENO, name: "-")
    }
}
