import ShiftcastCore

extension PlanReport {
    /// Short intervals listed in the table; the rest are counted under it.
    public static let tableRows = 2_000

    /// The report as one self-contained HTML page: the style sheet and the one small script (sorting
    /// the table) inline, every chart an inline SVG; no reference to any other file or address.
    /// - Parameter level: the prediction band's level as the forecast gave it (`80%`), for the legend;
    ///   `nil` when it is not known (a Forecast file does not say).
    /// - Complexity: O(intervals + the first ``ganttRows`` agents' activities + agents' shifts).
    public func html(level: String?) -> String {
        var page = Markup()
        page.raw("<!DOCTYPE html>\n")
        page.open("html", [("lang", "en")])
        page.open("head")
        page.raw("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.element("title", text: title)
        page.open("style")
        page.raw(Self.styleSheet)
        page.close("style")
        page.close("head")
        page.open("body")
        page.element("h1", text: title)
        summaryTable(&page)
        for queue in queues { section(&page, queue: queue, level: level) }
        scheduleSection(&page)
        shortTable(&page)
        page.open("script")
        page.raw(Self.sortingScript)
        page.close("script")
        page.close("body")
        page.close("html")
        return page.text + "\n"
    }

    private func figure(_ page: inout Markup, _ heading: String, _ chart: Markup, note: String? = nil) {
        page.open("figure")
        page.element("figcaption", text: heading)
        page.open("div", [("class", "scroll")])
        page.append(chart)
        page.close("div")
        if let note { page.element("p", [("class", "note")], text: note) }
        page.close("figure")
    }

    private func section(_ page: inout Markup, queue: Queue, level: String?) {
        page.open("section", [("class", "queue")])
        page.element("h2", text: queue.name.map { "Queue \($0)" } ?? "Forecast and coverage")
        let history = queue.history.isEmpty ? "; run shiftcast report with --history to see the weeks before it" : ""
        let band = level.map { "\($0) prediction band" } ?? "prediction band"
        figure(&page, "Forecast per interval with its \(band)", ForecastChart.draw(queue, band: band),
               note: "Shaded columns are events; the dashed line is the forecast's origin\(history).")
        if queue.backtests.isEmpty {
            page.element("p", [("class", "note")], text: "No backtest in this plan folder (backtest.csv).")
        } else {
            figure(&page, "Backtest: WAPE of each model on each fold", BacktestChart.draw(queue.backtests))
        }
        figure(&page, "Agents required against agents at work", CoverageChart.draw(queue),
               note: "Orange: intervals short of the requirement; hover for the agents short and why.")
        if queue.coverage.contains(where: { $0.serviceLevel != nil }) {
            figure(&page, "Projected service level per interval", ServiceHeatMap.draw(queue, target: serviceLevelTarget))
        }
        page.close("section")
    }

    private func scheduleSection(_ page: inout Markup) {
        guard !agents.isEmpty else { return }
        // The horizon: the coverage's intervals, or without them the agents' activities.
        let coverage = queues.flatMap { queue in queue.coverage.map { ($0.start, $0.start.adding(seconds: Int64(queue.intervalSeconds))) } }
        let spans = coverage.isEmpty ? agents.flatMap { $0.activities.map { ($0.start, $0.end) } } : coverage
        let from = spans.map(\.0.secondsSinceEpoch).min() ?? 0, to = spans.map(\.1.secondsSinceEpoch).max() ?? 1
        page.open("section", [("class", "schedule")])
        page.element("h2", text: "Schedule")
        let more = agents.count - min(agents.count, Self.ganttRows)
        figure(&page, "Shifts of the first \(min(agents.count, Self.ganttRows)) agents", GanttChart.draw(agents, horizon: Double(from)...Double(max(to, from + 1))),
               note: more > 0 ? "\(more) more agents are in schedule.csv." : nil)
        figure(&page, "Shift starts by time of day", ShiftStartHistogram.draw(agents))
        page.close("section")
    }

    private func summaryTable(_ page: inout Markup) {
        page.open("table", [("class", "summary")])
        page.open("tbody")
        for (label, value) in summary {
            page.open("tr")
            page.element("th", [("scope", "row")], text: label)
            page.element("td", text: value)
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
    }

    /// The short intervals with their causes; each column sorts on a click.
    private func shortTable(_ page: inout Markup) {
        let rows = queues.flatMap { queue in queue.coverage.filter { $0.shortBy > 0 }.map { (queue.name, $0) } }
        page.open("section", [("class", "short")])
        page.element("h2", text: "Short intervals (\(rows.count))")
        guard !rows.isEmpty else {
            page.element("p", text: "Every interval has the agents it requires.")
            page.close("section")
            return
        }
        let named = queues.contains { $0.name != nil }
        page.open("div", [("class", "scroll")])
        page.open("table", [("class", "sortable")])
        page.open("thead")
        page.open("tr")
        for heading in (named ? ["queue"] : []) + ["interval", "required", "at work", "short by", "service level", "cause"] {
            page.open("th", [("scope", "col")])
            page.element("button", [("type", "button")], text: heading)
            page.close("th")
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for (queue, point) in rows.prefix(Self.tableRows) {
            page.open("tr")
            if named { page.element("td", text: queue ?? "") }
            page.element("td", [("class", "time"), ("data-sort", String(point.start.secondsSinceEpoch))], text: ChartFrame.timeLabel(point.start))
            for value in [point.required, point.scheduled, point.shortBy] {
                page.element("td", [("class", "number"), ("data-sort", String(value))], text: ChartFrame.grouped(value, decimals: 1))
            }
            page.element("td", [("class", "number"), ("data-sort", point.serviceLevel.map { String($0) } ?? "-1")],
                         text: point.serviceLevel.map { ChartFrame.percent($0) } ?? "")
            page.element("td", text: point.cause ?? "")
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("div")
        if rows.count > Self.tableRows {
            page.element("p", [("class", "note")], text: "\(rows.count - Self.tableRows) more short intervals are in coverage.csv.")
        }
        page.close("section")
    }
}
