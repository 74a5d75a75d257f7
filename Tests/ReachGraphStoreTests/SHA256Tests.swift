import Foundation
@testable import ReachGraphStore
import XCTest

/// The test vectors of FIPS 180-2 (appendix B) and the empty message.
final class SHA256Tests: XCTestCase {
    private func digest(_ text: String) -> String {
        var sha = SHA256()
        sha.update(Array(text.utf8))
        return sha.finalize()
    }

    func testStandardVectors() {
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    func testMillionAsInUnevenChunksGiveTheStandardDigest() {
        var sha = SHA256()
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var start = 0
        for size in [1, 63, 64, 65, 1000, 4096] {
            sha.update(Data(bytes[start ..< start + size]))
            start += size
        }
        sha.update(Array(bytes[start ..< 500_000]))
        sha.update(Data(bytes[500_000...]))
        XCTAssertEqual(sha.finalize(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
