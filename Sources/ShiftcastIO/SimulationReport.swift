import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastStaffing

/// What `shiftcast simulate` writes: the Simulation file (SPEC section 3) per interval, as CSV, JSON or
/// a table of days, and a summary for the whole horizon and each day.
///
/// Each figure is the mean over the replications with the bounds of its 95% interval (`_low`, `_high`).
/// JSON has `service_level`, `asa`, `abandon_rate`, `occupancy` and `paid_hours` for the whole horizon
/// at its top level, then `days` and `intervals`.
public struct SimulationReport: Sendable {
    public let result: SimulationResult
    /// The intervals' grid (their start times and clock).
    public let grid: TimeGrid
    /// Each day's date and the intervals that start on it: the grid's days, which are the result's
    /// ``SimulationResult/spans``, in order.
    public var days: [(date: String, range: Range<Int>)] { grid.days }
    /// Hours the schedule pays in the horizon, and in each of ``days``.
    public let paidHours: Double
    public let dayPaidHours: [Double]
    public let answerWithin: Double

    /// - Parameters:
    ///   - result: simulated with the grid's days as spans (`TimeGrid.days`).
    ///   - paid: the time the schedule pays (shifts but their unpaid breaks), counted where it falls: a
    ///     day has what falls on it, the first day also what began before the horizon and the last also
    ///     what runs past its end (a shift is paid whole), so the days add up to the horizon.
    public init(result: SimulationResult, grid: TimeGrid, paid: [Range<Timestamp>], answerWithin: Double) {
        self.result = result
        self.grid = grid
        // Only what overlaps the horizon: another week's shifts in the same file are not this one's.
        let start = grid.timestamp(at: 0), end = grid.timestamp(at: grid.count)
        let paid = paid.filter { $0.upperBound > start && $0.lowerBound < end }
        let far = Int64(1) << 52
        func hours(_ intervals: Range<Int>) -> Double {
            let from = intervals.lowerBound == 0 ? Timestamp(secondsSinceEpoch: -far) : grid.timestamp(at: intervals.lowerBound)
            let to = intervals.upperBound >= grid.count ? Timestamp(secondsSinceEpoch: far) : grid.timestamp(at: intervals.upperBound)
            return paid.reduce(0) { total, span in
                let start = max(span.lowerBound, from), end = min(span.upperBound, to)
                return start < end ? total + Double(start.seconds(to: end)) / 3600 : total
            }
        }
        paidHours = hours(0..<grid.count)
        dayPaidHours = grid.days.map { hours($0.range) }
        self.answerWithin = answerWithin
    }

    private static let figures: [(name: String, value: @Sendable (SimulationResult.Figures) -> SimulationResult.Estimate)] = [
        ("volume", \.volume), ("service_level", \.serviceLevel), ("asa", \.averageSpeedOfAnswer),
        ("abandon_rate", \.abandonRate), ("occupancy", \.occupancy),
    ]

    public func rendered(as format: ReportFormat) -> [UInt8] {
        switch format {
        case .csv: csvBytes()
        case .json: Array(json.utf8)
        case .table: Array(table.utf8)
        }
    }

    /// The Simulation file: `timestamp`, `volume`, `agents`, `service_level`, `asa`, `abandon_rate`,
    /// `occupancy`, each but `agents` followed by its `_low` and `_high` bounds.
    public func csvBytes() -> [UInt8] {
        var header = ["timestamp"]
        for (name, _) in Self.figures {
            header += [name, name + "_low", name + "_high"]
            if name == "volume" { header.append("agents") }
        }
        var writer = CSVWriter(header: header, capacity: result.intervals.count * 160)
        for (index, interval) in result.intervals.enumerated() {
            writer.append(field: grid.clock.format(grid.timestamp(at: index)))
            for (name, value) in Self.figures {
                let estimate = value(interval)
                for number in [estimate.mean, estimate.low, estimate.high] { writer.append(field: number, decimals: 6) }
                if name == "volume" { writer.append(field: interval.agents, decimals: 3) }
            }
            writer.endRow()
        }
        return writer.bytes
    }

