import Foundation

/// Writes files so that an interrupted run never leaves a half-written output: the bytes go to a
/// temporary file in the same folder, which is then renamed over the destination (rename is
/// atomic within one file system). A file the process read as input is never replaced
/// (``InputFiles``). Failures are reported with the system's reason (`Not a directory`), never as
/// a Foundation error code.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating missing parent folders.
    ///
    /// A destination that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a pipe)
    /// is written in place: renaming over it would replace the device with a plain file.
    public static func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write(bytes: $0, to: path) }
    }

    /// Writes `text` as UTF-8 to `path` atomically, from the string's own storage (a 30 MB table
    /// is not copied into a `Data` first).
    public static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: path) }
    }

    /// Writes UTF-8 `bytes` to `path` atomically, from the array's own storage.
    public static func write(utf8 bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write(bytes: $0, to: path) }
    }

    private static func write(bytes data: UnsafeRawBufferPointer, to path: String) throws {
        try write(to: path) { $0.append(utf8: data.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Writes what `body` appends to `path` atomically, as ``write(_:to:)-(Data,_)`` does, handing
    /// the bytes to the file a megabyte at a time (``ByteWriter``): the whole text is never held.
    /// When `body` throws, nothing is written (a temporary file is removed).
    public static func write(to path: String, _ body: (inout ByteWriter) throws -> Void) throws {
        guard !InputFiles.isInput(path) else {
            throw InputError(file: path, message: "is an input of this run; refusing to overwrite it (choose another output)")
        }
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: path, message: "cannot write: it is a folder") }
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw systemError(path) }
            defer { close(descriptor) }
            var writer = ByteWriter(descriptor: descriptor, path: path)
            try body(&writer)
            try writer.finish()
            return
        }
        let url = URL(fileURLWithPath: path)
        try makeFolders(url.deletingLastPathComponent().path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw systemError(path) }
        do {
            var writer = ByteWriter(descriptor: descriptor, path: path)
            try body(&writer)
            try writer.finish()
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = systemError(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `folder` and its missing parents; a parent that is a file is named in the error.
    package static func makeFolders(_ folder: String) throws {
        var status = stat()
        if folder.isEmpty || stat(folder, &status) == 0 {
            guard folder.isEmpty || (status.st_mode & S_IFMT) == S_IFDIR else {
                throw InputError(file: folder, message: "cannot write into it: it is a file, not a folder")
            }
            return
        }
        try makeFolders((folder as NSString).deletingLastPathComponent)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw systemError(folder) }
    }

    static func systemError(_ path: String) -> InputError {
        InputError(file: path, message: "cannot write: \(String(cString: strerror(errno)))")
    }
}
