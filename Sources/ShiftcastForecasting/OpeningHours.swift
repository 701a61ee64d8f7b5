/// When a queue is open, inferred from its history: an interval of the week (weekday and time of day)
/// never seen with a contact is closed, and every model forecasts it as 0.
///
/// SPEC section 3: "an interval never seen at that weekday and time of day is treated as closed". A slot
/// seen only with zero volume counts as never seen open: a zero-filled export of a centre closed at night
/// or at weekends shows exactly that.
public struct OpeningHours: Sendable, Equatable {
    /// Intervals per day.
    public let slotsPerDay: Int
    /// `open[(weekday - 1) * slotsPerDay + slot]`, weekday ISO 1 (Monday) ... 7 (Sunday).
    public var open: [Bool]

    /// Infers opening hours from the observed positions `0..<end` of `history` (a backtest passes its
    /// origin, so a fold learns nothing from its future).
    /// - Complexity: O(end).
    public init(history: HistorySeries, end: Int? = nil) {
        slotsPerDay = history.slotsPerDay
        open = [Bool](repeating: false, count: 7 * slotsPerDay)
        let limit = min(end ?? history.end, history.volume.count)
        for position in 0..<max(limit, 0) where history.volume[position] > 0 {
            let day = position / slotsPerDay
            open[(history.weekday(ofDay: day) - 1) * slotsPerDay + position % slotsPerDay] = true
        }
    }

    /// Whether slot `slot` of a day with ISO weekday `weekday` is open.
    public func isOpen(weekday: Int, slot: Int) -> Bool {
        open[(weekday - 1) * slotsPerDay + slot]
    }

    /// The share of the week's intervals that are open, in [0, 1].
    public var openShare: Double {
        Double(open.lazy.filter { $0 }.count) / Double(open.count)
    }
}
