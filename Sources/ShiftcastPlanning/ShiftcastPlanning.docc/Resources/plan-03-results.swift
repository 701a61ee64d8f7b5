import Foundation
import ShiftcastPlanning

// Eight weeks of half-hourly calls, busiest mid-morning, quiet at weekends, with a 5-minute AHT.
let start = Timestamp(secondsSinceEpoch: 1_735_776_000)  // Monday 2025-01-06 00:00 UTC
let rows = (0..<(56 * 48)).map { index -> (start: Timestamp, volume: Double, averageHandleTime: Double?) in
    let hour = Double(index % 48) / 2, weekend = (index / 48) % 7 >= 5
    let calls = hour < 8 || hour >= 20 ? 0 : (weekend ? 20 : 60) * (1 + sin((hour - 8) / 12 * .pi))
    return (start.adding(seconds: Int64(index) * 1800), calls.rounded(), 300)
}
let history = try HistorySeries(step: .seconds(1800), clock: .naive, rows: rows, hasAverageHandleTime: true)

// Forecast a week, staff it for 80% of calls answered within 20 s (Erlang C, 30% shrinkage), and cover
// it with 8-hour shifts starting on the half hour between 07:00 and 12:00.
let request = PlanRequest(
    forecast: ForecastRequest(horizon: .days(7)),
    staffing: StaffingPolicy(method: .queueing(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20)),
                             shrinkage: 0.3),
    rules: ScheduleRules(families: [ShiftFamily(name: "day", earliestStart: 7 * 3600, latestStart: 12 * 3600, startStep: 1800,
                                                minimumLength: 8 * 3600, maximumLength: 8 * 3600, lengthStep: 1800)]),
    schedule: .init(timeLimit: 10))
let plan = try Planner.plan([QueueHistory(history: history)], request: request)

let queue = plan.queues[0]
let contacts = queue.forecast.volume.reduce(0, +)
print("forecast with \(queue.forecast.model): \(Int(contacts)) contacts over the week")
print("peak requirement: \(queue.requirements.rows.map(\.requirement.scheduledAgents).max() ?? 0) agents")
print(plan.schedules[0].summary(lines: 3))
