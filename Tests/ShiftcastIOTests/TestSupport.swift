@testable import ShiftcastCSV
import Foundation
import ShiftcastCore
@testable import ShiftcastIO
@_exported import ShiftcastTestSupport
import Testing

/// A table read from text, as if from a file called `name`.
func table(_ text: String, name: String = "t.csv") throws -> CSVTable {
    try CSVTable(bytes: Array(text.utf8), name: name)
}

/// Checks that `body` throws a `ShiftcastError` with this code, exact location (`file:line:column` as
/// far as known) and a message containing `message`.
func expectError(
    _ code: ShiftcastError.Code, at location: String, containing message: String = "",
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    guard let error = shiftcastError(sourceLocation: sourceLocation, body) else { return }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    #expect(error.location == location, "\(error)", sourceLocation: sourceLocation)
    if !message.isEmpty { #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation) }
}

/// A new empty folder under the system's temporary folder, removed by the caller with `removeFolder`.
func makeTemporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "shiftcast-io-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeFolder(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// The names in a folder, sorted.
func folderContents(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
}
