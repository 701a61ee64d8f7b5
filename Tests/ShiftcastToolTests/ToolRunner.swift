import Foundation

/// Runs the built `shiftcast` binary, as a user would, and captures what it printed.
struct ToolRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `shiftcast` binary beside the test bundle in the build products folder.
    static let executable: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("shiftcast")
    }()

    /// The package root, for `Fixtures/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Runs `shiftcast arguments...` with `input` on standard input, in `directory` if given.
    /// Output goes through files, so a large output can never block the child on a full pipe.
    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> Result {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let paths = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
        try Data((input ?? "").utf8).write(to: paths[0])
        FileManager.default.createFile(atPath: paths[1].path, contents: nil)
        FileManager.default.createFile(atPath: paths[2].path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: paths[0])
        process.standardOutput = try FileHandle(forWritingTo: paths[1])
        process.standardError = try FileHandle(forWritingTo: paths[2])
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: try String(contentsOf: paths[1], encoding: .utf8),
                      standardError: try String(contentsOf: paths[2], encoding: .utf8))
    }

    /// `script`, which runs a command on a pseudo-terminal (util-linux; every Debian has it).
    static let script = URL(fileURLWithPath: "/usr/bin/script")
    static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: script.path) }

    /// Runs `shiftcast arguments...` with its standard output and error on a terminal, as a person at a
    /// shell sees them; returns what the terminal showed (both streams). Arguments must not need quoting.
    static func runOnTerminal(_ arguments: [String]) throws -> Result {
        let command = ([executable.path] + arguments).joined(separator: " ")
        return try Self.run(arguments, executable: script, prefix: ["-qec", command, "/dev/null"])
    }

    private static func run(_ arguments: [String], executable: URL, prefix: [String]) throws -> Result {
        let process = Process()
        let output = Pipe()
        process.executableURL = executable
        process.arguments = prefix
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self), standardError: "")
    }

    /// A fresh empty folder for a test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("shiftcast-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
