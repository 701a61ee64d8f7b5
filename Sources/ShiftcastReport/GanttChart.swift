import ShiftcastCore

/// The schedule as a Gantt chart: a row per agent (the first ``PlanReport/ganttRows``), a bar per span of
/// work, break or other activity within the horizon, each with its times as the tooltip.
enum GanttChart {
    static let rowHeight = 14.0

    static func draw(_ agents: [PlanReport.Agent], horizon: ClosedRange<Double>) -> Markup {
        var markup = Markup()
        let shown = agents.prefix(PlanReport.ganttRows)
        guard !shown.isEmpty else { return markup }
        var frame = ChartFrame()
        frame.left = 110
        frame.height = frame.top + rowHeight * Double(shown.count) + frame.bottom
        let x = frame.xScale(horizon)
        frame.open(&markup, chart: "gantt", label: "The first \(shown.count) agents' shifts, work and breaks")
        frame.timeAxis(&markup, scale: x)
        markup.element("text", [("class", "axis-title"), ("x", ChartFrame.number(frame.left)), ("y", "14")], text: "agents")
        for (index, agent) in shown.enumerated() {
            let top = frame.top + rowHeight * Double(index)
            markup.open("g", [("class", "agent")])
            markup.element("text", [("class", "label"), ("x", ChartFrame.number(frame.left - 6)), ("y", ChartFrame.number(top + rowHeight / 2)),
                                    ("dy", "0.32em"), ("text-anchor", "end")], text: agent.name)
            for activity in agent.activities {
                let from = max(horizon.lowerBound, Double(activity.start.secondsSinceEpoch))
                let to = min(horizon.upperBound, Double(activity.end.secondsSinceEpoch))
                guard to > from else { continue }
                markup.element("rect", [("class", "segment " + cssClass(activity.activity)), ("x", ChartFrame.number(x(from))),
                                        ("y", ChartFrame.number(top + 1)), ("width", ChartFrame.number(max(0.5, x(to) - x(from)))),
                                        ("height", ChartFrame.number(rowHeight - 2))],
                               title: "\(agent.name), \(activity.shift): \(activity.activity) \(ChartFrame.timeLabel(activity.start))"
                                   + "-\(ChartFrame.clock(activity.end))")
            }
            markup.close("g")
        }
        frame.legend(&markup, [("work", "work"), ("break", "break"), ("lunch", "lunch"), ("other", "other")])
        markup.close("svg")
        return markup
    }

    /// `work`, `break` and `lunch` have colours of their own; any other activity is `other`.
    static func cssClass(_ activity: String) -> String {
        ["work", "break", "lunch"].contains(activity) ? activity : "other"
    }
}
