import FuzzSupport
import Shiftcast

/// Agents files (`--agents`): `AgentsFile`, and the problems of its contracts against the families of
/// Fixtures/shifts-week.csv; every problem must be a well-formed error too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.run(data, size) { table in
        for problem in try AgentsFile(table: table).problems(fitting: FuzzFixtures.weekFamilies) {
            FuzzInput.check(problem)
        }
    }
}

@main
enum FuzzAgentsMain {
    static func main() { FuzzDriver.run(fuzzAgents) }
}
