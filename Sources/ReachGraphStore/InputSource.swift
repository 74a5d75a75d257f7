import Foundation
import Dispatch
import ReachGraph

/// The one way every command reads its INPUT: a store (a `.sqlite` path or a file with the SQLite
/// header), sliced by time or period, or anything ``DatasetLoader`` reads.
public enum InputSource {
    /// Reads `path`. A slice other than ``StoreSlice/everything`` needs a store.
    public static func load(_ path: String, options: DatasetLoader.Options = .init(), slice: StoreSlice = .everything) throws -> Dataset {
        if options.inputFormat == .store || DatasetStore.isStore(path) {
            var dataset = try DatasetStore(path: path, create: false).load(slice)
            if let types = options.relationTypes { dataset.selectRelations(types) }
            return dataset
        }
        guard slice.isEverything else {
            throw InputError(file: path, message: "--from, --to and --period choose a slice of a store (a .sqlite file); this input is not one")
        }
        return try DatasetLoader.load(path, options: options)
    }

    /// The SHA-256 of an input: of the file, or for a folder of its regular files in name order
    /// (each name, a zero byte, then the contents), so a renamed or edited file changes it.
    public static func sha256(of path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        var digest = SHA256()
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            for name in names {
                let full = (path as NSString).appendingPathComponent(name)
                var nested: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue else { continue }
                digest.update(Array(name.utf8) + [0])
                try hashFile(full, into: &digest)
            }
        } else {
            try hashFile(path, into: &digest)
        }
        return digest.finalize()
    }

    private static func hashFile(_ path: String, into digest: inout SHA256) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, message: "cannot be read")
        }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            digest.update(chunk)
        }
    }
}

/// The SHA-256 of an input (``InputSource/sha256(of:)``), computed on a background thread from
/// the moment it is made; ``value()`` waits for it. `ingest` makes one per input once the input is
/// read, so hashing runs beside SQLite's inserts (or the next input's reading) rather than beside
/// its own reading, which uses both cores.
public final class InputDigest: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once on the hashing queue before `group` leaves; read only after `group.wait()`.
    private var result: Result<String, Error>?

    /// Starts hashing `path` on `queue` (a serial queue hashes several inputs one after another).
    public init(of path: String, on queue: DispatchQueue = .global()) {
        queue.async(group: group) { [self] in result = Result { try InputSource.sha256(of: path) } }
    }

    /// The digest as 64 lowercase hexadecimal digits, once computed; throws what hashing threw.
    public func value() throws -> String {
        group.wait()
        return try result!.get() // safe: set before the group was left
    }
}
