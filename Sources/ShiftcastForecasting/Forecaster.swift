import ShiftcastCore

/// Runs one model on one queue's history from an origin: keeps event days (and outlier days) out of the
/// fit and shows it the days after an occurrence divided by the learned after-effect, follows a change
/// of level the model lagged (``LevelShift``), applies the learned (or stated) event effects to the
/// forecast (day totals, then the shape of event days over the hours, ``EventIntradayShapes``), makes
/// it non-negative and closes the intervals the history never saw open.
///
/// Everything it learns (opening hours, event effects, the model's fit) comes from positions before the
/// origin, so a backtest fold never sees its future.
public struct Forecaster: Sendable {
    public let history: HistorySeries
    public let calendar: EventCalendar

    public init(history: HistorySeries, calendar: EventCalendar = EventCalendar()) {
        self.history = history
        self.calendar = calendar
    }

    /// Whole days observed before `origin`.
    public func daysObserved(before origin: Int) -> Int {
        max(0, (origin - history.begin) / history.slotsPerDay)
    }

    /// The forecast of positions `origin ..< origin + horizon`.
    /// - Returns: volumes, all finite and not negative, and the event effects used.
    /// - Complexity: the model's, plus O(origin + horizon).
    public func forecast(model: any ForecastModel, origin: Int, horizon: Int) -> (volume: [Double], effects: EventEffects) {
        let slots = history.slotsPerDay
        let effects = EventEffects(calendar: calendar, history: history, origin: origin)
        var eventDays = effects.hiddenDays(calendar: calendar, history: history)
        let tails = effects.tailMultipliers(calendar: calendar, history: history, days: eventDays.count)
        for day in OutlierDays(history: history, calendar: calendar, origin: origin).days { eventDays[day] = true }
        var values = Array(history.volume[0..<origin])
        for day in 0..<min(eventDays.count, (origin + slots - 1) / slots) where eventDays[day] || tails[day] != 1 {
            for position in (day * slots)..<min((day + 1) * slots, origin) {
                values[position] = eventDays[day] ? .nan : values[position] / tails[day]
            }
        }
        let input = ModelInput(values: values, slotsPerDay: slots, firstWeekday: history.weekday(ofDay: 0))
        var volume = model.forecast(input, horizon: horizon)
        let level = LevelShift(values: values, forecast: volume, slotsPerDay: slots,
                               unexplained: effects.unexplainedAftermath(calendar: calendar, history: history, days: eventDays.count)).factor
        if level != 1 { volume = volume.map { $0 * level } }
        let firstDay = origin / slots
        let days = horizon == 0 ? 0 : (origin + horizon - 1) / slots - firstDay + 1
        let multipliers = effects.dayMultipliers(calendar: calendar, history: history, firstDay: firstDay, days: days)
        let opening = OpeningHours(history: history, end: origin)
        for offset in volume.indices {
            let position = origin + offset
            let weekday = input.weekday(at: position)
            let value = volume[offset] * multipliers[position / slots - firstDay]
            volume[offset] = opening.isOpen(weekday: weekday, slot: position % slots) && value.isFinite ? max(value, 0) : 0
        }
        EventIntradayShapes(calendar: calendar, history: history, origin: origin, effects: effects)
            .apply(to: &volume, origin: origin, calendar: calendar, history: history)
        return (volume, effects)
    }
}
