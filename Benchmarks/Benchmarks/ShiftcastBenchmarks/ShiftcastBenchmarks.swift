import Benchmark
import Foundation
import Shiftcast

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 20)

    // Staffing: the library work behind `shiftcast staff` on one year of 15-minute intervals.
    let targets = ServiceTargets(serviceLevel: 0.8, answerWithin: 20)
    Benchmark("ErlangC.agentsNeeded 35040 intervals") { benchmark in
        let calculator = StaffingCalculator(model: .erlangC, targets: targets)
        for workload in Workloads.year {
            blackHole(try calculator.agentsNeeded(for: workload))
        }
    }
    Benchmark("ErlangA.agentsNeeded 35040 intervals") { benchmark in
        let calculator = StaffingCalculator(model: .erlangA(meanPatience: 300), targets: targets)
        for workload in Workloads.year {
            blackHole(try calculator.agentsNeeded(for: workload))
        }
    }

    // CSV: reading a ~100 MB file and converting its numbers; writing it.
    let megabytes = Int(Double(Workloads.largeCSV.count) / 1_000_000)
    Benchmark("CSV read and parse numbers \(megabytes) MB") { benchmark in
        let table = try CSVTable(bytes: Workloads.largeCSV, name: "large.csv")
        let volume = try table.requireColumn("volume"), aht = try table.requireColumn("aht")
        var total = 0.0
        for row in table.rows {
            total += try row.number(volume) + row.number(aht)
        }
        blackHole(total)
    }
    Benchmark("CSV write \(megabytes) MB to a file") { benchmark in
        _ = Workloads.timestamps
        let path = NSTemporaryDirectory() + "shiftcast-benchmark-write.csv"
        benchmark.startMeasurement()
        try OutputFile.write(Workloads.writeLargeCSV(), to: path)
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: path)
    }
}
