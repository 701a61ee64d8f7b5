// Throughput of Shiftcast's CSV reader and writer (Docs/CSV.md); built by run.sh in /tmp, in release.
//   OwnBench read FILE    read, find the columns, parse every volume and aht (5 runs)
//   OwnBench write FILE   write 3 504 000 rows of queue,timestamp,volume,aht to FILE (5 runs each way)
//   OwnBench check FILE   read once and print the error or the row count (for time and memory)
import Foundation
import Shiftcast

func now() -> Double { Date().timeIntervalSinceReferenceDate }
func rate(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.1f MB in %.3f s = %.0f MB/s", Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds)
}

/// SplitMix64, so every run writes the same data.
struct Generator: RandomNumberGenerator {
    var state: UInt64 = 42
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func read(_ path: String) throws {
    for _ in 0..<5 {
        let t0 = now()
        let bytes = try InputFile.read(path)
        let t1 = now()
        let table = try CSVTable(bytes: bytes, name: path)
        let t2 = now()
        let volume = try table.requireColumn("volume"), aht = try table.requireColumn("aht")
        var sum = 0.0
        for row in table.rows { sum += try row.number(volume) + row.number(aht) }
        let t3 = now()
        print("read+parse numbers: \(rate(bytes.count, t3 - t0)) | file read \(String(format: "%.3f s", t1 - t0))"
              + " | structure \(rate(bytes.count, t2 - t1)) | 2 numbers x \(table.rowCount) rows "
              + "\(String(format: "%.3f s", t3 - t2)) | sum \(sum)")
    }
}

func write(_ path: String) throws {
    var queues: [String] = [], stamps: [String] = [], volumes: [Double] = [], ahts: [Double] = []
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    formatter.timeZone = TimeZone(identifier: "UTC")
    let stampTexts = (0..<35040).map { formatter.string(from: Date(timeIntervalSince1970: 1_735_689_600 + Double($0) * 900)) }
    var generator = Generator()
    for queue in 0..<100 {
        for interval in 0..<35040 {
            queues.append(String(format: "q%03d", queue))
            stamps.append(stampTexts[interval])
            volumes.append((Double.random(in: 0..<100, using: &generator) * 10).rounded() / 10)
            ahts.append((Double.random(in: 180..<300, using: &generator) * 100).rounded() / 100)
        }
    }
    for decimals in [nil, 6] as [Int?] {
        for _ in 0..<5 {
            let t0 = now()
            var writer = CSVWriter(header: ["queue", "timestamp", "volume", "aht"])
            for index in 0..<queues.count {
                writer.append(field: queues[index])
                writer.append(field: stamps[index])
                writer.append(field: volumes[index], decimals: decimals)
                writer.append(field: ahts[index], decimals: decimals)
                writer.endRow()
            }
            let t1 = now()
            try OutputFile.write(writer.bytes, to: path)
            let t2 = now()
            try Data(writer.bytes).write(to: URL(fileURLWithPath: path + ".plain"))
            let t3 = now()
            print("write (\(decimals.map { "\($0) decimals" } ?? "shortest")): \(rate(writer.bytes.count, t2 - t0))"
                  + " | format \(rate(writer.bytes.count, t1 - t0))"
                  + " | OutputFile.write (temp + fsync + rename) \(String(format: "%.3f s", t2 - t1))"
                  + " | plain Data.write \(String(format: "%.3f s", t3 - t2))")
            try FileManager.default.removeItem(atPath: path + ".plain")
        }
    }
}

func check(_ path: String) {
    let t0 = now()
    do {
        let table = try CSVTable.read(path: path)
        print("read \(table.rowCount) rows in \(String(format: "%.3f s", now() - t0))")
    } catch {
        print("error: \(error) (after \(String(format: "%.3f s", now() - t0)))")
    }
}

let arguments = CommandLine.arguments
switch arguments.count == 3 ? arguments[1] : "" {
case "read": try read(arguments[2])
case "write": try write(arguments[2])
case "check": check(arguments[2])
default: print("usage: OwnBench read|write|check FILE")
}
