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
            // memset: `initialize(repeating:)` runs unspecialised here (a generic outside its
            // module), a witness call per element, which took 7 % of `cascades` on a million posts.
            if let base = buffer.baseAddress { memset(base, 0, count * MemoryLayout<Element>.stride) }
            initialized = count
        }
    }
}
