import Foundation

/// One line of progress on standard error, rewritten in place, for long work (SPEC section 2): shown only
/// when standard error is a terminal and `--quiet` is off, so logs and pipes never see it.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var visible = false
    private var timer: DispatchSourceTimer?
    private var finished = false
    private var status = ""
    private var ticking: (began: Date, text: @Sendable (String, Double) -> String)?

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Shows `text`, at most ten times a second unless `force`.
    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard !finished, force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            visible = true
            FileHandle.standardError.write(Data(("\r" + text() + "\u{1B}[K").utf8))
        }
    }

    /// What the work is doing now: shown at once on a ticking line, and on every tick after.
    func setStatus(_ text: String) {
        let redraw = lock.withLock { () -> (@Sendable (String, Double) -> String, Double)? in
            status = text
            return ticking.map { ($0.text, Date().timeIntervalSince($0.began)) }
        }
        if let (format, elapsed) = redraw { update(format(text, elapsed), force: true) }
    }

    /// Redraws the line with `text(status, seconds since the start)` every `interval` seconds until
    /// ``finish()``, for work whose steps are long (a solver's search): the time moves even when nothing
    /// else does.
    func tick(every interval: Double, _ text: @escaping @Sendable (_ status: String, _ elapsed: Double) -> String) {
        guard enabled else { return }
        let began = Date()
        lock.withLock { ticking = (began, text) }
        let source = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        source.schedule(deadline: .now(), repeating: interval)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            let current = self.lock.withLock { self.status }
            self.update(text(current, Date().timeIntervalSince(began)), force: true)
        }
        lock.withLock { timer = source }
        source.resume()
    }

    /// Stops ticking and clears the line for good, so the notes that follow start on a clean one.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            timer?.cancel()
            timer = nil
            finished = true
            if visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            visible = false
        }
    }
}
