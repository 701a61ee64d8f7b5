import FuzzSupport
import Shiftcast

/// A plan folder's `plan.json` (read by `review`): `PlanSettings.decode`, then the staffing policy it
/// describes, which checks every value's range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanSettings(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzInput.checked {
        let settings = try PlanSettings.decode(bytes, file: "plan.json")
        _ = try settings.policy(file: "plan.json")
    }
    return 0
}

@main
enum FuzzPlanSettingsMain {
    static func main() { FuzzDriver.run(fuzzPlanSettings) }
}
