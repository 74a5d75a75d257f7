#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks Linux to back large, randomly accessed arrays with 2 MiB pages.
///
/// Loading an edge list looks ids up in a hash table and scatters edges into CSR rows: random
/// accesses over hundreds of megabytes at 100M edges (a 512 MiB id table, 400 MiB neighbour
/// arrays). With 4 KiB pages nearly every such access also misses the TLB and walks the page
/// table, itself out of cache; 2 MiB pages cover the same arrays with a few hundred TLB entries.
/// Transparent huge pages are often enabled only on request (`madvise` in
/// `/sys/kernel/mm/transparent_hugepage/enabled`, the default of many distributions), so
/// the request is made here. The advice only affects pages not yet touched: call it on freshly
/// allocated, uninitialised storage, before writing. Elsewhere (other systems, THP off) it does
/// nothing, and results never depend on it.
package enum HugePages {
    /// Arrays smaller than this are left alone: they fit in the TLB's reach anyway.
    static let threshold = 8 << 20

    /// Advises huge pages for the whole 2 MiB pages inside `buffer`.
    @inline(__always)
    package static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let bytes = buffer.count * MemoryLayout<Element>.stride
        guard bytes >= threshold else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// `count` zeros, on huge pages where the system grants them.
    package static func zeros<Element: FixedWidthInteger>(_ count: Int, of _: Element.Type = Element.self) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(buffer)
            if let base = buffer.baseAddress { clear(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<Element>.stride) }
            initialized = count
        }
    }

    /// Bytes from which ``clear(_:bytes:)`` splits the work between the library's threads.
    static let parallelClearBytes = 32 << 20

    /// Sets `bytes` bytes at `base` to zero. Large fresh arrays are cleared in slices on the
    /// library's threads: the kernel clears each page on its first touch, on the touching thread,
    /// and on this machine kind that was 0.6–1.2 s on one thread before an IO archive's reading
    /// could start (the string tables' 400 MB of slots; BENCHMARKS.md, "IO archive read on two
    /// threads"). memset rather than `initialize(repeating:)`, which runs unspecialised here (a
    /// generic outside its module), a witness call per element: 7 % of `cascades` on a million posts.
    static func clear(_ base: UnsafeMutableRawPointer, bytes: Int) {
        let slices = bytes >= parallelClearBytes ? Parallelism.workerCount(items: bytes / (parallelClearBytes / 2)) : 1
        guard slices > 1 else {
            memset(base, 0, bytes)
            return
        }
        let address = UInt(bitPattern: base), slice = (bytes + slices - 1) / slices
        Parallelism.forEach(slices) { index in
            let start = index * slice, length = min(slice, bytes - start)
            if length > 0, let pointer = UnsafeMutableRawPointer(bitPattern: address + UInt(start)) { memset(pointer, 0, length) }
        }
    }
}
