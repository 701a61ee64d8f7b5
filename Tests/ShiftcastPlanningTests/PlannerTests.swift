import Foundation
import ShiftcastIO
import ShiftcastPlanning
import Testing

/// The pipeline in memory (issue 9): the same results as the files, and errors that name what failed.
@Suite struct PlannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sampleRequest(families: [ShiftFamily]) -> PlanRequest {
        PlanRequest(forecast: ForecastRequest(horizon: .days(7)),
                    staffing: StaffingPolicy(method: .queueing(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85)),
                                             shrinkage: 0.3),
                    rules: ScheduleRules(families: families), cyclic: true)
    }

    @Test func aPlanInMemoryGivesTheGoldenPlansRequirementsAndSchedule() throws {
        // The history read from the sample file, then nothing but values: the requirements and the
        // schedule's objective are those `plan` wrote into Fixtures/golden/plan-sample.
        let fixtures = Self.root.appendingPathComponent("Fixtures")
        let histories = try VolumeFile.read(path: fixtures.appendingPathComponent("history-sample.csv").path).queueHistories()
        let shifts = try ShiftsFile.read(path: fixtures.appendingPathComponent("shifts-week.csv").path)
        let plan = try Planner.plan(histories, request: Self.sampleRequest(families: shifts.families))
        let golden = try String(contentsOf: fixtures.appendingPathComponent("golden/plan-sample/requirements.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let rows = plan.queues[0].requirements.rows
        #expect(rows.count == golden.count)
        #expect(rows.map { String($0.requirement.scheduledAgents) } == golden.map { String($0[4]) })
        let report = try String(contentsOf: fixtures.appendingPathComponent("golden/plan-sample/report.md"), encoding: .utf8)
        #expect(report.contains("objective: \(plan.schedules[0].result.objective.formatted(.number.grouping(.never)))"),
                "objective \(plan.schedules[0].result.objective)")
    }

    @Test func theProjectedServiceIsErlangCWithTheAgentsAtWorkAfterShrinkage() throws {
        // The sample plan (30% shrinkage, 80/20): an interval scheduled exactly as required keeps at least
        // the agents staffing needed, so it meets the target; every interval is Erlang C with
        // floor(at work x 0.7) agents; and the horizon's figure weights the intervals by their volume.
        let fixtures = Self.root.appendingPathComponent("Fixtures")
        let histories = try VolumeFile.read(path: fixtures.appendingPathComponent("history-sample.csv").path).queueHistories()
        let shifts = try ShiftsFile.read(path: fixtures.appendingPathComponent("shifts-week.csv").path)
        let plan = try Planner.plan(histories, request: Self.sampleRequest(families: shifts.families))
        let projection = try #require(plan.projections[0])
        let rows = plan.queues[0].requirements.rows
        #expect(projection.intervals.count == rows.count)
        let calculator = StaffingCalculator(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85))
        var offered = 0.0, inTime = 0.0
        for (interval, row) in zip(projection.intervals, rows) {
            #expect(interval.productive == Int((Double(interval.atWork) * 0.7 + 1e-9).rounded(.down)))
            let expected = try calculator.performance(of: row.requirement.workload, agents: interval.productive)
            #expect(interval.performance == expected)
            if interval.atWork == row.requirement.scheduledAgents, row.requirement.workload.volume > 0 {
                #expect(interval.performance.serviceLevel >= 0.8 - 1e-12, "\(interval.start)")
            }
            offered += row.requirement.workload.volume
            inTime += row.requirement.workload.volume * interval.performance.serviceLevel
        }
        #expect(abs(projection.serviceLevel - inTime / offered) < 1e-12)
        #expect(projection.summary.hasPrefix("projected service level: "))
        #expect(projection.days.count == 7)
    }

    @Test func aDailyHistoryIsRefusedBeforeAnythingIsForecast() throws {
        let rows = (0..<70).map { (start: Timestamp(secondsSinceEpoch: Int64($0) * 86_400), volume: 100.0, averageHandleTime: Double?(300)) }
        let daily = try HistorySeries(step: .days(1), clock: .naive, rows: rows, hasAverageHandleTime: true)
        let request = Self.sampleRequest(families: [])
        #expect { try Planner.plan([QueueHistory(name: "sales", history: daily)], request: request) } throws: { error in
            (error as? ShiftcastError)?.message.hasPrefix("the history of queue 'sales' has one interval a day") == true
        }
    }

    @Test func anIntervalThatCannotBeStaffedIsNamedByItsTime() throws {
        // No AHT in the history and none given: the first interval with calls cannot be staffed.
        let rows = (0..<(28 * 24)).map { hour -> (start: Timestamp, volume: Double, averageHandleTime: Double?) in
            let open = hour % 24 >= 8 && hour % 24 < 18
            return (Timestamp(secondsSinceEpoch: Int64(hour) * 3600), open ? 10 : 0, nil)
        }
        let history = try HistorySeries(step: .seconds(3600), clock: .naive, rows: rows, hasAverageHandleTime: false)
        let family = ShiftFamily(name: "day", earliestStart: 8 * 3600, latestStart: 8 * 3600, startStep: 3600,
                                 minimumLength: 10 * 3600, maximumLength: 10 * 3600, lengthStep: 3600)
        #expect { try Planner.plan([QueueHistory(history: history)], request: Self.sampleRequest(families: [family])) } throws: { error in
            (error as? ShiftcastError)?.message.hasPrefix("the forecast at 1970-01-29T08:00:00: has volume but no AHT") == true
        }
    }

    @Test func queuesWithDifferentIntervalsAreScheduledEachOnItsOwn() throws {
        // Queue a by the half hour, queue b by the hour: each requirement curve keeps its queue's interval.
        func history(step: Int64) throws -> HistorySeries {
            let rows = (0..<(28 * 86_400 / Int(step))).map { index -> (start: Timestamp, volume: Double, averageHandleTime: Double?) in
                let hour = Int64(index) * step % 86_400 / 3600
                return (Timestamp(secondsSinceEpoch: Int64(index) * step), hour >= 8 && hour < 16 ? 10 : 0, 300)
            }
            return try HistorySeries(step: .seconds(Int(step)), clock: .naive, rows: rows, hasAverageHandleTime: true)
        }
        let family = ShiftFamily(name: "day", earliestStart: 8 * 3600, latestStart: 8 * 3600, startStep: 3600,
                                 minimumLength: 8 * 3600, maximumLength: 8 * 3600, lengthStep: 3600)
        var request = Self.sampleRequest(families: [family])
        request.cyclic = false
        let plan = try Planner.plan([QueueHistory(name: "a", history: history(step: 1800)), QueueHistory(name: "b", history: history(step: 3600))],
                                    request: request)
        #expect(plan.queues.map(\.curve.slotSeconds) == [1800, 3600])
        #expect(plan.queues.map(\.curve.count) == [7 * 48, 7 * 24])
    }
}
