import Foundation

/// The files this process has read as input, by device and inode, so that no output replaces
/// one: `rank edges.csv -o edges.csv` and a briefing written over its own dataset folder are
/// refused by ``AtomicFile`` instead of destroying the input. Readers register a file when they
/// open it, in this module or another (a store); identity by inode catches every spelling of a
/// path (`./e.csv`, a symbolic link).
public enum InputFiles {
    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var identities: Set<Identity> = []
    nonisolated(unsafe) private static var paths: [String] = []

    private static func identity(of path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Records `path` as read.
    public static func register(_ path: String) {
        guard let identity = identity(of: path) else { return }
        lock.lock()
        defer { lock.unlock() }
        if identities.insert(identity).inserted { paths.append(path) }
    }

    /// Whether `path` names a file that was read as input.
    static func isInput(_ path: String) -> Bool {
        guard let identity = identity(of: path) else { return false }
        lock.lock()
        defer { lock.unlock() }
        return identities.contains(identity)
    }

    /// An input file inside `folder` (at any depth), if any.
    static func input(inside folder: String) -> String? {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let prefix = resolved(folder) + "/"
        lock.lock()
        let read = paths
        lock.unlock()
        return read.first { resolved($0).hasPrefix(prefix) }
    }
}
