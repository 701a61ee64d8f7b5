import Foundation

/// Debian's `chromium`, headless, run as a test's real browser (installed by
/// Scripts/install-system-packages.sh and .ci/run).
struct HeadlessChromium {
    struct Run {
        /// What the browser printed on standard output: the DOM after the page's scripts ran, with `--dump-dom`.
        var output: String
        /// The page's console messages and uncaught errors (`CONSOLE` lines of Chromium's log).
        var console: [String]
    }

    static let executable = URL(fileURLWithPath: "/usr/bin/chromium")
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Loads `page` at `width` x `height` CSS pixels and dumps its DOM, or takes a screenshot into `screenshot`.
    /// - Throws: when the browser cannot start or runs for more than 120 s.
    static func load(_ page: URL, width: Int = 1280, height: Int = 900, screenshot: URL? = nil) throws -> Run {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let output = profile.appendingPathComponent("stdout"), log = profile.appendingPathComponent("stderr")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(profile.appendingPathComponent("profile").path)",
                             "--enable-logging=stderr", "--v=0", "--window-size=\(width),\(height)",
                             screenshot.map { "--screenshot=\($0.path)" } ?? "--dump-dom", page.absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        let began = Date()
        try process.run()
        while process.isRunning {
            if Date().timeIntervalSince(began) > 120 {
                process.terminate()
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "chromium ran for more than 120 s on \(page.path)"])
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let console = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Run(output: try String(contentsOf: output, encoding: .utf8), console: console)
    }
}
