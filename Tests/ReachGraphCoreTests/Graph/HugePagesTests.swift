#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ReachGraphCore
import XCTest

/// ``HugePages/clear(_:bytes:)`` splits large buffers between threads: every byte in the range
/// becomes zero, on any thread count, and no byte outside it is touched.
final class HugePagesTests: XCTestCase {
    func testClearZeroesExactlyTheRangeOnAnyThreadCount() {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        // Over the parallel threshold and odd, so the last slice is shorter than the others.
        let bytes = HugePages.parallelClearBytes + 12_345
        for threads in [1, 2, 3] {
            Parallelism.threadCount = threads
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes + 2, alignment: 16)
            defer { buffer.deallocate() }
            buffer.initializeMemory(as: UInt8.self, repeating: 0xAB)
            HugePages.clear(buffer.baseAddress! + 1, bytes: bytes)
            XCTAssertEqual(buffer[0], 0xAB, "threads \(threads)")
            XCTAssertEqual(buffer[bytes + 1], 0xAB, "threads \(threads)")
            XCTAssertTrue(isZero(UnsafeRawBufferPointer(rebasing: buffer[1 ... bytes])), "threads \(threads)")
        }
    }

    func testSmallClearsAndZerosOverTheThreshold() {
        var small: [UInt8] = [7, 7, 7, 7]
        small.withUnsafeMutableBytes { HugePages.clear($0.baseAddress! + 1, bytes: 2) }
        XCTAssertEqual(small, [7, 0, 0, 7])
        let count = HugePages.parallelClearBytes / 8 + 1_001
        let zeros = HugePages.zeros(count, of: UInt64.self)
        XCTAssertEqual(zeros.count, count)
        XCTAssertTrue(zeros.withUnsafeBytes(isZero))
    }

    /// Whether every byte is zero, compared a block at a time (a byte loop takes seconds in a debug build).
    private func isZero(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let block = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while offset < bytes.count {
            let length = min(block.count, bytes.count - offset)
            if memcmp(bytes.baseAddress! + offset, block, length) != 0 { return false }
            offset += length
        }
        return true
    }
}
