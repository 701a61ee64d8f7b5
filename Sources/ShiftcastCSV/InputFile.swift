#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShiftcastCore

/// Reads an input file whole into memory: a path, or standard input for `-`.
public enum InputFile {
    /// The bytes of the file at `path`, or of standard input when `path` is `-`.
    ///
    /// - Throws: `ShiftcastError` `.inputUnavailable` (exit code 66), `cannot read: REASON`, with the path
    ///   as the file, when the file is missing, unreadable, or a folder; `.badData` (65) when it is larger
    ///   than ``InputLimits/maximumInputBytes``, before it is read.
    /// - Complexity: O(file size); one buffer of the file's size for a regular file.
    public static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readAll(descriptor: STDIN_FILENO, sizeHint: 0, name: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unavailable(SystemErrorText.describe(errno), path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unavailable(SystemErrorText.describe(errno), path) }
        if status.st_mode & S_IFMT == S_IFDIR { throw unavailable("it is a folder, not a file", path) }
        let size = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        if size > InputLimits.maximumInputBytes { throw tooLarge(path) }
        return try readAll(descriptor: descriptor, sizeHint: size, name: path)
    }

    /// Reads to the end of `descriptor`: `sizeHint` bytes straight into the result, then whatever more
    /// there is (a pipe, a file that grew) in chunks.
    static func readAll(descriptor: Int32, sizeHint: Int, name: String) throws -> [UInt8] {
        var bytes = try [UInt8](unsafeUninitializedCapacity: sizeHint) { buffer, initializedCount in
            while initializedCount < sizeHint {
                let count = systemRead(descriptor, buffer.baseAddress! + initializedCount, sizeHint - initializedCount)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw unavailable(SystemErrorText.describe(errno), name)
                }
                initializedCount += count
            }
        }
        guard bytes.count == sizeHint else { return bytes }  // ended early: the file shrank
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, chunkSize) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw unavailable(SystemErrorText.describe(errno), name)
            }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > InputLimits.maximumInputBytes { throw tooLarge(name) }
        }
    }

    static func tooLarge(_ path: String) -> ShiftcastError {
        ShiftcastError(.badData, "is larger than \(InputLimits.maximumInputBytes >> 20) MiB, the most one run reads "
            + "(Docs/Limits.md); split it, by queue or by year", file: path)
    }

    static func unavailable(_ reason: String, _ path: String) -> ShiftcastError {
        ShiftcastError(.inputUnavailable, "cannot read: \(reason)", file: path)
    }
}

/// `read(2)`, under a name that the static `InputFile.read` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
