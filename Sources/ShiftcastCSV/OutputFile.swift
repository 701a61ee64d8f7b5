#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShiftcastCore

/// Writes an output whole or not at all (SPEC section 2), without harming what is already there.
///
/// Where the bytes go depends on what the path names (``Destination``):
/// - a regular file, or nothing yet: the bytes go to a new temporary file beside it
///   (`.NAME.tmp-PID-RANDOM`, created exclusively), flushed to disk (`fsync`), then renamed over the
///   target in one step. A failure at any point removes the temporary file and leaves the target as it
///   was, or absent. A replaced file keeps its permission bits.
/// - a symbolic link: the file it points to is replaced as above (or created, for a dangling link); the
///   link stays.
/// - a character device (`/dev/null`, a terminal) or a FIFO: written in place, never replaced, since
///   renaming over it would swap a device node for a regular file.
/// - standard output (`nil` or `-`): handed to the `standardOutput` the caller gives (the library never
///   touches the process's standard output itself); without one, refused.
/// - a folder, a block device or a socket: refused, `.cannotCreateOutput` (exit code 73).
public enum OutputFile {
    /// Where a program's standard output goes: the tool writes to its descriptor 1
    /// (``write(_:toDescriptor:name:)``).
    public typealias StandardOutput = ([UInt8]) throws -> Void

    /// Writes `bytes` to `path`, or to `standardOutput` when `path` is `nil` or `-`.
    ///
    /// - Throws: `ShiftcastError` `.cannotCreateOutput` (exit code 73), `cannot create output: REASON`,
    ///   with the path as the file: a missing folder, no permission, a full disk, a folder in the way.
    /// - Complexity: O(bytes.count); the `fsync` costs about 0.05 s per 100 MB here (Docs/CSV.md).
    public static func write(_ bytes: [UInt8], to path: String?, standardOutput: StandardOutput? = nil) throws {
        try write(bytes, to: path, standardOutput: standardOutput, beforeRename: nil)
    }

    /// Writes several outputs of one run, all or none: every file is first written in full to its
    /// temporary beside the target, and only when all are complete are they renamed over their targets.
    /// Outputs written in place (standard output, a device, a FIFO) come last, once every rename has
    /// succeeded. A failure before the renames leaves every target as it was. For `schedule`, whose
    /// Schedule and Coverage files belong together, and `plan`'s folder.
    ///
    /// - Throws: as `write(_:to:)`, for the first output that cannot be created.
    public static func write(_ outputs: [(bytes: [UInt8], path: String?)], standardOutput: StandardOutput? = nil) throws {
        let destinations = try outputs.map { try Destination(path: $0.path) }
        var pending: [PendingFile] = []
        do {
            for (output, destination) in zip(outputs, destinations) {
                if case .file(let target) = destination {
                    pending.append(try PendingFile(output.bytes, path: target, shownAs: output.path!))
                }
            }
            for file in pending { try file.commit() }
        } catch {
            for file in pending { file.discard() }
            throw error
        }
        for (output, destination) in zip(outputs, destinations) {
            if case .file = destination { continue }
            try writeInPlace(output.bytes, to: destination, standardOutput: standardOutput)
        }
    }

    /// `write(_:to:)`, with a hook that runs once the temporary file is complete, just before the rename
    /// (tests throw from it to check that a failure leaves nothing behind).
    static func write(_ bytes: [UInt8], to path: String?, standardOutput: StandardOutput? = nil,
                      beforeRename: ((String) throws -> Void)?) throws {
        let destination = try Destination(path: path)
        guard case .file(let target) = destination, let path else {
            try writeInPlace(bytes, to: destination, standardOutput: standardOutput)
            return
        }
        let file = try PendingFile(bytes, path: target, shownAs: path)
        do {
            try beforeRename?(file.temporary)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// What an output path names, and so how it is written.
    enum Destination: Equatable {
        /// Standard output (no path, or `-`).
        case standardOutput
        /// A regular file, or a path where nothing is yet: replaced atomically. For a symbolic link, the
        /// path of the file it points to.
        case file(String)
        /// A character device or a FIFO: opened and written in place, never replaced.
        case stream(String)

        /// Follows symbolic links (at most 40, as the kernel does) to what the path finally names.
        /// - Throws: `.cannotCreateOutput` for a folder, a block device, a socket or a loop of links.
        init(path: String?) throws {
            guard let path, path != "-" else {
                self = .standardOutput
                return
            }
            func failure(_ reason: String) -> ShiftcastError {
                ShiftcastError(.cannotCreateOutput, "cannot create output: \(reason)", file: path)
            }
            var target = path
            for _ in 0..<40 {
                var status = stat()
                guard lstat(target, &status) == 0 else {
                    self = .file(target)  // nothing there yet (or unreadable: creating it will say why)
                    return
                }
                switch status.st_mode & S_IFMT {
                case S_IFLNK:
                    guard let next = OutputFile.linkTarget(target) else { throw failure(SystemErrorText.describe(errno)) }
                    target = next
                case S_IFREG: self = .file(target); return
                case S_IFCHR, S_IFIFO: self = .stream(target); return
                case S_IFDIR: throw failure("it is a folder, not a file")
                case S_IFBLK: throw failure("it is a block device; write to a file, a character device or standard output")
                default: throw failure("it is a socket or other special file, not a file")
                }
            }
            throw failure("too many levels of symbolic links")
        }
    }

    /// The path a symbolic link points to, relative to the link's folder when the link is relative.
    static func linkTarget(_ link: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.hasPrefix("/") ? text : split(link).folder + "/" + text
    }

    /// Writes to standard output, a character device or a FIFO, where a rename would do harm. A regular
    /// file is never written in place: callers replace it through `PendingFile`.
    static func writeInPlace(_ bytes: [UInt8], to destination: Destination, standardOutput: StandardOutput?) throws {
        switch destination {
        case .file(let path):
            preconditionFailure("\(path) is replaced through a temporary file, not written in place")
        case .standardOutput:
            guard let standardOutput else {
                throw ShiftcastError(.cannotCreateOutput, "cannot write to standard output: none was given to write to", file: "-")
            }
            try standardOutput(bytes)
        case .stream(let path):
            func failure(_ reason: String) -> ShiftcastError {
                ShiftcastError(.cannotCreateOutput, "cannot write output: \(reason)", file: path)
            }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw failure(SystemErrorText.describe(errno)) }
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, failure: failure)
        }
    }

    /// An output written in full to its temporary file, waiting to be renamed over its target.
    struct PendingFile {
        let path: String
        let temporary: String
        /// The path as the user gave it, for messages (a symbolic link names the file it points to).
        let shownAs: String

        /// Writes `bytes` to a new temporary file beside `path`, flushed to disk; removes it on failure.
        init(_ bytes: [UInt8], path: String, shownAs: String) throws {
            self.path = path
            self.shownAs = shownAs
            func failure(_ reason: String) -> ShiftcastError {
                ShiftcastError(.cannotCreateOutput, "cannot create output: \(reason)", file: shownAs)
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
                                     file: shownAs)
            }
        }

        /// Removes the temporary file (after a rename it no longer exists, and this does nothing).
        func discard() {
            unlink(temporary)
        }
    }

    /// Writes `bytes` to an open descriptor (standard output), named `name` in errors.
    public static func write(_ bytes: [UInt8], toDescriptor descriptor: Int32, name: String) throws {
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
