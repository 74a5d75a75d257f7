import Foundation

/// Hands a file's lines to a closure as byte buffers, reading 1 MiB at a time, so line-based
/// formats (JSON lines, SNAP, DeepHawkes) stream whatever their size.
///
/// A line ends at LF; a CR before it is dropped (CRLF files). The buffer is valid only inside
/// the call. Lines are numbered from 1.
struct LineReader {
    let path: String
    let fileName: String
    var chunkSize = 1 << 20

    init(path: String) {
        self.path = path
        fileName = (path as NSString).lastPathComponent
    }

    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: fileName, message: "cannot read the file")
        }
        defer { try? handle.close() }
        InputFiles.register(path)
        var pending: [UInt8] = []
        var line = 0
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            line += 1
            var count = bytes.count
            if count > 0 && bytes[count - 1] == 0x0D { count -= 1 }
            var start = 0
            if line == 1 && count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
            try body(UnsafeBufferPointer(rebasing: bytes[start ..< max(start, count)]), line)
        }
        while true {
            let data: Data
            do {
                data = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw InputError(file: fileName, message: "cannot read the file")
            }
            if data.isEmpty { break }
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard let base = bytes.baseAddress else { return }
                var start = 0
                // memchr looks at many bytes at a time; JSON lines run to hundreds of bytes each.
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if pending.isEmpty {
                        try emit(UnsafeBufferPointer(rebasing: bytes[start ..< newline]))
                    } else {
                        pending.append(contentsOf: bytes[start ..< newline])
                        try pending.withUnsafeBufferPointer { try emit($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = newline + 1
                }
                pending.append(contentsOf: bytes[start...])
            }
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try emit($0) } }
    }
}
