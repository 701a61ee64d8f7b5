import ShiftcastCore

/// The WFM baseline: each interval is an average of the same weekday and time of day over the last
/// `weeks` weeks, as a mean, a linearly weighted mean (recent weeks count more) or a median.
///
/// Source: the spreadsheet method of practice; Taylor (2008, Management Science 54:253) and Barrow
/// (2016) find such seasonal averages hard to beat beyond two or three days ahead. The median is the
/// robust variant (Ibrahim et al. 2016: one unusual week can pull a mean far off). Assumes the weekly
/// cycle is stable and the level flat over the window; loses when there is a strong trend.
public struct WeeklyAverage: ForecastModel {
    public enum Average: String, Sendable { case mean, weighted, median }
    public let weeks: Int
    public let average: Average

    /// - Throws: `ShiftcastError(.invalidArgument)` for fewer than one week.
    public init(weeks: Int, average: Average) throws {
        guard weeks >= 1 else {
            throw ShiftcastError(.invalidArgument, "a weekly average needs at least one week; got \(weeks)")
        }
        self.weeks = weeks
        self.average = average
    }

    public var name: String { "\(average == .mean ? "average" : average.rawValue)-\(weeks)w" }

    public func minimumHistoryDays(slotsPerDay: Int) -> Int { 7 }

    /// - Complexity: O(horizon x weeks).
    public func forecast(_ input: ModelInput, horizon: Int) -> [Double] {
        let period = input.slotsPerWeek
        let origin = input.origin
        var sample: [Double] = []
        sample.reserveCapacity(weeks)
        return (0..<horizon).map { offset in
            sample.removeAll(keepingCapacity: true)
            // The same slot of the week, in the last `weeks` weeks that observed it.
            var position = origin + offset - period * (offset / period + 1)
            var looked = 0
            while position >= 0, sample.count < weeks, looked < 3 * weeks {
                if !input.values[position].isNaN { sample.append(input.values[position]) }
                position -= period
                looked += 1
            }
            return Self.combine(sample, average)
        }
    }

    /// The average of `values`, most recent first; 0 when empty.
    static func combine(_ values: [Double], _ average: Average) -> Double {
        guard !values.isEmpty else { return 0 }
        switch average {
        case .mean:
            return values.reduce(0, +) / Double(values.count)
        case .weighted:
            var total = 0.0, weightSum = 0.0
            for (index, value) in values.enumerated() {
                let weight = Double(values.count - index)
                total += weight * value
                weightSum += weight
            }
            return total / weightSum
        case .median:
            return median(values)
        }
    }
}

/// The median of a non-empty array.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
