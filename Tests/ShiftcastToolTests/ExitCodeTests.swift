@testable import ShiftcastTool
import Shiftcast
import Testing

/// The tool's mapping of library errors to exit codes (SPEC section 2): the library's errors carry none.
@Suite struct ExitCodeTests {
    @Test func everyKindOfErrorHasItsSysexitsCode() {
        let codes = Dictionary(uniqueKeysWithValues: ShiftcastError.Code.allCases.map { ($0, $0.exitCode) })
        #expect(codes == [.invalidArgument: 64, .infeasible: 64, .badData: 65, .inputUnavailable: 66,
                          .internalFailure: 70, .cannotCreateOutput: 73])
    }
}
