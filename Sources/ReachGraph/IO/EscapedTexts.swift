/// Texts escaped once and appended by number: the node ids an export writes at both ends of
/// every edge (1.7 million edges of 2.5M IRA-sized posts, 242,000 distinct ids), escaped per node
/// instead of twice per edge.
///
/// Holds the bytes each text's `escape` wrote, one after another, and where each begins.
/// - Complexity: O(total length) to build; appending one is a copy of its bytes.
public struct EscapedTexts: Sendable {
    private let bytes: [UInt8]
    /// Where text `i` begins in `bytes`; text `i` ends where `i + 1` begins.
    private let starts: [Int]

    /// `texts`, each as `escape` writes it.
    public init(_ texts: [String], _ escape: (String, inout ByteWriter) -> Void) {
        var writer = ByteWriter()
        var starts = [Int]()
        starts.reserveCapacity(texts.count + 1)
        for text in texts {
            starts.append(writer.bytes.count)
            escape(text, &writer)
        }
        starts.append(writer.bytes.count)
        bytes = writer.bytes
        self.starts = starts
    }

    /// The number of texts.
    public var count: Int { starts.count - 1 }

    /// Calls `body` with the escaped bytes of text `index`.
    @inline(__always)
    func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[index] ..< starts[index + 1]])) }
    }
}

extension ByteWriter {
    /// Appends text `index` of `texts` as it was escaped.
    @inline(__always)
    public mutating func append(_ texts: EscapedTexts, at index: Int) {
        texts.withBytes(at: index) { append(utf8: $0) }
    }
}
