extension PlanReport {
    /// The figures at the top of the page, label and value: contacts forecast, each queue's model with the
    /// mean WAPE of its folds, the service target, peak agents required, agents with a shift, the share of
    /// required agent-hours covered, short intervals, and the projected service level weighted by the
    /// forecast's contacts with the intervals below target.
    /// - Complexity: O(intervals + agents).
    public var summary: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        func hours(_ queue: Queue, _ value: (CoveragePoint) -> Double) -> Double {
            queue.coverage.reduce(0) { $0 + value($1) } * Double(queue.intervalSeconds) / 3600
        }
        let required = queues.reduce(0) { $0 + hours($1) { $0.required } }
        let short = queues.reduce(0) { $0 + hours($1) { $0.shortBy } }
        lines.append(("contacts forecast", ChartFrame.grouped(queues.reduce(0) { $0 + $1.forecast.reduce(0) { $0 + $1.volume } })))
        for queue in queues {
            guard let model = queue.backtests.first(where: \.chosen) else { continue }
            let folds = model.folds.compactMap(\.wape).count
            lines.append(("forecasting model" + (queue.name.map { " (\($0))" } ?? ""),
                          model.model + (model.meanWAPE.map { ", mean WAPE of its \(folds) backtest folds \(ChartFrame.percent($0))" } ?? "")))
        }
        if let target = serviceLevelTarget {
            lines.append(("service target", ChartFrame.percent(target) + " of contacts answered"
                + (answerWithin.map { " within \(ChartFrame.grouped($0)) s" } ?? "")))
        }
        let peak = queues.flatMap { $0.coverage.map(\.required) }.max() ?? 0
        lines.append(("peak agents required", ChartFrame.grouped(peak, decimals: peak == peak.rounded() ? 0 : 1)))
        let shifts = agents.reduce(0) { $0 + $1.shiftStarts.count }
        lines.append(("agents with a shift", "\(ChartFrame.grouped(Double(agents.count))) (\(ChartFrame.grouped(Double(shifts))) shifts)"))
        lines.append(("required agent-hours covered", required > 0 ? ChartFrame.percent(1 - short / required) : "-"))
        let shortIntervals = queues.reduce(0) { $0 + $1.coverage.filter { $0.shortBy > 0 }.count }
        lines.append(("short intervals", "\(ChartFrame.grouped(Double(shortIntervals))) (\(ChartFrame.grouped(short)) agent-hours short)"))
        if let projected = projectedServiceLevel {
            lines.append(("projected service level", ChartFrame.percent(projected.level) + " of contacts forecast"
                + (serviceLevelTarget == nil ? "" : "; \(projected.below) of \(projected.intervals) intervals below target")))
        }
        return lines
    }

    /// The projected service level over the horizon, weighted by the forecast's contacts, with the count of
    /// intervals projected and of those below the target; `nil` without a projection or contacts.
    private var projectedServiceLevel: (level: Double, intervals: Int, below: Int)? {
        var weighted = 0.0, weight = 0.0, below = 0, projected = 0
        for queue in queues {
            var contacts: [Int64: Double] = [:]
            for point in queue.forecast { contacts[point.start.secondsSinceEpoch, default: 0] += point.volume }
            for point in queue.coverage {
                guard let level = point.serviceLevel else { continue }
                let volume = contacts[point.start.secondsSinceEpoch] ?? 0
                projected += 1
                weighted += level * volume
                weight += volume
                if let target = serviceLevelTarget, level < target - 1e-9 { below += 1 }
            }
        }
        return weight > 0 ? (weighted / weight, projected, below) : nil
    }
}
