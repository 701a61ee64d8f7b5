import ShiftcastCore

/// Short intervals told as spans (issue 11): consecutive intervals left short for the same kind of
/// reason make one line of a summary, `short: Mon 2025-03-03 08:30-11:00 by up to 62 agents: ...`, with
/// the most agents short in the span and the reason of the interval that had them.
enum ShortfallSpans {
    struct Span<Item> {
        var first: Int
        var last: Int
        /// The interval of the span with the most agents short.
        var worst: Item
        var agents: Double
    }

    /// `items` (in slot order) grouped into runs of consecutive slots whose causes are of one kind.
    static func group<Item>(_ items: [Item], slot: (Item) -> Int, agents: (Item) -> Double,
                            sameKind: (Item, Item) -> Bool) -> [Span<Item>] {
        var spans: [Span<Item>] = []
        var previous: Item?
        for item in items {
            if let last = previous, var span = spans.last, slot(item) == span.last + 1, sameKind(last, item) {
                span.last = slot(item)
                if agents(item) > span.agents { (span.worst, span.agents) = (item, agents(item)) }
                spans[spans.count - 1] = span
            } else {
                spans.append(Span(first: slot(item), last: slot(item), worst: item, agents: agents(item)))
            }
            previous = item
        }
        return spans
    }

    /// `short: Mon 2025-03-03 08:30-11:00 by up to 62 agents: CAUSE` (`by 3 agents` for one interval; a
    /// span past midnight names both days).
    static func line<Item>(_ span: Span<Item>, curve: RequirementCurve, agents: String, cause: String) -> String {
        let start = curve.clock.civil(at: curve.instant(secondsFromStart: span.first * curve.slotSeconds))
        let end = curve.clock.civil(at: curve.instant(secondsFromStart: (span.last + 1) * curve.slotSeconds))
        let sameDay = end.startOfDay == start.startOfDay || (end.secondOfDay == 0 && end.adding(seconds: -1).startOfDay == start.startOfDay)
        let until = sameDay ? (end.secondOfDay == 0 ? "24:00" : clock(end)) : " to " + day(end) + " " + clock(end)
        let by = span.first == span.last ? "by" : "by up to"
        return "short: \(day(start)) \(clock(start))\(sameDay ? "-" : "")\(until) \(by) \(agents) agent\(agents == "1" ? "" : "s"): \(cause)"
    }

    private static func day(_ time: CivilDateTime) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][time.isoWeekday - 1] + " " + time.formatted(dateOnly: true)
    }

    private static func clock(_ time: CivilDateTime) -> String {
        let f = time.fields
        return (f.hour < 10 ? "0" : "") + "\(f.hour):" + (f.minute < 10 ? "0" : "") + "\(f.minute)"
    }
}
