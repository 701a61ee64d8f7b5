@testable import ShiftcastCSV
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

    // MARK: What the path names (issue 12: a device node or a link is never replaced)

    @Test func throughASymbolicLinkTheTargetIsReplacedAndTheLinkStays() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/real/target.csv"))
        #expect(symlink("real/target.csv", folder + "/link.csv") == 0)
        try OutputFile.write(Array("new".utf8), to: folder + "/link.csv")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real/target.csv")
        #expect(try String(contentsOfFile: folder + "/real/target.csv", encoding: .utf8) == "new")
        #expect(try folderContents(folder + "/real") == ["target.csv"])
        // A dangling link: the file it names is created, and the link now leads to it.
        #expect(symlink("real/created.csv", folder + "/dangling.csv") == 0)
        try OutputFile.write(Array("made".utf8), to: folder + "/dangling.csv")
        #expect(try String(contentsOfFile: folder + "/dangling.csv", encoding: .utf8) == "made")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/dangling.csv") == "real/created.csv")
    }

    @Test func aLoopOfLinksIsError73() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        #expect(symlink("b.csv", folder + "/a.csv") == 0)
        #expect(symlink("a.csv", folder + "/b.csv") == 0)
        expectError(.cannotCreateOutput, at: folder + "/a.csv", containing: "too many levels of symbolic links") {
            try OutputFile.write(Array("x".utf8), to: folder + "/a.csv")
        }
    }

    @Test func aCharacterDeviceIsWrittenInPlaceAndNeverReplaced() throws {
        try OutputFile.write(Array("a,b\n".utf8), to: "/dev/null")
        try OutputFile.write([(Array("a".utf8), "/dev/null"), (Array("b".utf8), "/dev/null")])
        #expect(fileType("/dev/null") == S_IFCHR)
        // A full device fails with 73 and stays a device.
        expectError(.cannotCreateOutput, at: "/dev/full", containing: "no space left on the device") {
            try OutputFile.write(Array("a,b\n".utf8), to: "/dev/full")
        }
        #expect(fileType("/dev/full") == S_IFCHR)
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        // A reader that opened first (without blocking) lets the write through the pipe's buffer.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try OutputFile.write(Array("a,b\n1,2\n".utf8), to: path)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        let received = Array(buffer.prefix(max(count, 0)))
        #expect(received == Array("a,b\n1,2\n".utf8))
        #expect(fileType(path) == S_IFIFO)
    }

    @Test(.enabled(if: getuid() == 0, "only root makes device nodes"))
    func aBlockDeviceIsRefused() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/disk"
        #expect(mknod(path, S_IFBLK | 0o600, dev_t(7 << 8 | 200)  /* makedev(7, 200): a loop device number */) == 0)
        expectError(.cannotCreateOutput, at: path, containing: "it is a block device") {
            try OutputFile.write(Array("x".utf8), to: path)
        }
        #expect(fileType(path) == S_IFBLK)
    }

    private func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }
}
