/// How an event kind changes the shape of the day: for interval data, a multiplier of the normal
/// intraday share of each hour on the days of its occurrences (an eve that closes at 14:00: the afternoon
/// near 0, the morning above 1), learned from past occurrences and shrunk toward no change.
///
/// SPEC (Events): an event kind's effect has "its shape over the days and hours around it". The day's
/// total comes from ``EventEffects``; this type only moves volume between the hours of the day, so the
/// two never count the same thing twice. Method: for each past occurrence day with contacts (a day a
/// kind shares with another kind is left out), the normal shares of its weekday are those of the same
/// weekday's non-event days in the four weeks before the occurrence; over the occurrences, the hour's
/// ratio is its contacts over the contacts the normal shares give the same day totals. Shrinkage as for
/// day effects, `n / (n + 1)` over `n` occurrences, times `E / (E + 25)` for `E` the expected contacts
/// behind the hour (Poisson noise on a ratio of `E` expected contacts has variance `1 / E`; 25 is the
/// inverse of a prior variance of 0.2 squared for real shape changes, so an hour with 25 expected contacts
/// counts for half). A kind never seen gets its family's pooled shape where ``EventEffects`` pooled its
/// day effect. Daily data has no shape.
public struct EventIntradayShapes: Sendable {
    /// Multiplier of the normal share of each slot of the day, by kind (hourly blocks repeated over
    /// their slots); kinds without interval data or without a past day with contacts have none.
    public var shapes: [String: [Double]]
    /// For kinds whose shape is borrowed from their family: how many days of an occurrence it covers
    /// (as far as the family's occurrences reached, like the borrowed day effect).
    public var borrowedDays: [String: Int]

    /// Expected contacts at which an hour's ratio counts for half.
    static let priorContacts = 25.0

    /// Learns from `history` positions before `origin`.
    /// - Complexity: O(days x slotsPerDay) for the baselines of the occurrences' days.
    public init(calendar: EventCalendar, history: HistorySeries, origin: Int, effects: EventEffects) {
        shapes = [:]
        borrowedDays = [:]
        let slots = history.slotsPerDay
        guard slots > 1 else { return }
        let block = max(1, slots / 24)
        let blocks = (slots + block - 1) / block
        let originDay = origin / slots
        let eventDays = calendar.eventDays(in: history)
        var kindsOnDay: [Int: Set<String>] = [:]
        for occurrence in calendar.occurrences {
            for day in occurrence.days { kindsOnDay[Int(day - history.firstDay), default: []].insert(occurrence.kind) }
        }
        func complete(_ day: Int) -> Bool {
            day >= 0 && day < originDay && !(0..<slots).contains { history.volume[day * slots + $0].isNaN }
        }
        typealias Sums = (actual: [Double], expected: [Double], occurrences: Int)
        var sums: [String: Sums] = [:]
        for occurrence in calendar.occurrences {
            let first = Int(occurrence.days.lowerBound - history.firstDay)
            let last = Int(occurrence.days.upperBound - history.firstDay)
            guard first >= 0, last < originDay else { continue }
            var entry = sums[occurrence.kind] ?? ([Double](repeating: 0, count: blocks), [Double](repeating: 0, count: blocks), 0)
            var used = false
            for day in first...last where complete(day) && kindsOnDay[day, default: []].count == 1 {
                let dayTotal = (0..<slots).reduce(0.0) { $0 + history.volume[day * slots + $1] }
                guard dayTotal > 0 else { continue }
                // The normal shares of this weekday: its non-event days in the four weeks before.
                var normal = [Double](repeating: 0, count: blocks)
                var other = day - 7 * ((day - first) / 7 + 1)
                var weeks = 0
                while other >= 0, weeks < 4, other > first - 8 * 7 {
                    if !eventDays[other], complete(other) {
                        for slot in 0..<slots { normal[slot / block] += history.volume[other * slots + slot] }
                        weeks += 1
                    }
                    other -= 7
                }
                let normalTotal = normal.reduce(0, +)
                guard normalTotal > 0 else { continue }
                for slot in 0..<slots { entry.actual[slot / block] += history.volume[day * slots + slot] }
                for index in 0..<blocks { entry.expected[index] += dayTotal * normal[index] / normalTotal }
                used = true
            }
            if used { entry.occurrences += 1 }
            sums[occurrence.kind] = entry
        }
        func shape(_ entry: Sums) -> [Double]? {
            guard entry.occurrences > 0 else { return nil }
            let n = Double(entry.occurrences)
            var values = [Double](repeating: 1, count: slots)
            for index in 0..<blocks where entry.expected[index] > 0 {
                let expected = entry.expected[index]
                let weight = n / (n + 1) * expected / (expected + Self.priorContacts)
                let value = 1 + weight * (entry.actual[index] / expected - 1)
                for slot in (index * block)..<min(slots, (index + 1) * block) { values[slot] = value }
            }
            return values
        }
        for (kind, entry) in sums { if let values = shape(entry) { shapes[kind] = values } }
        // Kinds never seen borrow the pooled shape of the family whose day effect they borrowed.
        for kind in effects.pooledEffects.keys.sorted() {
            guard let family = effects.families[kind] else { continue }
            var pooled: Sums = ([Double](repeating: 0, count: blocks), [Double](repeating: 0, count: blocks), 0)
            for (member, entry) in sums.sorted(by: { $0.key < $1.key }) where member != kind && effects.families[member] == family {
                for index in 0..<blocks {
                    pooled.actual[index] += entry.actual[index]
                    pooled.expected[index] += entry.expected[index]
                }
                pooled.occurrences += entry.occurrences
            }
            if let values = shape(pooled) {
                shapes[kind] = values
                borrowedDays[kind] = effects.pooledEffects[kind]?.count ?? 0
            }
        }
    }

    /// Reshapes the forecast `volume` of positions `origin...` on the days occurrences touch: each slot
    /// times the product of the shapes of the kinds on that day, then the day's forecast positions
    /// scaled back to their total, so the day's volume (set by ``EventEffects``) does not change.
    /// - Complexity: O(horizon + total days of the occurrences).
    public func apply(to volume: inout [Double], origin: Int, calendar: EventCalendar, history: HistorySeries) {
        guard !shapes.isEmpty, !volume.isEmpty else { return }
        let slots = history.slotsPerDay
        let firstDay = origin / slots, lastDay = (origin + volume.count - 1) / slots
        var factors: [Int: [Double]] = [:]
        for occurrence in calendar.occurrences {
            guard let shape = shapes[occurrence.kind] else { continue }
            for day in occurrence.days where day - occurrence.days.lowerBound < borrowedDays[occurrence.kind] ?? Int.max {
                let index = Int(day - history.firstDay)
                guard index >= firstDay, index <= lastDay else { continue }
                var factor = factors[index] ?? [Double](repeating: 1, count: slots)
                for slot in 0..<slots { factor[slot] *= shape[slot] }
                factors[index] = factor
            }
        }
        for (day, factor) in factors {
            let range = max(origin, day * slots)..<min(origin + volume.count, (day + 1) * slots)
            let before = range.reduce(0.0) { $0 + volume[$1 - origin] }
            var after = 0.0
            for position in range {
                volume[position - origin] *= factor[position % slots]
                after += volume[position - origin]
            }
            guard after > 0 else { continue }
            for position in range { volume[position - origin] *= before / after }
        }
    }
}
