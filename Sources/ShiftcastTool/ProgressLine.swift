import Foundation

/// One line of progress on standard error, rewritten in place, for long work (SPEC section 2): shown only
/// when standard error is a terminal and `--quiet` is off, so logs and pipes never see it.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var visible = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Shows `text`, at most ten times a second unless `force`.
    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            visible = true
            FileHandle.standardError.write(Data(("\r" + text() + "\u{1B}[K").utf8))
        }
    }

    /// Clears the line, so the notes that follow start on a clean one.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            visible = false
        }
    }
}
