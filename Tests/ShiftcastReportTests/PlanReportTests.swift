import ShiftcastCore
@testable import ShiftcastReport
import Testing

/// The page drawn from values: names escaped, events marked where they fall, a plan without the optional
/// parts still a whole page, and the scales and colours the charts are read by.
@Suite struct PlanReportTests {
    static func time(_ day: Int, _ hour: Int, _ minute: Int = 0) -> CivilDateTime {
        CivilDateTime(year: 2025, month: 3, day: day, hour: hour, minute: minute)!
    }

    /// Two days of half-hours from 2025-03-03, with a requirement of 10 and 8 agents at work from 12:00 on.
    static func queue(events: [PlanReport.Event] = [], serviceLevel: Double? = 0.8) -> PlanReport.Queue {
        let starts = (0..<96).map { time(3, 0).adding(seconds: Int64($0) * 1800) }
        return PlanReport.Queue(
            name: nil, intervalSeconds: 1800,
            history: starts.map { PlanReport.HistoryPoint(start: $0.adding(seconds: -2 * 86_400), volume: 40) },
            forecast: starts.map { PlanReport.ForecastPoint(start: $0, volume: 50, lower: 40, upper: 60) },
            events: events, backtests: [],
            coverage: starts.map { start in
                PlanReport.CoveragePoint(start: start, required: 10, scheduled: start.secondOfDay >= 43_200 ? 8 : 10,
                                         serviceLevel: serviceLevel, cause: start.secondOfDay >= 43_200 ? "too few <agents>" : nil)
            })
    }

    static func report(_ queue: PlanReport.Queue, agents: [PlanReport.Agent] = []) -> String {
        PlanReport(title: "Plan <b>&</b>", serviceLevelTarget: 0.8, answerWithin: 20, queues: [queue], agents: agents)
            .html(level: "80%")
    }

    @Test func namesFromFilesAreEscapedEverywhere() {
        let agent = PlanReport.Agent(name: "<script>alert(1)</script>",
                                     activities: [.init(activity: "work\"><x", shift: "early", start: Self.time(3, 8), end: Self.time(3, 12))],
                                     shiftStarts: [Self.time(3, 8)])
        var queue = Self.queue(events: [.init(kind: "</svg><script>", start: Self.time(3, 0), end: Self.time(4, 0))])
        queue.name = "a \"queue\""
        queue.backtests = [.init(model: "<i>model</i>", folds: [.init(number: 1, origin: "2025-02-24", wape: 0.2)], chosen: true)]
        let page = Self.report(queue, agents: [agent])
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("</svg><script>"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("\"><x"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("too few &lt;agents&gt;"))
        #expect(page.contains("forecasting model (a &quot;queue&quot;)"))
        #expect(page.contains("&lt;i&gt;model&lt;/i&gt;, mean WAPE of its 1 backtest folds 20.0%"))
        #expect(!page.contains("<i>"))
        // A quote or bracket followed by a combining mark is one Character, and still escaped.
        #expect(Markup.escaped("\"\u{301}<\u{301}") == "&quot;\u{301}&lt;\u{301}")
        // The page's own script is its only one.
        #expect(page.components(separatedBy: "<script>").count == 2)
    }

    @Test func eventsAreMarkedWhereTheyFallAndNotElsewhere() {
        let inside = PlanReport.Event(kind: "promo", start: Self.time(4, 0), end: Self.time(5, 0))
        let before = PlanReport.Event(kind: "long-gone", start: CivilDateTime(year: 2024, month: 1, day: 1)!, end: CivilDateTime(year: 2024, month: 1, day: 2)!)
        let page = Self.report(Self.queue(events: [inside, before]))
        #expect(page.components(separatedBy: "<rect class=\"event\"").count == 2)
        #expect(page.contains("event promo: Tue 2025-03-04 00:00 to Wed 2025-03-05 00:00"))
        #expect(!page.contains("long-gone"))
    }

    @Test func aPlanWithoutBacktestAgentsOrProjectionIsStillAWholePage() {
        let page = Self.report(Self.queue(serviceLevel: nil))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains("data-chart=\"forecast\""))
        #expect(page.contains("data-chart=\"coverage\""))
        #expect(!page.contains("data-chart=\"service\""))
        #expect(!page.contains("data-chart=\"gantt\""))
        #expect(page.contains("No backtest in this plan folder"))
        // 48 short intervals: from 12:00 on each of the two days.
        #expect(page.contains("Short intervals (48)"))
        #expect(page.components(separatedBy: "<rect class=\"short\"").count == 49)
    }

