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
