import FuzzSupport
import Shiftcast

/// Schedule files (`simulate --schedule`): `ScheduleFile.readWork`, then the simulation of a fixed
/// morning of volumes (08:00-10:00 on 2025-03-03, 15-minute intervals) against the agents read, one
/// replication, cyclic or not by the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchedule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        let work = try ScheduleFile.readWork(table: table, clock: .naive)
        let queue = FuzzSchedule.volumes.queues[0]
        _ = try SimulationReport(volumes: FuzzSchedule.volumes, queue: queue, work: work, averageHandleTime: nil,
                                 cyclic: size % 2 == 0, unpaid: ["lunch"], settings: SimulationSettings(replications: 1))
    }
}

enum FuzzSchedule {
    static let volumes: VolumeFile = {
        var text = "timestamp,volume,aht\n"
        for quarter in 0..<8 {
            text += "2025-03-03T0\(8 + quarter / 4):\(["00", "15", "30", "45"][quarter % 4]):00,\(20 + 5 * quarter),240\n"
        }
        return try! VolumeFile(table: CSVTable(bytes: Array(text.utf8), name: "volumes.csv"))
    }()
}

@main
enum FuzzScheduleMain {
    static func main() { FuzzDriver.run(fuzzSchedule) }
}
