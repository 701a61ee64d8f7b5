import FuzzSupport
import Shiftcast

/// Breaks files (`--breaks`): `BreaksFile`, its rules checked against the families of
/// Fixtures/shifts-week.csv on 15-minute slots.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBreaks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        _ = try BreaksFile(table: table).rules(fitting: FuzzFixtures.weekFamilies, slotSeconds: 900)
    }
}

@main
enum FuzzBreaksMain {
    static func main() { FuzzDriver.run(fuzzBreaks) }
}
