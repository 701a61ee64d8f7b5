import FuzzSupport
import Shiftcast

/// Shifts files (`--shifts`): `ShiftsFile`, its families checked against a week of 15-minute slots, and
/// their expansion into candidate shifts over that week, as `schedule` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShifts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        let families = try ShiftsFile(table: table).families(fitting: FuzzFixtures.weekCurve)
        _ = ShiftExpansion.candidates(for: families, over: FuzzFixtures.weekCurve)
    }
}

@main
enum FuzzShiftsMain {
    static func main() { FuzzDriver.run(fuzzShifts) }
}
