import ShiftcastCore

/// Rows that bound the shift mix by what the named agents can work, added to the shift-mix program when
/// an Agents file is given.
///
/// Each row sums over the agents a limit every one of them keeps in any schedule that obeys the contracts,
/// so every such schedule's mix satisfies the rows, and the program's linear relaxation stays a lower bound
/// on the best schedule of named agents (it only drops the rules that tie one agent's shifts together:
/// rest, the days of each agent, minimum hours). The rows, for every day `d`, week `w` and family `f`:
///
///     sum_{s starts on d} x_s            <= agents available on d who may work some family
///     sum_{s of f starts on d} x_s       <= agents available on d who may work f
///     sum_{s starts in w} x_s            <= sum_a min(max_days_per_week_a, days a is available in w)
///     sum_{s starts in w} paid_s x_s     <= sum_a min(max_week_hours_a, those days x a's longest paid shift)
///     sum_{s of f starts in w} paid_s x_s <= the same sum over the agents who may work f
///
/// since an agent starts at most one shift a day, only on days they are available, only of families they
/// may work, and at most their weekly days and hours. (This is the aggregate "labour availability"
/// constraint of tour scheduling, e.g. Bailey 1985 and Burns and Carter 1985, written per day and week.)
struct AgentCapacity {
    /// Bounds of the rows, in order.
    var upperBounds: [Double] = []
    /// For each candidate, its (row, coefficient) entries; rows count from 0 within these rows.
    var entries: [[(Int, Double)]]

    /// - Parameter paid: paid seconds of each candidate (length less unpaid breaks).
    /// - Complexity: O(candidates x (1 + families) + agents x days x families).
    init(contracts: [AgentContract], families: [ShiftFamily], candidates: [ShiftCandidate], paid: [Int], horizon: AgentHorizon) {
        entries = Array(repeating: [], count: candidates.count)
        guard !contracts.isEmpty else { return }
        let dayCount = horizon.dayCount, weekCount = horizon.weekCount
        let workable = contracts.map { contract in families.indices.filter { contract.mayWork(families[$0]) } }
        // Longest paid shift each agent may work.
        var longestPaidOfFamily = [Int](repeating: 0, count: families.count)
        for (index, candidate) in candidates.enumerated() {
            longestPaidOfFamily[candidate.family] = max(longestPaidOfFamily[candidate.family], paid[index])
        }
        var available = [[Bool]]()
        for contract in contracts { available.append((0..<dayCount).map { horizon.isAvailable(contract, day: $0) }) }
        // Per agent and week: the most days and the most paid seconds they can work.
        var agentDays = [[Double]](repeating: [Double](repeating: 0, count: weekCount), count: contracts.count)
        var agentHours = agentDays
        for (agent, contract) in contracts.enumerated() where !workable[agent].isEmpty {
            let longest = workable[agent].map { longestPaidOfFamily[$0] }.max() ?? 0
            for week in 0..<weekCount {
                let days = (week * 7..<min(dayCount, week * 7 + 7)).filter { available[agent][$0] }.count
                let usable = min(contract.maximumDaysPerWeek, days)
                agentDays[agent][week] = Double(usable)
                agentHours[agent][week] = Double(min(contract.maximumWeekSeconds, usable * longest)) / 3600
            }
        }
        func addRow(_ bound: Double) -> Int {
            upperBounds.append(bound)
            return upperBounds.count - 1
        }
        let restricted = contracts.contains { $0.allowedFamilies != nil }
        var dayRow = [Int](), dayFamilyRow = [[Int?]](), weekShiftRow = [Int](), weekHourRow = [Int](), weekFamilyHourRow = [[Int?]]()
        for day in 0..<dayCount {
            let anyone = contracts.indices.filter { available[$0][day] && !workable[$0].isEmpty && contracts[$0].maximumDaysPerWeek > 0 }
            dayRow.append(addRow(Double(anyone.count)))
            dayFamilyRow.append(families.indices.map { family in
                let count = anyone.filter { workable[$0].contains(family) }.count
                return restricted && count < anyone.count ? addRow(Double(count)) : nil
            })
        }
        for week in 0..<weekCount {
            weekShiftRow.append(addRow(agentDays.reduce(0) { $0 + $1[week] }))
            weekHourRow.append(addRow(agentHours.reduce(0) { $0 + $1[week] }))
            weekFamilyHourRow.append(families.indices.map { family in
                guard restricted else { return nil }
                return addRow(contracts.indices.filter { workable[$0].contains(family) }.reduce(0) { $0 + agentHours[$1][week] })
            })
        }
        for (index, candidate) in candidates.enumerated() {
            let day = horizon.day(of: candidate)
            guard day >= 0, day < dayCount else { continue }
            let week = horizon.week(ofDay: day)
            let hours = Double(paid[index]) / 3600
            var list: [(Int, Double)] = [(dayRow[day], 1), (weekShiftRow[week], 1), (weekHourRow[week], hours)]
            if let row = dayFamilyRow[day][candidate.family] { list.append((row, 1)) }
            if let row = weekFamilyHourRow[week][candidate.family] { list.append((row, hours)) }
            entries[index] = list
        }
    }
}
