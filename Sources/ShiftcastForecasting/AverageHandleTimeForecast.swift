/// AHT per interval: the volume-weighted mean AHT of the same weekday and time of day over the last
/// `weeks` weeks, falling back to the weekday-independent slot mean and then to the overall mean.
///
/// Handle time moves slowly and has no events of its own worth modelling in most centres; weighting by
/// volume keeps a quiet interval's one long call from setting the figure (the workload is what staffing
/// needs). Source: the weekly average of practice, as ``WeeklyAverage``.
public enum AverageHandleTimeForecast {
    /// - Returns: `horizon` values in seconds from `origin`, or `nil` when the history has no AHT.
    /// - Complexity: O(weeks x 7 x slotsPerDay + horizon).
    public static func forecast(history: HistorySeries, origin: Int, horizon: Int, weeks: Int = 8) -> [Double]? {
        guard let aht = history.averageHandleTime else { return nil }
        let slots = history.slotsPerDay
        var weighted = [Double](repeating: 0, count: 7 * slots), weights = [Double](repeating: 0, count: 7 * slots)
        var slotWeighted = [Double](repeating: 0, count: slots), slotWeights = [Double](repeating: 0, count: slots)
        var total = 0.0, totalWeight = 0.0
        for position in max(0, origin - 7 * weeks * slots)..<origin where !aht[position].isNaN {
            let volume = history.volume[position].isNaN ? 0 : history.volume[position]
            let weight = max(volume, 1e-6)
            let key = (history.weekday(ofDay: position / slots) - 1) * slots + position % slots
            weighted[key] += weight * aht[position]; weights[key] += weight
            slotWeighted[position % slots] += weight * aht[position]; slotWeights[position % slots] += weight
            total += weight * aht[position]; totalWeight += weight
        }
        let overall = totalWeight > 0 ? total / totalWeight : 0
        return (0..<horizon).map { offset in
            let position = origin + offset
            let slot = position % slots
            let key = (history.weekday(ofDay: position / slots) - 1) * slots + slot
            if weights[key] > 0 { return weighted[key] / weights[key] }
            if slotWeights[slot] > 0 { return slotWeighted[slot] / slotWeights[slot] }
            return overall
        }
    }
}
