import ShiftcastCore

/// The requirement against the scheduled coverage per interval, as steps, with each short interval
/// shaded between the two (over them) and its cause as the tooltip.
enum CoverageChart {
    static func draw(_ queue: PlanReport.Queue) -> Markup {
        var markup = Markup()
        let frame = ChartFrame()
        let step = Double(max(1, queue.intervalSeconds))
        let starts = queue.coverage.map { Double($0.start.secondsSinceEpoch) }
        guard let first = starts.min(), let last = starts.max() else { return markup }
        let x = frame.xScale(first...(last + step))
        let y = frame.yScale(0...ChartFrame.roundedTop(queue.coverage.map { max($0.required, $0.scheduled) }.max() ?? 0))
        frame.open(&markup, chart: "coverage", label: "Agents required and agents at work per interval, short intervals shaded")
        frame.valueAxis(&markup, scale: y, title: "agents")
        frame.timeAxis(&markup, scale: x)
        markup.element("path", [("class", "required"), ("d", steps(queue.coverage.map { ($0.start, $0.required) }, step: step, x: x, y: y))],
                       title: "agents required")
        markup.element("path", [("class", "scheduled"), ("d", steps(queue.coverage.map { ($0.start, $0.scheduled) }, step: step, x: x, y: y))],
                       title: "agents at work (not on a break)")
        // Over the lines, so that an interval short for a quarter-hour shows at the chart's full width.
        for point in queue.coverage where point.shortBy > 0 {
            let from = Double(point.start.secondsSinceEpoch)
            var tip = "\(ChartFrame.timeLabel(point.start)): \(ChartFrame.grouped(point.shortBy, decimals: point.shortBy < 10 ? 1 : 0)) agents short "
                + "(\(ChartFrame.grouped(point.scheduled)) at work, \(ChartFrame.grouped(point.required, decimals: 1)) required)"
            if let cause = point.cause { tip += ": " + cause }
            markup.element("rect", [("class", "short"), ("x", ChartFrame.number(x(from))), ("y", ChartFrame.number(y(point.required))),
                                    ("width", ChartFrame.number(max(0.5, x(from + step) - x(from)))),
                                    ("height", ChartFrame.number(y(point.scheduled) - y(point.required)))], title: tip)
        }
        frame.legend(&markup, [("required", "required"), ("scheduled", "at work"), ("short", "short")])
        markup.close("svg")
        return markup
    }

    /// A step line: across each interval at its value (`H`), up or down to the next (`V`), a new start
    /// (`M`) where an interval is missing. One `H` per interval.
    static func steps(_ points: [(start: CivilDateTime, value: Double)], step: Double, x: ChartFrame.Scale, y: ChartFrame.Scale) -> String {
        var path = ""
        var previousEnd: Double?
        for point in points {
            let from = Double(point.start.secondsSinceEpoch)
            let level = ChartFrame.number(y(point.value))
            path += previousEnd == from ? "V" + level : "M" + ChartFrame.number(x(from)) + "," + level
            path += "H" + ChartFrame.number(x(from + step))
            previousEnd = from + step
        }
        return path
    }
}
