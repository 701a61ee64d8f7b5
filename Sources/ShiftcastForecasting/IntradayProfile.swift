/// The share of a day's volume in each interval, by weekday, from a longer window than the level.
///
/// FORECASTING.md: a day's total moves with trend, season and events while its intraday shape is stable,
/// so the shape is best estimated over many weeks. A weekday's profile is the sum over the window of
/// each slot's volume divided by the sum of the same days' totals (days with a missing interval are
/// left out); a weekday with no complete day in the window falls back to the all-days profile.
public struct IntradayProfile: Sendable {
    /// `shares[(weekday - 1) * slotsPerDay + slot]`; each weekday's shares sum to 1 (or are all 0).
    public var shares: [Double]
    public let slotsPerDay: Int

    /// - Parameter weeks: how many weeks before the origin to average over.
    /// - Complexity: O(weeks x 7 x slotsPerDay).
    public init(input: ModelInput, weeks: Int) {
        let slots = input.slotsPerDay
        slotsPerDay = slots
        var sums = [Double](repeating: 0, count: 7 * slots)
        var all = [Double](repeating: 0, count: slots)
        let lastFullDay = input.origin / slots - 1
        let firstDay = max(0, lastFullDay - 7 * weeks + 1)
        if lastFullDay >= firstDay {
            for day in firstDay...lastFullDay {
                let base = day * slots
                var complete = true
                for slot in 0..<slots where input.values[base + slot].isNaN { complete = false; break }
                guard complete else { continue }
                let weekday = input.weekday(at: base)
                for slot in 0..<slots {
                    sums[(weekday - 1) * slots + slot] += input.values[base + slot]
                    all[slot] += input.values[base + slot]
                }
            }
        }
        let allTotal = all.reduce(0, +)
        for weekday in 0..<7 {
            let range = (weekday * slots)..<((weekday + 1) * slots)
            let total = sums[range].reduce(0, +)
            for index in range {
                sums[index] = total > 0 ? sums[index] / total : (allTotal > 0 ? all[index - weekday * slots] / allTotal : 1 / Double(slots))
            }
        }
        shares = sums
    }

    public func share(weekday: Int, slot: Int) -> Double {
        shares[(weekday - 1) * slotsPerDay + slot]
    }
}
