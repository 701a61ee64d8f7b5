@testable import ShiftcastCSV
import Foundation
import ShiftcastCore
@testable import ShiftcastIO
import Testing

@Suite("InputFile")
struct InputFileTests {
    @Test func readsAFile() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/in.csv"))
        #expect(try InputFile.read(folder + "/in.csv") == bytes)
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.csv"))
        #expect(try InputFile.read(folder + "/empty.csv") == [])
    }

    @Test func missingFileIsError66() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        expectError(.inputUnavailable, at: folder + "/nope.csv", containing: "cannot read: no such file or folder") {
            _ = try InputFile.read(folder + "/nope.csv")
        }
    }

    @Test func folderIsError66() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        expectError(.inputUnavailable, at: folder, containing: "cannot read: it is a folder, not a file") {
            _ = try InputFile.read(folder)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may read anything"))
    func unreadableFileIsError66() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/secret.csv"
        FileManager.default.createFile(atPath: path, contents: Data("a\n".utf8), attributes: [.posixPermissions: 0o000])
        expectError(.inputUnavailable, at: path, containing: "cannot read: permission denied") {
            _ = try InputFile.read(path)
        }
    }

    /// Standard input is read to its end in chunks, whatever its size (a pipe here).
    @Test func readsAPipeToTheEnd() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let writeEnd = ends[1]
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        #expect(try InputFile.readAll(descriptor: ends[0], sizeHint: 0, name: "-") == bytes)
    }

    /// `-` reads standard input: here a pipe put in its place for the test.
    @Test func dashReadsStandardInput() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let saved = dup(STDIN_FILENO)
        defer {
            dup2(saved, STDIN_FILENO)
            close(saved)
        }
        _ = Array("volume\n3\n".utf8).withUnsafeBytes { write(ends[1], $0.baseAddress!, $0.count) }
        close(ends[1])
        dup2(ends[0], STDIN_FILENO)
        close(ends[0])
        let csv = try CSVTable.read(path: "-")
        #expect(csv.name == "-")
        #expect(try csv.rows[0].number(csv.requireColumn("volume")) == 3)
    }
}
