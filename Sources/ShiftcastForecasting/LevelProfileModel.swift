/// Level times shape: daily totals forecast by damped additive Holt-Winters with a weekly season, spread
/// over the day by the intraday profile of the weekday (``IntradayProfile``, from `profileWeeks` weeks).
///
/// Sources: Hyndman and Athanasopoulos (FPP3, section 8.3) for the smoothing of daily totals; the
/// separation of level and shape of practice and of Ibrahim et al. (2016). When the origin falls inside
/// a day, the rest of that day is scaled by how busy the day has been so far against its profile, with
/// a weight equal to the share of the day already seen (Shen and Huang 2008: the day's own arrivals say
/// most about its remainder). Assumes a stable weekday shape; wins when the level drifts (trend, season)
/// faster than a weekly average can follow.
public struct LevelProfileModel: ForecastModel {
    public let profileWeeks: Int

    public init(profileWeeks: Int = 8) { self.profileWeeks = profileWeeks }

    public var name: String { "level-profile" }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int { 21 }

    /// - Complexity: O(origin + horizon) for the smoothing grid, O(profileWeeks x 7 x slotsPerDay) for shapes.
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let slots = input.slotsPerDay
        let fullDays = input.origin / slots
        var totals = [Double](repeating: .nan, count: fullDays)
        for day in 0..<fullDays {
            var total = 0.0
            for slot in 0..<slots {
                let value = input.values[day * slots + slot]
                if value.isNaN { total = .nan; break }
                total += value
            }
            totals[day] = total
        }
        let lastPosition = input.origin + horizon - 1
        let daysAhead = lastPosition / slots - fullDays + 1
        let smoother = DampedHoltWinters.fitted(to: totals, period: 7)
        // Day 0 of `totals` is day 0 of the input: the season index lines up with weekdays.
        let dayTotals = smoother.run(totals, horizon: daysAhead).forecast.map { max($0, 0) }
        let profile = IntradayProfile(input: input, weeks: profileWeeks)

        // Intraday re-forecast of the day the origin falls in.
        var partialScale = 1.0
        let originSlot = input.origin % slots
        if originSlot > 0, !dayTotals.isEmpty {
            let weekday = input.weekday(at: input.origin)
            var seen = 0.0, expectedShare = 0.0
            for slot in 0..<originSlot {
                let value = input.values[fullDays * slots + slot]
                guard !value.isNaN else { continue }
                seen += value
                expectedShare += profile.share(weekday: weekday, slot: slot)
            }
            let expected = expectedShare * dayTotals[0]
            if expected > 0 {
                let weight = min(expectedShare, 1)
                partialScale = 1 + weight * (seen / expected - 1)
            }
        }
        return (0..<horizon).map { offset in
            let position = input.origin + offset
            let day = position / slots
            let scale = day == fullDays ? partialScale : 1
            return dayTotals[day - fullDays] * profile.share(weekday: input.weekday(at: position), slot: position % slots) * scale
        }
    }
}
