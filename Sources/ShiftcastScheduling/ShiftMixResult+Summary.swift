import ShiftcastCore

extension ShiftMixResult {
    /// The lines `schedule` prints on standard error: agents, paid hours, under- and over-staffed hours
    /// (never netted), coverage, objective, lower bound, gap, time, then the intervals left short, as
    /// spans of consecutive intervals with one cause (``ShortfallSpans``; at most `shortfallLines` of
    /// them, and a count of the rest).
    /// - Complexity: O(intervals + candidates).
    public func summary(agents: Int, shortfallLines: Int = 20) -> String {
        func number(_ value: Double, _ decimals: Int = 2) -> String {
            let scale = pow10(decimals)
            let rounded = (value * scale).rounded() / scale
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let requiredHours = curve.required.reduce(0, +) * Double(curve.slotSeconds) / 3600
        let covered = requiredHours > 0 ? 1 - underStaffedHours / requiredHours : 1
        var lines = [
            "agents: \(agents) (\(shiftCount) shift\(shiftCount == 1 ? "" : "s"), \(distinctPatterns.count) distinct start and length)",
            "paid hours: \(number(paidHours))",
            "under-staffed hours: \(number(underStaffedHours)), over-staffed hours: \(number(overStaffedHours))",
            "coverage: \(number(covered * 100, 1))% of \(number(requiredHours)) required agent-hours",
            "objective: \(number(objective, 4)), lower bound: \(number(lowerBound, 4)), gap: \(number(gap * 100, 2))%"
                + (provenOptimal ? " (optimal)" : ""),
            "time: \(number(seconds, 2))s",
        ]
        let spans = ShortfallSpans.group(shortfalls, slot: \.slot, agents: \.agents) { $0.cause == $1.cause }
        for span in spans.prefix(shortfallLines) {
            lines.append(ShortfallSpans.line(span, curve: curve, agents: number(span.agents), cause: span.worst.cause.rawValue))
        }
        if spans.count > shortfallLines {
            let rest = spans.dropFirst(shortfallLines).reduce(0) { $0 + $1.last - $1.first + 1 }
            lines.append("short: \(spans.count - shortfallLines) more spans, \(rest) intervals (see the coverage file)")
        }
        return lines.joined(separator: "\n")
    }
}

private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
