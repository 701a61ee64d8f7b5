import Foundation
import ShiftcastCore
@testable import ShiftcastIO
import Testing

@Suite("OutputFile")
struct OutputFileTests {
    struct Interrupted: Error {}

    @Test func writesANewFileAndReplacesAnOldOne() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/out.csv"
        try OutputFile.write(Array("a\n1\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n1\n")
        try OutputFile.write(Array("a\n2\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n2\n")
        #expect(try folderContents(folder) == ["out.csv"])  // no temporary file left
    }

    @Test func keepsThePermissionsOfAReplacedFile() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/out.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640])
        try OutputFile.write(Array("new".utf8), to: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func missingFolderIsError73AndCreatesNothing() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/missing/out.csv"
        expectError(.cannotCreateOutput, at: path, containing: "cannot create output: the folder '\(folder)/missing' does not exist") {
            try OutputFile.write(Array("a\n".utf8), to: path)
        }
        #expect(try folderContents(folder).isEmpty)
        #expect(ShiftcastError.Code.cannotCreateOutput.exitCode == 73)
    }

    @Test func severalOutputsAreWrittenAllOrNone() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let first = folder + "/schedule.csv", second = folder + "/coverage.csv"
        try Data("old schedule".utf8).write(to: URL(fileURLWithPath: first))
        // The second cannot be created: the first must stay as it was, with no temporary left.
        expectError(.cannotCreateOutput, at: folder + "/missing/coverage.csv", containing: "does not exist") {
            try OutputFile.write([(Array("new schedule".utf8), first), (Array("coverage".utf8), folder + "/missing/coverage.csv")])
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old schedule")
        #expect(try folderContents(folder) == ["schedule.csv"])
        // Both can: both are replaced.
        try OutputFile.write([(Array("new schedule".utf8), first), (Array("coverage".utf8), second)])
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "new schedule")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "coverage")
        #expect(try folderContents(folder) == ["coverage.csv", "schedule.csv"])
    }

    @Test func aFolderInTheWayIsError73() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out.csv", withIntermediateDirectories: false)
        expectError(.cannotCreateOutput, at: folder + "/out.csv", containing: "it is a folder, not a file") {
            try OutputFile.write(Array("a\n".utf8), to: folder + "/out.csv")
        }
        expectError(.cannotCreateOutput, at: folder + "/", containing: "it is a folder, not a file") {
            try OutputFile.write(Array("a\n".utf8), to: folder + "/")
        }
        #expect(try folderContents(folder) == ["out.csv"])
    }

    /// A run that fails after writing leaves the old file byte for byte, and no temporary file.
    @Test func failedWriteLeavesTheExistingFileUntouched() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/schedule.csv"
        let old = Array("agent,date\nA1,2025-03-03\n".utf8)
        try Data(old).write(to: URL(fileURLWithPath: path))
        var temporaryPath = ""
        #expect(throws: Interrupted.self) {
            try OutputFile.write(Array(repeating: UInt8(ascii: "x"), count: 1 << 20), to: path) { temporary in
                temporaryPath = temporary
                // The new content is complete beside the target, under a hidden unique name.
                #expect(FileManager.default.fileExists(atPath: temporary))
                #expect(temporary.hasPrefix(folder + "/.schedule.csv.tmp-\(getpid())-"))
                throw Interrupted()
            }
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == old)
        #expect(!FileManager.default.fileExists(atPath: temporaryPath))
        #expect(try folderContents(folder) == ["schedule.csv"])
    }

    /// Without write permission on the folder (as a user other than root: root may write anywhere).
    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func unwritableFolderLeavesTheExistingFileUntouched() throws {
        let folder = try makeTemporaryFolder()
        defer {
            chmod(folder, 0o755)
            removeFolder(folder)
        }
        let path = folder + "/out.csv"
        try OutputFile.write(Array("old".utf8), to: path)
        chmod(folder, 0o555)
        expectError(.cannotCreateOutput, at: path, containing: "cannot create output: permission denied") {
            try OutputFile.write(Array("new".utf8), to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }

    @Test func splitsPaths() {
        #expect(OutputFile.split("out.csv") == (".", "out.csv"))
        #expect(OutputFile.split("a/b/out.csv") == ("a/b", "out.csv"))
        #expect(OutputFile.split("/out.csv") == ("/", "out.csv"))
    }

    @Test func writesToADescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try OutputFile.write(Array("a,b\n".utf8), toDescriptor: ends[1], name: "-")
        close(ends[1])
        #expect(try InputFile.readAll(descriptor: ends[0], sizeHint: 0, name: "-") == Array("a,b\n".utf8))
    }
}
