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

    /// Reads `path` as ``DatasetLoader`` does and computes its ``sha256(of:)`` on a second thread
    /// meanwhile, for `ingest`: hashing a million posts' files took 5 % of their ingest when done
    /// after reading them (BENCHMARKS.md, "The store").
    public static func readWithSHA256(_ path: String, options: DatasetLoader.Options) throws -> (dataset: Dataset, sha256: String) {
        let digest = DigestResult()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { digest.result = Result { try sha256(of: path) } }
        let dataset = Result { try DatasetLoader.load(path, options: options) }
        group.wait()
        return (try dataset.get(), try digest.result!.get()) // safe: set before the group finished
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

/// The digest computed on the hashing thread, read after it finished.
private final class DigestResult: @unchecked Sendable {
    var result: Result<String, Error>?
}
