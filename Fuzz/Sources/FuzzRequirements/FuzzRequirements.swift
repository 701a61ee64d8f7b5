import FuzzSupport
import Shiftcast

/// Requirements files (input of `schedule`): `RequirementsReader.queues`, as `schedule` reads them
/// (naive, several queues) and as `schedule --cyclic --timezone Europe/Berlin` with agents (one queue).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequirements(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        FuzzInput.checked { _ = try RequirementsReader.queues(from: table, cyclic: false, clock: .naive, single: false) }
        FuzzInput.checked { _ = try RequirementsReader.queues(from: table, cyclic: true, clock: FuzzFixtures.berlin, single: true) }
    }
}

@main
enum FuzzRequirementsMain {
    static func main() { FuzzDriver.run(fuzzRequirements) }
}
