@testable import ShiftcastCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ShiftcastIO
import Testing

@Suite("SystemErrorText")
struct SystemErrorTextTests {
    @Test func describesCommonFailures() {
        #expect(SystemErrorText.describe(ENOENT) == "no such file or folder")
        #expect(SystemErrorText.describe(EACCES) == "permission denied")
        #expect(SystemErrorText.describe(ENOSPC) == "no space left on the device")
        #expect(SystemErrorText.describe(EIO) == String(cString: strerror(EIO)).lowercased())
    }
}
