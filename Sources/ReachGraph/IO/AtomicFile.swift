import Foundation

/// Writes files so that an interrupted run never leaves a half-written output: the bytes go to a
/// temporary file in the same folder, which is then renamed over the destination (rename is
/// atomic within one file system).
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating missing parent folders.
    ///
    /// A destination that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a pipe)
    /// is written in place: renaming over it would replace the device with a plain file.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw InputError(file: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: data) } catch {
                throw InputError(file: path, message: "cannot write: \(error.localizedDescription)")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw InputError(file: path, message: "cannot write: \(reason)")
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
