import Foundation
import Shiftcast

/// The inputs the benchmarks share, built once: the same shapes as the scripts in `Benchmarks/Scripts`.
enum Workloads {
    /// One year of 15-minute intervals (35 040), open 07:00-22:00 with two daily peaks, loads from 0
    /// to 2 000 erlangs, AHT 300 s: the workload of Benchmarks/Scripts/make_year_forecast.py without
    /// its noise.
    static let year: [Workload] = {
        var loads: [Double] = []
        loads.reserveCapacity(35_040)
        for index in 0..<35_040 {
            let day = index / 96
            let hour = Double(index % 96) / 4
            guard hour >= 7, hour < 22 else {
                loads.append(0)
                continue
            }
            let morning = exp(-((hour - 10.5) / 1.8) * ((hour - 10.5) / 1.8))
            let afternoon = 0.8 * exp(-((hour - 14.5) / 2.2) * ((hour - 14.5) / 2.2))
            let weekday = [1.0, 0.95, 0.9, 0.9, 0.85, 0.45, 0.3][(day + 2) % 7]
            let season = 1 + 0.25 * cos(2 * Double.pi * Double(day - 19) / 365)
            loads.append((0.02 + morning + afternoon) * weekday * season)
        }
        let scale = 2000 / (loads.max() ?? 1)
        return loads.map { Workload(volume: $0 * scale * 3, averageHandleTime: 300, intervalLength: 900) }
    }()

    /// The fields of a CSV file of about 100 MB: 100 queues of one year of 15-minute rows.
    static let queueNames = (0..<100).map { "queue-\($0)" }
    static let timestamps: [String] = {
        let start = CivilDateTime(year: 2025, month: 1, day: 1)!
        return (0..<35_040).map { start.adding(seconds: Int64($0) * 900).formatted() }
    }()

    /// Writes the ~100 MB file (`queue,timestamp,volume,aht`) into memory.
    static func writeLargeCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["queue", "timestamp", "volume", "aht"], capacity: 110_000_000)
        for (queue, name) in queueNames.enumerated() {
            for (index, stamp) in timestamps.enumerated() {
                writer.append(field: name)
                writer.append(field: stamp)
                writer.append(field: year[index].volume, decimals: 3)
                writer.append(field: 300 + Double(queue))
                writer.endRow()
            }
        }
        return writer.bytes
    }

    static let largeCSV = writeLargeCSV()
}
