import Foundation
import GRDB
import ReachGraph

/// A ReachGraph store: one SQLite file in WAL mode that accumulates datasets (``ingest(_:source:period:platform:)``)
/// and hands slices of them back as datasets (``load(_:)``), so no analysis knows whether its
/// data came from a folder or the store.
///
/// Readers see a consistent snapshot while an ingest runs (WAL); an ingest is one transaction,
/// so a crash leaves the store as it was before it or complete. Tables and keys: `docs/store.md`.
public final class DatasetStore: Sendable {
    /// The store file's path as given.
    public let path: String
    /// A pool in WAL mode; while a new store is built (``write(into:_:)``), a queue on its
    /// temporary file.
    let pool: any DatabaseWriter
    private let building: DatabaseQueue?

    /// The first 16 bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Whether `path` names a store: a name ending in `.sqlite`, or an existing file that starts
    /// with the SQLite header.
    public static func isStore(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".sqlite") || hasSQLiteHeader(path)
    }

    private static func hasSQLiteHeader(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        return Array(head) == sqliteHeader
    }

    /// Opens the store at `path`, creating it (and bringing its schema up to date) when `create`
    /// is true; otherwise the store must exist. A store is opened for writing whenever its file
    /// is writable, even only to read, so SQLite can recover the WAL index after a crash.
    public init(path: String, create: Bool) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw InputError(file: path, message: "is a folder, not a store file") }
        if !exists && !create { throw InputError(file: path, message: "no such store") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if exists && size > 0 && !Self.hasSQLiteHeader(path) { throw InputError(file: path, message: "not a store: the file is not an SQLite database") }
        // A store opened only to be read is an input: `trend STORE -o STORE` must not replace it.
        if !create { InputFiles.register(path) }
        building = nil
        var configuration = Configuration()
        configuration.readonly = !create && access(path, W_OK) != 0
        configuration.busyMode = .timeout(10)
        configuration.label = "ReachGraphStore"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            if create {
                try migrator.migrate(pool)
            } else {
                try pool.read { db in
                    guard try migrator.appliedIdentifiers(db).isSuperset(of: StoreSchema.readerMigrations) else {
                        throw InputError(file: path, message: "not a ReachGraph store, or one not brought up to date (ingest into it once to migrate)")
                    }
                    if try migrator.hasBeenSuperseded(db) {
                        throw InputError(file: path, message: "the store was written by a newer ReachGraph (unknown schema migrations)")
                    }
                }
            }
        } catch let error as InputError {
            throw error
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "not a usable store: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// A new store in `file`, to be moved to `path` once built.
    private init(path: String, building file: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.label = "ReachGraphStore"
        configuration.prepareDatabase { db in
            // 64 MiB of page cache: the post table's key index takes inserts all along its width.
            // 16 KiB pages (set before the first table): a quarter of the writes and reads of
            // 4 KiB ones when the cache spills; an ingest of 2.5M posts 5.0–5.1 → 4.7–4.8 s, the
            // whole store read back as fast (BENCHMARKS.md, "The store").
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -65536")
        }
        do {
            let queue = try DatabaseQueue(path: file, configuration: configuration)
            try StoreSchema.migrator.migrate(queue)
            building = queue
            pool = queue
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "not a usable store: \(error.message ?? "\(error.resultCode)")")
        }
    }
}

extension DatasetStore {
    /// Opens the store at `path` for `body`'s ingests. A store that does not exist yet is built in
    /// a temporary file in the same folder and moved into place when `body` returns, so it appears
    /// whole or not at all: while no reader can see it, its rollback journal is kept in memory (a
    /// new file's appended pages need none) instead of writing every page twice through a WAL,
    /// with a larger page cache; it is switched to WAL mode before it is moved. An existing store
    /// is written in place, one transaction per ingest (``ingest(_:source:sha256:period:platform:now:)``).
    /// When `body` throws, a new store is not created.
    public static func write(into path: String, _ body: (DatasetStore) throws -> Void) throws {
        var status = stat()
        guard lstat(path, &status) != 0 && (errno == ENOENT || errno == ENOTDIR) else {
            try body(DatasetStore(path: path, create: true))
            return
        }
        let url = URL(fileURLWithPath: path)
        // As every other output, a new store's missing folders are made.
        try AtomicFile.makeFolders(url.deletingLastPathComponent().path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        func removeTemporary() {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
        }
        removeTemporary()
        do {
            let store = try DatasetStore(path: path, building: temporary)
            try body(store)
            try store.finishBuilding()
            // `link` fails rather than replace a store another process created meanwhile.
            guard link(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw InputError(file: path, message: errno == EEXIST ? "was created by another process during this ingest; ingest again" : "cannot be created: \(reason)")
            }
            removeTemporary()
        } catch {
            removeTemporary()
            throw error
        }
    }

    /// Puts a store built by ``write(into:_:)`` in WAL mode, as every store is, and closes it.
    private func finishBuilding() throws {
        guard let building else { return }
        do {
            try building.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try building.close()
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "cannot write the store: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]`, or the problems it found.
    public func integrityCheck() throws -> [String] {
        try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Runs `body` on a read-only snapshot, mapping SQLite failures to one-line input errors.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "cannot read the store: \(error.message ?? "\(error.resultCode)")")
        }
    }
}

/// Attribute dictionaries as JSON objects in text columns (NULL when empty), keys sorted so the
/// same attributes always give the same text.
enum AttributeText {
    static func encode(_ attributes: [String: String]) -> String? {
        guard !attributes.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: attributes, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] else { return [:] }
        return object
    }
}
