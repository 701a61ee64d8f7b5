#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShiftcastCore

/// Writes an output whole or not at all (SPEC section 2).
///
/// To a path: the bytes go to a new temporary file beside the target (`.NAME.tmp-PID-RANDOM`, created
/// exclusively), which is flushed to disk (`fsync`) and then renamed over the target in one step. A
/// failure at any point removes the temporary file and leaves the target as it was, or absent. A
/// replaced file keeps its permission bits. To standard output (`nil` or `-`): written directly.
public enum OutputFile {
    /// Writes `bytes` to `path`, or to standard output when `path` is `nil` or `-`.
    ///
    /// - Throws: `ShiftcastError` `.cannotCreateOutput` (exit code 73), `cannot create output: REASON`,
    ///   with the path as the file: a missing folder, no permission, a full disk, a folder in the way.
    /// - Complexity: O(bytes.count); the `fsync` costs about 0.05 s per 100 MB here (Docs/CSV.md).
    public static func write(_ bytes: [UInt8], to path: String?) throws {
        try write(bytes, to: path, beforeRename: nil)
    }

    /// Writes several outputs of one run, all or none: every file is first written in full to its
    /// temporary beside the target, and only when all are complete are they renamed over their targets
    /// (standard output, at most one of them, comes last). A failure before the renames leaves every
    /// target as it was. For `schedule`, whose Schedule and Coverage files belong together.
    ///
    /// - Throws: as `write(_:to:)`, for the first output that cannot be created.
    public static func write(_ outputs: [(bytes: [UInt8], path: String?)]) throws {
        var pending: [PendingFile] = []
        var toStandardOutput: [[UInt8]] = []
        do {
            for output in outputs {
                if let path = output.path, path != "-" {
                    pending.append(try PendingFile(output.bytes, path: path))
                } else {
                    toStandardOutput.append(output.bytes)
                }
            }
            for file in pending { try file.commit() }
        } catch {
            for file in pending { file.discard() }
            throw error
        }
        for bytes in toStandardOutput { try write(bytes, toDescriptor: STDOUT_FILENO, name: "-") }
    }

    /// `write(_:to:)`, with a hook that runs once the temporary file is complete, just before the rename
    /// (tests throw from it to check that a failure leaves nothing behind).
    static func write(_ bytes: [UInt8], to path: String?, beforeRename: ((String) throws -> Void)?) throws {
        guard let path, path != "-" else {
            try write(bytes, toDescriptor: STDOUT_FILENO, name: "-")
            return
        }
        let file = try PendingFile(bytes, path: path)
        do {
            try beforeRename?(file.temporary)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// An output written in full to its temporary file, waiting to be renamed over its target.
    struct PendingFile {
        let path: String
        let temporary: String

        /// Writes `bytes` to a new temporary file beside `path`, flushed to disk; removes it on failure.
        init(_ bytes: [UInt8], path: String) throws {
            self.path = path
            func failure(_ reason: String) -> ShiftcastError {
                ShiftcastError(.cannotCreateOutput, "cannot create output: \(reason)", file: path)
            }
            let (folder, fileName) = OutputFile.split(path)
            guard !fileName.isEmpty, fileName != ".", fileName != ".." else { throw failure("it is a folder, not a file") }

            var existing = stat()
            let targetExists = stat(path, &existing) == 0
            if targetExists, existing.st_mode & S_IFMT == S_IFDIR { throw failure("it is a folder, not a file") }

            temporary = "\(folder)/.\(fileName).tmp-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                let code = errno
                var folderStatus = stat()
                if code == ENOENT, stat(folder, &folderStatus) != 0 {
                    throw failure("the folder '\(folder)' does not exist")
                }
                throw failure(SystemErrorText.describe(code))
            }
            var isOpen = true
            do {
                if targetExists { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
                try OutputFile.writeAll(bytes, to: descriptor) { failure($0) }
                guard fsync(descriptor) == 0 else { throw failure(SystemErrorText.describe(errno)) }
                isOpen = false
                guard close(descriptor) == 0 else { throw failure(SystemErrorText.describe(errno)) }
            } catch {
                if isOpen { close(descriptor) }
                unlink(temporary)
                throw error
            }
        }

        /// Renames the temporary file over the target, in one step.
        func commit() throws {
            guard rename(temporary, path) == 0 else {
                let code = errno
                throw ShiftcastError(.cannotCreateOutput,
                                     "cannot create output: " + (code == EISDIR ? "it is a folder, not a file" : SystemErrorText.describe(code)),
                                     file: path)
            }
        }

        /// Removes the temporary file (after a rename it no longer exists, and this does nothing).
        func discard() {
            unlink(temporary)
        }
    }

    /// Writes `bytes` to an open descriptor (standard output), named `name` in errors.
    static func write(_ bytes: [UInt8], toDescriptor descriptor: Int32, name: String) throws {
        try writeAll(bytes, to: descriptor) { reason in
            ShiftcastError(.cannotCreateOutput, "cannot write to standard output: \(reason)", file: name)
        }
    }

    /// The folder (`.` when none is given) and the file name of `path`.
    static func split(_ path: String) -> (folder: String, fileName: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }

    /// Writes all of `bytes`, resuming after partial writes and interrupts.
    fileprivate static func writeAll(
        _ bytes: [UInt8], to descriptor: Int32, failure: (String) -> ShiftcastError
    ) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(SystemErrorText.describe(errno))
                }
                offset += written
            }
        }
    }
}

/// `write(2)`, under a name that the static `OutputFile.write` does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
