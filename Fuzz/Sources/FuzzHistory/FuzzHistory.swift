import FuzzSupport
import Shiftcast

/// History and Forecast files: `VolumeFile`, then every queue's `HistorySeries` as `ForecastOutput`
/// builds it, on naive time and on the Europe/Berlin clock.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistory(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        for clock in [WallClock.naive, FuzzFixtures.berlin] {
            FuzzInput.checked {
                let file = try VolumeFile(table: table, clock: clock)
                for queue in file.queues {
                    _ = try queue.historySeries(file: file.name, hasAverageHandleTime: file.hasAverageHandleTime)
                }
            }
        }
    }
}

@main
enum FuzzHistoryMain {
    static func main() { FuzzDriver.run(fuzzHistory) }
}
