import ShiftcastCore

/// The forecast per interval with its prediction band (through the intervals that have both bounds), the
/// weeks of history before it, and the events marked; a hover area per day tells the day's total.
enum ForecastChart {
    static func draw(_ queue: PlanReport.Queue, band: String) -> Markup {
        var markup = Markup()
        let frame = ChartFrame()
        let step = Double(max(1, queue.intervalSeconds))
        let starts = queue.history.map { Double($0.start.secondsSinceEpoch) } + queue.forecast.map { Double($0.start.secondsSinceEpoch) }
        guard let first = starts.min(), let last = starts.max() else { return markup }
        let x = frame.xScale(first...(last + step))
        let top = ChartFrame.roundedTop(max(queue.history.map(\.volume).max() ?? 0, queue.forecast.map { max($0.upper ?? 0, $0.volume) }.max() ?? 0))
        let y = frame.yScale(0...top)
        frame.open(&markup, chart: "forecast", label: "Forecast contacts per interval with the \(band), after the history")
        frame.valueAxis(&markup, scale: y, title: "contacts per interval")
        frame.timeAxis(&markup, scale: x)
        for event in queue.events {
            let from = max(first, Double(event.start.secondsSinceEpoch)), to = min(last + step, Double(event.end.secondsSinceEpoch))
            guard to > from else { continue }
            markup.element("rect", [("class", "event"), ("x", ChartFrame.number(x(from))), ("y", ChartFrame.number(frame.top)),
                                    ("width", ChartFrame.number(max(1, x(to) - x(from)))), ("height", ChartFrame.number(frame.plotHeight))],
                           title: "event \(event.kind): \(ChartFrame.timeLabel(event.start)) to \(ChartFrame.timeLabel(event.end))")
        }
        func middle(_ start: CivilDateTime) -> String { ChartFrame.number(x(Double(start.secondsSinceEpoch) + step / 2)) }
        let bounded = queue.forecast.compactMap { point in point.lower.flatMap { lower in point.upper.map { (point.start, lower, $0) } } }
        let upper = bounded.map { middle($0.0) + "," + ChartFrame.number(y($0.2)) }
        let lower = bounded.reversed().map { middle($0.0) + "," + ChartFrame.number(y($0.1)) }
        if !bounded.isEmpty {
            markup.element("path", [("class", "band"), ("d", "M" + (upper + lower).joined(separator: "L") + "Z")],
                           title: band)
        }
        markup.element("path", [("class", "history"), ("d", line(queue.history.map { ($0.start, $0.volume) }, step: step, x: middle, y: y))],
                       title: "history")
        markup.element("path", [("class", "forecast"), ("d", line(queue.forecast.map { ($0.start, $0.volume) }, step: step, x: middle, y: y))],
                       title: "forecast")
        if let origin = queue.forecast.first?.start {
            let at = ChartFrame.number(x(Double(origin.secondsSinceEpoch)))
            markup.element("line", [("class", "origin"), ("x1", at), ("x2", at), ("y1", ChartFrame.number(frame.top)),
                                    ("y2", ChartFrame.number(frame.height - frame.bottom))])
        }
        dayTotals(&markup, queue: queue, frame: frame, x: x)
        frame.legend(&markup, [("history", "history"), ("forecast", "forecast")] + (bounded.isEmpty ? [] : [("band", band)])
                     + (queue.events.isEmpty ? [] : [("event", "event")]))
        markup.close("svg")
        return markup
    }

    /// A path through the points at mid-interval, broken where an interval is missing.
    static func line(_ points: [(start: CivilDateTime, value: Double)], step: Double, x: (CivilDateTime) -> String,
                     y: ChartFrame.Scale) -> String {
        var path = ""
        var previous: Int64?
        for point in points where point.value.isFinite {
            let joined = previous.map { Double(point.start.secondsSinceEpoch - $0) <= step } ?? false
            path += (joined ? "L" : "M") + x(point.start) + "," + ChartFrame.number(y(point.value))
            previous = point.start.secondsSinceEpoch
        }
        return path
    }

    /// A transparent column per day with the day's total as its tooltip.
    private static func dayTotals(_ markup: inout Markup, queue: PlanReport.Queue, frame: ChartFrame, x: ChartFrame.Scale) {
        var totals: [(day: Int64, contacts: Double, forecast: Bool)] = []
        let points = queue.history.map { ($0.start, $0.volume, false) } + queue.forecast.map { ($0.start, $0.volume, true) }
        for (start, volume, forecast) in points where volume.isFinite {
            let day = start.daysSinceEpoch
            if let last = totals.last, last.day == day, last.forecast == forecast {
                totals[totals.count - 1].contacts += volume
            } else {
                totals.append((day, volume, forecast))
            }
        }
        markup.open("g", [("class", "hover")])
        for total in totals {
            let from = max(x.domain.lowerBound, Double(total.day * 86_400)), to = min(x.domain.upperBound, Double((total.day + 1) * 86_400))
            guard to > from else { continue }
            let day = ChartFrame.dayLabel(CivilDateTime(secondsSinceEpoch: total.day * 86_400))
            markup.element("rect", [("x", ChartFrame.number(x(from))), ("y", ChartFrame.number(frame.top)),
                                    ("width", ChartFrame.number(x(to) - x(from))), ("height", ChartFrame.number(frame.plotHeight))],
                           title: "\(day): \(total.forecast ? "forecast" : "history") \(ChartFrame.grouped(total.contacts)) contacts")
        }
        markup.close("g")
    }
}
