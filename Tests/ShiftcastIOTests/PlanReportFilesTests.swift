import ShiftcastCore
import ShiftcastForecasting
import ShiftcastIO
import ShiftcastReport
import Testing

/// The page's values read from a plan folder's files in memory: shifts told apart without date or shift
/// columns, folds kept by their number, a forecast without a band drawn without one, another plan's
/// queue refused at its row.
@Suite struct PlanReportFilesTests {
    static let forecast = """
        timestamp,volume,aht
        2025-03-03T08:00:00,20,240
        2025-03-03T08:30:00,25,240
        2025-03-03T09:00:00,30,240
        2025-03-03T09:30:00,28,240

        """
    static let coverage = """
        timestamp,required,scheduled,gap,cause
        2025-03-03T08:00:00,2,2,0,
        2025-03-03T08:30:00,3,1,-2,no shift reaches it
        2025-03-03T09:00:00,1,1,0,
        2025-03-03T09:30:00,1,1,0,

        """
    /// ann: one shift with a break in it, then a second after a gap; no date or shift columns.
    static let schedule = """
        agent,activity,start,end
        ann,work,2025-03-03T08:00:00,2025-03-03T08:30:00
        ann,break,2025-03-03T08:30:00,2025-03-03T08:45:00
        ann,work,2025-03-03T08:45:00,2025-03-03T09:00:00
        ann,work,2025-03-03T09:30:00,2025-03-03T10:00:00

        """
    static let backtest = """
        model,fold,origin,wape,chosen
        harmonic,3,2025-02-17,0.3,true
        harmonic,1,2025-02-03,0.1,true

        """

    static func report(coverage: String = coverage, backtest: String = backtest) throws -> PlanReport {
        try PlanReportFiles(folder: "plan", files: [("forecast.csv", Array(forecast.utf8)), ("coverage.csv", Array(coverage.utf8)),
                                                    ("schedule.csv", Array(schedule.utf8)), ("backtest.csv", Array(backtest.utf8))])
            .report(history: nil, calendar: EventCalendar(), clock: .naive)
    }

    @Test func theFolderReadsIntoThePagesValues() throws {
        let report = try Self.report()
        #expect(report.agents.map(\.name) == ["ann"])
        #expect(report.agents[0].activities.count == 4)
        #expect(report.agents[0].shiftStarts.map { $0.formatted() } == ["2025-03-03T08:00:00", "2025-03-03T09:30:00"])
        let model = try #require(report.queues.first?.backtests.first)
        #expect(model.folds.map(\.number) == [1, 3])
        #expect(model.meanWAPE.map { abs($0 - 0.2) < 1e-12 } == true)
        let queue = try #require(report.queues.first)
        #expect(queue.intervalSeconds == 1800)
        #expect(queue.coverage.map(\.cause) == [nil, "no shift reaches it", nil, nil])
        #expect(queue.forecast.allSatisfy { $0.lower == nil && $0.upper == nil })
        let page = report.html(level: nil)
        #expect(!page.contains("class=\"band\""))
        #expect(page.contains("fold 1 (from 2025-02-03)"))
        #expect(page.contains("fold 3 (from 2025-02-17)"))
    }

    @Test func aRowOfAnotherPlansQueueIsRefusedAtTheRow() throws {
        let queued = "queue," + Self.backtest.replacingOccurrences(of: "\nharmonic", with: "\nsales,harmonic")
        do {
            _ = try Self.report(backtest: queued)
            Issue.record("accepted a queue the forecast does not have")
        } catch let error as ShiftcastError {
            #expect(error.file == "plan/backtest.csv" && error.line == 2 && error.column == 1, "\(error)")
            #expect(error.message.contains("queue 'sales' is not a queue of the plan's forecast"), "\(error)")
        }
    }
}
