import Foundation
import Testing

/// `report.html` of the demo, rendered in a real browser (headless Chromium): it loads with no console
/// message or script error, draws every chart, and each chart has as many points, bars or rows as the
/// plan's files have data; the table sorts; `shiftcast report` draws the same page from the folder.
@Suite(.serialized) struct ReportPageTests {
    /// The demo's folder, made once for the suite.
    static let demo: Result<URL, any Error> = Result {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(["demo", "--output-folder", "out", "--time-limit", "3s"], in: folder)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.standardError]) }
        return folder.appendingPathComponent("out")
    }

    @Test func theDemosReportRendersEveryChartWithItsData() throws {
        try #require(HeadlessChromium.isInstalled, "chromium is missing: bash Scripts/install-system-packages.sh installs it")
        let out = try Self.demo.get()
        let page = out.appendingPathComponent("report.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.utf8.count < 5 << 20)
        #expect(!html.contains("http"), "the page refers to an address")
        #expect(!html.contains("<script src"), "the page loads a script")

        let run = try HeadlessChromium.load(page)
        #expect(run.console.isEmpty, "console: \(run.console.prefix(3))")
        let dom = run.output
        let charts = ["forecast", "backtest", "coverage", "service", "gantt", "starts"]
        for chart in charts { #expect(!Self.chart(chart, in: dom).isEmpty, "no \(chart) chart") }

        // Forecast: a vertex per interval for the line, two for the band; the history's last two weeks.
        let forecast = try Self.csv(out.appendingPathComponent("forecast.csv"))
        let forecastChart = Self.chart("forecast", in: dom)
        #expect(Self.vertices(Self.path("forecast", in: forecastChart)) == forecast.rows.count)
        #expect(Self.vertices(Self.path("band", in: forecastChart)) == 2 * forecast.rows.count)
        let origin = forecast.rows[0][forecast.column("timestamp")]
        let history = try Self.csv(URL(fileURLWithPath: ToolRunner.fixture("history-sample.csv")))
        let twoWeeksBefore = Self.isoDay(origin, plusDays: -14)
        let shown = history.rows.filter { row in
            let time = row[history.column("timestamp")]
            return time >= twoWeeksBefore && time < origin
        }
        #expect(!shown.isEmpty)
        #expect(Self.vertices(Self.path("history", in: forecastChart)) == shown.count)

        // Backtest: a bar per model and fold with a WAPE, the chosen model marked once.
        let backtest = try Self.csv(out.appendingPathComponent("backtest.csv"))
        let backtestChart = Self.chart("backtest", in: dom)
        #expect(Self.count("<rect class=\"bar ", in: backtestChart) == backtest.rows.filter { !$0[backtest.column("wape")].isEmpty }.count)
        let chosen = Set(backtest.rows.filter { $0[backtest.column("chosen")] == "true" }.map { $0[backtest.column("model")] })
        #expect(chosen.count == 1)
        let chosenGroup = backtestChart.components(separatedBy: "<g class=\"model chosen\">")
        #expect(chosenGroup.count == 2)
        #expect(chosenGroup.last.map { $0.contains(">\(chosen.first ?? "")</text>") } == true)

        // Coverage: a step per interval, a shaded rectangle per short interval, a heat-map cell per projection.
        let coverage = try Self.csv(out.appendingPathComponent("coverage.csv"))
        let coverageChart = Self.chart("coverage", in: dom)
        #expect(Self.count("H", in: Self.path("required", in: coverageChart)) == coverage.rows.count)
        #expect(Self.count("H", in: Self.path("scheduled", in: coverageChart)) == coverage.rows.count)
        let short = coverage.rows.filter { Double($0[coverage.column("gap")])! < 0 }
        #expect(!short.isEmpty)
        #expect(Self.count("<rect class=\"short\"", in: coverageChart) == short.count)
        #expect(short.allSatisfy { !$0[coverage.column("cause")].isEmpty })
        #expect(Self.count("<rect class=\"cell\"", in: Self.chart("service", in: dom))
                == coverage.rows.filter { !$0[coverage.column("service_level")].isEmpty }.count)

        // Schedule: a row per agent (the first 50) with a bar per row of the Schedule file; a bar per start time.
        let schedule = try Self.csv(out.appendingPathComponent("schedule.csv"))
        var agents: [String] = []
        for row in schedule.rows where !agents.contains(row[0]) { agents.append(row[0]) }
        let first = Set(agents.prefix(50))
        let gantt = Self.chart("gantt", in: dom)
        #expect(Self.count("<g class=\"agent\">", in: gantt) == min(50, agents.count))
        // A bar per row within the horizon (the part of a Sunday night shift after the week is not drawn).
        let horizonStart = coverage.rows[0][coverage.column("timestamp")]
        let horizonEnd = Self.isoDay(coverage.rows[coverage.rows.count - 1][coverage.column("timestamp")], plusDays: 0, plusSeconds: 900)
        let drawn = schedule.rows.filter { row in
            first.contains(row[0]) && row[schedule.column("start")] < horizonEnd && row[schedule.column("end")] > horizonStart
        }
        #expect(drawn.count < schedule.rows.filter { first.contains($0[0]) }.count)
        #expect(Self.count("<rect class=\"segment ", in: gantt) == drawn.count)
        if agents.count > 50 { #expect(dom.contains("\(agents.count - 50) more agents")) }
        var shiftStarts: [String: String] = [:]
        for row in schedule.rows {
            let key = [row[0], row[schedule.column("date")], row[schedule.column("shift")]].joined(separator: "|")
            shiftStarts[key] = min(shiftStarts[key] ?? row[schedule.column("start")], row[schedule.column("start")])
        }
        let startTimes = Set(shiftStarts.values.map { String($0.dropFirst(11).prefix(5)) })
        #expect(Self.count("<rect class=\"bar\"", in: Self.chart("starts", in: dom)) == startTimes.count)

        // The table: a row per short interval.
        let table = Self.between("<table class=\"sortable\">", "</table>", in: dom)
        #expect(Self.count("<tr>", in: Self.between("<tbody>", "</tbody>", in: table)) == min(short.count, 2000))
    }

    /// The console check sees what it must: a page that logs an error and throws one is caught twice.
    @Test func theConsoleCheckCatchesAPageThatLogsOrThrows() throws {
        try #require(HeadlessChromium.isInstalled, "chromium is missing: bash Scripts/install-system-packages.sh installs it")
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("noisy.html")
        try "<!DOCTYPE html><html><body><script>console.error('boom'); undefinedFunction();</script></body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let run = try HeadlessChromium.load(page)
        #expect(run.console.count == 2, "\(run.console)")
        #expect(run.console.contains { $0.contains("boom") })
        #expect(run.console.contains { $0.contains("Uncaught ReferenceError") })
    }

    /// A click on a heading sorts the table by that column, by number: the page's script runs in the browser.
    @Test func aClickOnAHeadingSortsTheTable() throws {
        try #require(HeadlessChromium.isInstalled, "chromium is missing: bash Scripts/install-system-packages.sh installs it")
        let out = try Self.demo.get()
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        // Clicks "short by" twice (descending), after the page's own script has run.
        let click = "<script>var b=document.querySelectorAll('table.sortable th button')[3];b.click();b.click();</script></body>"
        let clicked = out.appendingPathComponent("clicked.html")
        try html.replacingOccurrences(of: "</body>", with: click).write(to: clicked, atomically: true, encoding: .utf8)
        let run = try HeadlessChromium.load(clicked)
        #expect(run.console.isEmpty, "console: \(run.console.prefix(3))")
        let body = Self.between("<tbody>", "</tbody>", in: Self.between("<table class=\"sortable\">", "</table>", in: run.output))
        let shortBy = body.components(separatedBy: "<tr>").dropFirst().map { row in
            Double(row.components(separatedBy: "data-sort=\"")[4].prefix { $0 != "\"" })!
        }
        #expect(shortBy.count > 10)
        #expect(shortBy == shortBy.sorted(by: >))
        #expect(shortBy.first != shortBy.last)
        #expect(run.output.contains("aria-sort=\"descending\""))
    }

    /// The page at 1280 px and on a phone's 390 px: the screenshot is drawn on, in many colours, where a blank
    /// page's is white (Tests/Reference/png_ink.py decodes the PNG with Python's standard library).
    @Test func screenshotsAtDesktopAndPhoneWidthsAreNotBlank() throws {
        try #require(HeadlessChromium.isInstalled, "chromium is missing: bash Scripts/install-system-packages.sh installs it")
        let out = try Self.demo.get()
        let blankPage = out.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blankPage, atomically: true, encoding: .utf8)
        let blank = try Self.ink(of: HeadlessChromium.load(blankPage, width: 390, height: 1200,
                                                           screenshot: out.appendingPathComponent("blank.png")),
                                 out.appendingPathComponent("blank.png"))
        #expect(blank.share < 0.001)
        for width in [1280, 390] {
            let shot = out.appendingPathComponent("report-\(width).png")
            let run = try HeadlessChromium.load(out.appendingPathComponent("report.html"), width: width, height: 1200, screenshot: shot)
            #expect(run.console.isEmpty, "console: \(run.console.prefix(3))")
            let ink = try Self.ink(of: run, shot)
            #expect(ink.share > 0.05, "\(width) px: \(ink.share) of the screenshot drawn")
            #expect(ink.colours > 50, "\(width) px: \(ink.colours) colours")
        }
    }

    /// The share of a screenshot's pixels that are not white, and its distinct colours.
    static func ink(of run: HeadlessChromium.Run, _ picture: URL) throws -> (share: Double, colours: Int) {
        let script = ToolRunner.packageRoot.appendingPathComponent("Tests/Reference/png_ink.py")
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, picture.path]
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Double(fields.first ?? "") ?? -1, Int(fields.last ?? "") ?? -1)
    }

    /// `shiftcast report` on the demo's folder, with the history, draws the page `demo` wrote, byte for byte.
    @Test func theReportCommandDrawsThePlansPageFromItsFolder() throws {
        let out = try Self.demo.get()
        let written = out.appendingPathComponent("again.html")
        let result = try ToolRunner.run(["report", "--folder", out.path, "--history", ToolRunner.fixture("history-sample.csv"),
                                         "-o", written.path])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let again = try String(contentsOf: written, encoding: .utf8)
        // The plan knew its band's level; the folder does not say it, so the legends' labels (and places) differ.
        func withoutLegends(_ page: String) -> String {
            page.replacingOccurrences(of: "80% prediction band", with: "prediction band")
                .components(separatedBy: "<g class=\"legend\">").enumerated()
                .map { $0 == 0 ? $1 : String($1[$1.range(of: "</g>")!.upperBound...]) }.joined()
        }
        #expect(withoutLegends(again) == withoutLegends(plan))
        #expect(again.count > 100_000)

        // With events: the occurrences in the two weeks of history and the forecast week are marked, not the others.
        let events = out.appendingPathComponent("events.csv")
        try """
            event,start,end
            promotion,2025-03-04,2025-03-05
            holiday,2025-02-20,2025-02-20
            long ago,2024-01-01,2024-01-02
            next month,2025-04-01,2025-04-01

            """.write(to: events, atomically: true, encoding: .utf8)
        let marked = try ToolRunner.run(["report", "--folder", out.path, "--history", ToolRunner.fixture("history-sample.csv"),
                                         "--events", events.path, "-o", "-"])
        #expect(marked.status == 0, "\(marked.standardError)")
        #expect(Self.count("<rect class=\"event\"", in: marked.standardOutput) == 2)
        #expect(marked.standardOutput.contains("event promotion: Tue 2025-03-04 00:00 to Thu 2025-03-06 00:00"))
        #expect(marked.standardOutput.contains("event holiday: Thu 2025-02-20 00:00 to Fri 2025-02-21 00:00"))
    }

    /// A folder that is not a plan exits 66 and a file that is not what the plan wrote exits 65 at its
    /// line and column; neither touches an existing page.
    @Test func aBadPlanFolderIsNamedAndTheExistingPageKept() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try "kept".write(to: page, atomically: true, encoding: .utf8)
        let missing = try ToolRunner.run(["report", "--folder", folder.path])
        #expect(missing.status == 66, "\(missing.standardError)")
        #expect(missing.standardError.contains("forecast.csv"))
        let out = try Self.demo.get()
        for name in ["forecast.csv", "schedule.csv", "backtest.csv", "plan.json"] {
            try FileManager.default.copyItem(at: out.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var coverage = try String(contentsOf: out.appendingPathComponent("coverage.csv"), encoding: .utf8)
        coverage = coverage.replacingOccurrences(of: "\n2025-03-03T00:15:00,9,", with: "\n2025-03-03T00:15:00,nine,")
        try coverage.write(to: folder.appendingPathComponent("coverage.csv"), atomically: true, encoding: .utf8)
        let bad = try ToolRunner.run(["report", "--folder", folder.path])
        #expect(bad.status == 65, "\(bad.standardError)")
        #expect(bad.standardError.contains("coverage.csv:3:2: required 'nine' is not a number"), "\(bad.standardError)")
        // Another plan's queue is refused, not left out of every chart.
        let queued = "queue," + coverage.replacingOccurrences(of: "nine", with: "9").replacingOccurrences(of: "\n2025-", with: "\nsales,2025-")
        try queued.write(to: folder.appendingPathComponent("coverage.csv"), atomically: true, encoding: .utf8)
        let other = try ToolRunner.run(["report", "--folder", folder.path])
        #expect(other.status == 65, "\(other.standardError)")
        #expect(other.standardError.contains("coverage.csv:2:1: queue 'sales' is not a queue of the plan's forecast, which has none"),
                "\(other.standardError)")
        #expect(try String(contentsOf: page, encoding: .utf8) == "kept")
    }

    // MARK: Reading the page and the files, independently of the product's code

    static func chart(_ name: String, in dom: String) -> String {
        between("data-chart=\"\(name)\"", "</svg>", in: dom)
    }

    static func between(_ start: String, _ end: String, in text: String) -> String {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return "" }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// The `d` of the first `<path class="NAME"`.
    static func path(_ name: String, in chart: String) -> String {
        between("\"", "\"", in: between("<path class=\"\(name)\"", ">", in: chart).components(separatedBy: " d=").dropFirst().first ?? "")
    }

    /// Points of an SVG path of `M` and `L` commands.
    static func vertices(_ path: String) -> Int { path.filter { $0 == "M" || $0 == "L" }.count }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// `YYYY-MM-DDTHH:MM:SS` moved by whole days and seconds.
    static func isoDay(_ timestamp: String, plusDays days: Int, plusSeconds seconds: Int = 0) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: formatter.date(from: timestamp)!.addingTimeInterval(Double(days * 86_400 + seconds)))
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
    }

    /// A CSV file with quoted fields (RFC 4180), read without the product's CSV code.
    static func csv(_ url: URL) throws -> Table {
        let text = Array(try String(contentsOf: url, encoding: .utf8))
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, index = 0
        while index < text.count {
            let character = text[index]
            index += 1
            if quoted {
                if character != "\"" { field.append(character) }
                else if index < text.count, text[index] == "\"" { field.append("\""); index += 1 }
                else { quoted = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n": row.append(field); field = ""; rows.append(row); row = []
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return Table(header: rows.first ?? [], rows: Array(rows.dropFirst()))
    }
}
