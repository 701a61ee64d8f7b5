import ShiftcastCore

/// The projected service level per interval as a heat map: a row per day, a column per time of day, each
/// cell coloured by how far the interval's service level is below or above the target.
enum ServiceHeatMap {
    static let rowHeight = 18.0

    static func draw(_ queue: PlanReport.Queue, target: Double?) -> Markup {
        var markup = Markup()
        let cells = queue.coverage.filter { $0.serviceLevel != nil }
        guard !cells.isEmpty, queue.intervalSeconds > 0, queue.intervalSeconds <= 86_400 else { return markup }
        let days = Array(Set(cells.map(\.start.daysSinceEpoch))).sorted()
        let row = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        var frame = ChartFrame()
        frame.left = 96
        frame.height = frame.top + rowHeight * Double(days.count) + frame.bottom
        let x = frame.xScale(0...86_400)
        frame.open(&markup, chart: "service", label: "Projected service level per interval, a row per day")
        markup.open("g", [("class", "axis")])
        for (index, day) in days.enumerated() {
            markup.element("text", [("x", ChartFrame.number(frame.left - 6)), ("y", ChartFrame.number(frame.top + rowHeight * (Double(index) + 0.5))),
                                    ("dy", "0.32em"), ("text-anchor", "end")],
                           text: ChartFrame.dayLabel(CivilDateTime(secondsSinceEpoch: day * 86_400)))
        }
        frame.hourLabels(&markup, scale: x)
        markup.element("text", [("class", "axis-title"), ("x", ChartFrame.number(frame.left)), ("y", "14")],
                       text: "projected service level" + (target.map { " (target \(ChartFrame.percent($0, decimals: 0)))" } ?? ""))
        markup.close("g")
        let width = x(Double(queue.intervalSeconds)) - x(0)
        for cell in cells {
            let level = cell.serviceLevel!
            markup.element("rect", [("class", "cell"), ("x", ChartFrame.number(x(Double(cell.start.secondOfDay)))),
                                    ("y", ChartFrame.number(frame.top + rowHeight * Double(row[cell.start.daysSinceEpoch]!))),
                                    ("width", ChartFrame.number(width)), ("height", ChartFrame.number(rowHeight - 1)),
                                    ("fill", colour(level, target: target))],
                           title: "\(ChartFrame.timeLabel(cell.start)): \(ChartFrame.percent(level)) projected")
        }
        frame.legend(&markup, legendEntries(target))
        markup.close("svg")
        return markup
    }

    /// Below the target, from dark red (0) to amber (just below); at or above it, from light to dark green.
    /// Without a target, one scale from red to green.
    static func colour(_ level: Double, target: Double?) -> String {
        let level = min(1, max(0, level))
        guard let target, target > 0, target < 1 else { return mix((215, 48, 39), (26, 152, 80), level) }
        return level < target ? mix((165, 0, 38), (253, 174, 97), level / target)
            : mix((166, 217, 106), (0, 104, 55), (level - target) / (1 - target))
    }

    private static func legendEntries(_ target: Double?) -> [(swatch: String, label: String)] {
        guard let target, target > 0, target < 1 else { return [("sl-zero", "0%"), ("sl-full", "100%")] }
        let shown = ChartFrame.percent(target, decimals: 0)
        return [("sl-low", "0%"), ("sl-near", "just below \(shown)"), ("sl-met", shown), ("sl-high", "100%")]
    }

    private static func mix(_ from: (Int, Int, Int), _ to: (Int, Int, Int), _ share: Double) -> String {
        func channel(_ a: Int, _ b: Int) -> String {
            let value = Int((Double(a) + (Double(b) - Double(a)) * share).rounded())
            return String(min(255, max(0, value)), radix: 16).leftPadded
        }
        return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
    }
}

extension String {
    fileprivate var leftPadded: String { count < 2 ? "0" + self : self }
}
