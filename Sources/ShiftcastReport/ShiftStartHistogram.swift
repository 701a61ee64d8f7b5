import ShiftcastCore

/// How many shifts start at each time of day, over every agent and day: a bar per start time used.
enum ShiftStartHistogram {
    static func draw(_ agents: [PlanReport.Agent]) -> Markup {
        var markup = Markup()
        var counts: [Int: Int] = [:]
        for agent in agents { for start in agent.shiftStarts { counts[start.secondOfDay, default: 0] += 1 } }
        guard !counts.isEmpty else { return markup }
        let frame = ChartFrame()
        let x = frame.xScale(0...86_400)
        let y = frame.yScale(0...ChartFrame.roundedTop(Double(counts.values.max() ?? 0)))
        frame.open(&markup, chart: "starts", label: "Shifts starting at each time of day")
        frame.valueAxis(&markup, scale: y, title: "shifts starting")
        markup.open("g", [("class", "axis x")])
        frame.hourLabels(&markup, scale: x)
        markup.close("g")
        let starts = counts.keys.sorted()
        let gap = zip(starts, starts.dropFirst()).map { $1 - $0 }.min() ?? 3600
        let width = max(1, x(Double(min(gap, 3600))) - x(0) - 1)
        for start in starts {
            let count = Double(counts[start]!)
            let clock = ChartFrame.clock(CivilDateTime(secondsSinceEpoch: Int64(start)))
            markup.element("rect", [("class", "bar"), ("x", ChartFrame.number(x(Double(start)))), ("y", ChartFrame.number(y(count))),
                                    ("width", ChartFrame.number(width)), ("height", ChartFrame.number(y(0) - y(count)))],
                           title: "\(clock): \(counts[start]!) shift\(count == 1 ? "" : "s") start")
        }
        markup.close("svg")
        return markup
    }
}