    private var json: String {
        func estimate(_ value: SimulationResult.Estimate) -> String {
            "{\"mean\": \(ErlangReport.number(value.mean)), \"low\": \(ErlangReport.number(value.low)), \"high\": \(ErlangReport.number(value.high))}"
        }
        func figures(_ figures: SimulationResult.Figures, indent: String) -> String {
            var parts = Self.figures.map { "\(indent)\"\($0.name)\": \(estimate($0.value(figures)))" }
            parts.insert("\(indent)\"agents\": \(ErlangReport.number(figures.agents))", at: 1)
            return parts.joined(separator: ",\n")
        }
        let total = result.total
        var lines = ["{"]
        lines.append("  \"service_level\": \(ErlangReport.number(total.serviceLevel.mean)),")
        lines.append("  \"asa\": \(ErlangReport.number(total.averageSpeedOfAnswer.mean)),")
        lines.append("  \"abandon_rate\": \(ErlangReport.number(total.abandonRate.mean)),")
        lines.append("  \"occupancy\": \(ErlangReport.number(total.occupancy.mean)),")
        lines.append("  \"paid_hours\": \(ErlangReport.number(paidHours)),")
        lines.append("  \"answer_within\": \(ErlangReport.number(answerWithin)),")
        lines.append("  \"replications\": \(result.replications),")
        lines.append("  \"total\": {\n" + figures(total, indent: "    ") + "\n  },")
        let dayObjects = zip(zip(days, result.spans), dayPaidHours).map { pair, paid in
            "    {\n      \"date\": \"\(pair.0.date)\",\n      \"paid_hours\": \(ErlangReport.number(paid)),\n"
                + figures(pair.1, indent: "      ") + "\n    }"
        }
        lines.append("  \"days\": [\n" + dayObjects.joined(separator: ",\n") + "\n  ],")
        let intervals = result.intervals.enumerated().map { index, interval in
            "    {\n      \"timestamp\": \"\(grid.clock.format(grid.timestamp(at: index)))\",\n" + figures(interval, indent: "      ") + "\n    }"
        }
        lines.append("  \"intervals\": [\n" + intervals.joined(separator: ",\n") + "\n  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per day and one for the horizon.
    private var table: String {
        let rows = zip(days, result.spans).map { ($0.date, $1) } + [("horizon", result.total)]
        let header = "day          volume  service level (95% interval)   ASA      abandoned  occupancy"
        return ([header] + rows.map { name, figures in Self.line(name, figures) }).joined(separator: "\n") + "\n"
    }

    private static func line(_ name: String, _ figures: SimulationResult.Figures) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        let level = figures.serviceLevel
        return pad(name, 11) + pad(ErlangReport.fixed(figures.volume.mean, 0), 8)
            + pad(ErlangReport.percent(level.mean) + " (" + ErlangReport.percent(level.low) + " to " + ErlangReport.percent(level.high) + ")", 31)
            + pad(ErlangReport.fixed(figures.averageSpeedOfAnswer.mean, 1) + " s", 9)
            + pad(ErlangReport.percent(figures.abandonRate.mean), 11) + ErlangReport.percent(figures.occupancy.mean)
    }

    /// For standard error: the horizon, then each day.
    public var summary: String {
        let total = result.total
        var lines = ["simulated \(result.replications) replications: service level \(ErlangReport.percent(total.serviceLevel.mean)) within "
            + "\(TimeSpan.spelling(seconds: answerWithin)) (95% interval \(ErlangReport.percent(total.serviceLevel.low)) to "
            + "\(ErlangReport.percent(total.serviceLevel.high))), ASA \(ErlangReport.fixed(total.averageSpeedOfAnswer.mean, 1)) s, "
            + "abandoned \(ErlangReport.percent(total.abandonRate.mean)), occupancy \(ErlangReport.percent(total.occupancy.mean)), "
            + "paid hours \(ErlangReport.fixed(paidHours, 1))"]
        for ((day, figures), paid) in zip(zip(days, result.spans), dayPaidHours) {
            lines.append("  \(day.date): service level \(ErlangReport.percent(figures.serviceLevel.mean)), ASA "
                + "\(ErlangReport.fixed(figures.averageSpeedOfAnswer.mean, 1)) s, abandoned \(ErlangReport.percent(figures.abandonRate.mean)), "
                + "occupancy \(ErlangReport.percent(figures.occupancy.mean)), paid hours \(ErlangReport.fixed(paid, 1))")
        }
        return lines.joined(separator: "\n")
    }
}

extension SimulationReport {
    /// Simulates one queue of a volumes file against the work of a Schedule file.
    ///
    /// - Parameters:
    ///   - averageHandleTime: seconds for every interval, replacing the file's `aht`; `nil` uses it.
    ///   - cyclic: whether the schedule repeats with the horizon (``SimulationInput/init(volumes:averageHandleTime:work:cyclic:)``).
    ///   - unpaid: activities of the Schedule file that are not paid (from a Breaks file).
    /// - Throws: `ShiftcastError` located in the file at fault: a gap in the volumes, an interval with
    ///   volume and no AHT, two overlapping rows of an agent; a schedule that does not meet the volumes'
    ///   horizon; settings out of range.
    public init(volumes: VolumeFile, queue: VolumeFile.Queue, work: ScheduleFile.Work, averageHandleTime: Double?,
                cyclic: Bool = false, unpaid: Set<String>, settings: SimulationSettings) throws {
        let intervals = queue.forecastIntervals
        let input: SimulationInput
        do {
            input = try SimulationInput(volumes: intervals, averageHandleTime: averageHandleTime, work: work.agents, cyclic: cyclic)
        } catch let problem as InputProblem {
            if problem.input == .schedule, let agent = problem.item {
                throw problem.located(file: work.name, lines: [work.lines[agent].first ?? 0])
            }
            throw problem.located(file: volumes.name, lines: queue.intervals.map(\.line))
        } catch var error as ShiftcastError where error.file == nil {
            error.file = work.name
            throw error
        }
        let result = try ServiceSimulation.run(input, settings: settings, spans: queue.grid.days.map(\.range))
        self.init(result: result, grid: queue.grid, paid: work.rows.filter { !unpaid.contains($0.activity) }.map(\.span),
                  answerWithin: settings.answerWithin)
    }
}
