import FuzzSupport
import Shiftcast

/// Events files (`--events`): `EventsFile.calendar(from:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        _ = try EventsFile.calendar(from: table)
    }
}

@main
enum FuzzEventsMain {
    static func main() { FuzzDriver.run(fuzzEvents) }
}