    /// Intervals out of order (a hand-edited Coverage file) are drawn over their whole span, not trapped
    /// on (a finding of FuzzPlanReport: the chart took the first and last rows for its ends): the first day's
    /// noon is the same place on the chart whichever the order. An interval of no length draws no heat map.
    @Test func intervalsOutOfOrderAreDrawnOverTheirSpan() {
        func firstShortRectangle(_ page: String) -> String {
            String(page.components(separatedBy: "<rect class=\"short\" ")[1].prefix { $0 != ">" })
        }
        var queue = Self.queue()
        let inOrder = Self.report(queue)
        queue.coverage.reverse()
        queue.forecast.reverse()
        let reversed = Self.report(queue)
        #expect(reversed.components(separatedBy: "<rect class=\"short\"").count == 49)
        let noon = firstShortRectangle(inOrder)
        #expect(reversed.contains("<rect class=\"short\" " + noon))
        queue.intervalSeconds = 0
        let flat = Self.report(queue)
        #expect(flat.components(separatedBy: "<rect class=\"short\"").count == 49)
        #expect(!flat.contains("data-chart=\"service\""))
    }

    /// The example of the module's DocC page, as written there.
    @Test func theDocumentationExampleDrawsAPage() {
        let monday = CivilDateTime(year: 2025, month: 3, day: 3, hour: 8)!
        let intervals = (0..<8).map { monday.adding(seconds: Int64($0) * 900) }
        let queue = PlanReport.Queue(
            name: nil, intervalSeconds: 900,
            forecast: intervals.map { .init(start: $0, volume: 40, lower: 30, upper: 52) },
            coverage: intervals.map { .init(start: $0, required: 9, scheduled: 8, serviceLevel: 0.72) })
        let report = PlanReport(title: "Monday morning", serviceLevelTarget: 0.8, answerWithin: 20,
                                queues: [queue], agents: [])
        let page: String = report.html(level: "80%")
        #expect(page.components(separatedBy: "<rect class=\"cell\"").count == 9)
        #expect(page.contains("Short intervals (8)"))
        // The summary: 8 intervals of 9 agents required and 8 at work, a quarter-hour each.
        let summary = Dictionary(report.summary.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(summary["contacts forecast"] == "320")
        #expect(summary["service target"] == "80.0% of contacts answered within 20 s")
        #expect(summary["peak agents required"] == "9")
        #expect(summary["agents with a shift"] == "0 (0 shifts)")
        #expect(summary["required agent-hours covered"] == "88.9%")
        #expect(summary["short intervals"] == "8 (2 agent-hours short)")
        #expect(summary["projected service level"] == "72.0% of contacts forecast; 8 of 8 intervals below target")
    }

    @Test func roundValuesForTheAxes() {
        #expect(ChartFrame.ticks(0...437) == [0, 100, 200, 300, 400])
        #expect(ChartFrame.ticks(0...0.47) == [0, 0.1, 0.2, 0.30000000000000004, 0.4])
        #expect(ChartFrame.ticks(5...5) == [5])
        #expect(ChartFrame.roundedTop(437) == 500)
        #expect(ChartFrame.roundedTop(0) == 1)
        #expect(ChartFrame.roundedTop(.nan) == 1)
    }

    @Test func numbersAsTheLabelsShowThem() {
        #expect(ChartFrame.grouped(1_234_567) == "1\u{2009}234\u{2009}567")
        #expect(ChartFrame.grouped(-0.4) == "0")
        #expect(ChartFrame.grouped(2.25, decimals: 1) == "2.3")
        #expect(ChartFrame.grouped(7.04, decimals: 1) == "7.0")
        #expect(ChartFrame.grouped(.infinity) == "-")
        #expect(ChartFrame.percent(0.805) == "80.5%")
        #expect(ChartFrame.number(12.34) == "12.3")
        #expect(ChartFrame.number(-0.25) == "-0.2" || ChartFrame.number(-0.25) == "-0.3")
        #expect(ChartFrame.number(.nan) == "0")
    }

    /// The heat map's colours: its ends and the target, as the legend's swatches show them.
    @Test func serviceLevelColoursMeetTheLegend() {
        #expect(ServiceHeatMap.colour(0, target: 0.8) == "#a50026")
        #expect(ServiceHeatMap.colour(0.8, target: 0.8) == "#a6d96a")
        #expect(ServiceHeatMap.colour(1, target: 0.8) == "#006837")
        #expect(ServiceHeatMap.colour(0.7999, target: 0.8).hasPrefix("#fd"))
        #expect(ServiceHeatMap.colour(-3, target: 0.8) == "#a50026")
        #expect(PlanReport.styleSheet.contains(".swatch.sl-low{fill:#a50026}"))
        #expect(PlanReport.styleSheet.contains(".swatch.sl-met{fill:#a6d96a}"))
    }
}
