import Foundation
import ReachGraph

/// One function per reader. Each writes the fuzzer's bytes where the reader expects a file, reads
/// them, and, when they were accepted, runs the writers on what was read and reads the JSON
/// dataset writer's output back: a reader may reject any input with an ``InputError``, but it
/// must not trap, and what the writers produce from accepted input must be readable again.
public enum FuzzTargets {
    /// A private scratch folder per process (fuzz runs may run in parallel).
    private static let scratch: String = {
        let folder = NSTemporaryDirectory() + "reachgraph-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    private static func file(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let path = scratch + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// A reader failed on what a writer produced from accepted input: a bug, reported as a crash.
    private static func fail(_ what: String, _ error: Error) -> Never {
        fatalError("\(what): \(error)")
    }

    /// The writers on an accepted dataset, and the JSON dataset read back.
    static func exerciseWriters(_ dataset: Dataset) {
        _ = DatasetSummary(of: dataset)
        _ = DatasetWriter.accountsCSV(dataset)
        _ = DatasetWriter.relationsCSV(dataset)
        _ = DatasetWriter.postsCSV(dataset)
        _ = DatasetWriter.metricsCSV(dataset)
        if let graph = try? AttributedGraph(dataset: dataset) {
            _ = GraphMLWriter.text(of: graph)
            _ = GEXFWriter.text(of: graph)
        }
        let json = JSONDatasetWriter.text(of: dataset)
        let path = scratch + "/written.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        do {
            let again = try DatasetLoader.load(path)
            guard again.accounts.count == dataset.accounts.count, again.posts.count == dataset.posts.count, again.metrics.count == dataset.metrics.count else {
                fatalError("the JSON dataset read back differs: \(again.accounts.count) accounts, \(again.posts.count) posts, \(again.metrics.count) metrics rows; wrote \(dataset.accounts.count), \(dataset.posts.count), \(dataset.metrics.count)")
            }
        } catch {
            fail("reading back the JSON dataset writer's output", error)
        }
    }

    /// The CSV reader on its own: every field of every record.
    public static func csv(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = file("any.csv", bytes)
        var rows: [[String]] = []
        do {
            try CSVReader(path: path).forEachRecord { record in
                rows.append(try (0 ..< record.count).map { try record.string(at: $0) })
            }
        } catch is InputError {
            return
        } catch {
            fail("CSVReader threw something other than an InputError", error)
        }
        // Written back and read again, the rows are the same.
        guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width && !$0.isEmpty }) else { return }
        var writer = CSVWriter(header: rows[0])
        for row in rows.dropFirst() { writer.appendRow(row) }
        let again = scratch + "/again.csv"
        _ = FileManager.default.createFile(atPath: again, contents: Data(writer.text.utf8))
        var reread: [[String]] = []
        do {
            try CSVReader(path: again).forEachRecord { record in reread.append(try (0 ..< record.count).map { try record.string(at: $0) }) }
        } catch {
            fail("reading back CSVWriter's output", error)
        }
        // A row of one empty field is a blank line, which readers skip by design.
        let kept = rows.filter { $0 != [""] }
        if reread != kept { fatalError("CSV round trip changed the rows: \(kept) became \(reread)") }
    }

    /// A plain edge list (`source,target[,weight]`, header optional).
    public static func edgeList(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = file("edges.txt", bytes)
        _ = try? EdgeListReader.read(path: path)
        guard let dataset = try? DatasetLoader.load(path) else { return }
        exerciseWriters(dataset)
    }

    /// A dataset folder: the bytes up to each NUL become `accounts.csv`, `relations.csv`,
    /// `posts.csv` and `metrics.csv` in turn (a file is left out when its part is empty).
    public static func datasetFolder(_ bytes: UnsafeBufferPointer<UInt8>) {
        let folder = scratch + "/folder"
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
        for (name, part) in zip(["accounts.csv", "relations.csv", "posts.csv", "metrics.csv"], parts) where !part.isEmpty {
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(part))
        }
        guard let dataset = try? DatasetLoader.load(folder) else { return }
        exerciseWriters(dataset)
    }

    /// A JSON dataset.
    public static func json(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = file("data.json", bytes)
        guard let dataset = try? DatasetLoader.load(path) else { return }
        exerciseWriters(dataset)
    }

    /// A platform export read by the reader `format` names (as `--input-format` forces it), then
    /// the writers on what was read.
    private static func platform(_ bytes: UnsafeBufferPointer<UInt8>, name: String, format: Dataset.Format, options: DatasetLoader.Options = .init()) {
        let path = file(name, bytes)
        var options = options
        options.inputFormat = format
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(path, options: options)
        } catch is InputError {
            return
        } catch {
            fail("the \(format.rawValue) reader threw something other than an InputError", error)
        }
        exerciseWriters(dataset)
    }

    /// An X information-operations archive CSV (one file).
    public static func ioArchive(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "tweets_csv_hashed.csv", format: .ioArchive)
    }

    /// Twitter API v1.1 tweets: JSON lines, a search response or an array.
    public static func twitterV1(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "tweets.jsonl", format: .twitterV1)
    }

    /// Twitter API v2 pages as twarc2 writes them.
    public static func twitterV2(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "pages.jsonl", format: .twitterV2)
    }

    /// A Telegram Desktop export or a TGDataset channel map.
    public static func telegram(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "result.json", format: .telegram)
    }

    /// A Weibo CED folder with one tree: the bytes up to the first NUL are the repost file
    /// `rumor-repost/1_100_200.json`, the rest (when present) the original
    /// `original-microblog/1_100_200.json`.
    public static func weiboCED(_ bytes: UnsafeBufferPointer<UInt8>) {
        let folder = scratch + "/ced"
        try? FileManager.default.removeItem(atPath: folder)
        for part in ["original-microblog", "rumor-repost"] {
            try? FileManager.default.createDirectory(atPath: folder + "/" + part, withIntermediateDirectories: true)
        }
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        _ = FileManager.default.createFile(atPath: folder + "/rumor-repost/1_100_200.json", contents: Data(parts[0]))
        if parts.count > 1 {
            _ = FileManager.default.createFile(atPath: folder + "/original-microblog/1_100_200.json", contents: Data(parts[1]))
        }
        do {
            exerciseWriters(try DatasetLoader.load(folder, options: .init(inputFormat: .weiboCED)))
        } catch is InputError {
            return
        } catch {
            fail("the weibo-ced reader threw something other than an InputError", error)
        }
    }

    /// DeepHawkes cascade lines.
    public static func deepHawkes(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "cascades.txt", format: .deepHawkes)
    }

    /// A SNAP edge list; the first byte's lowest bit picks the edge direction, so both readings
    /// are fuzzed.
    public static func snap(_ bytes: UnsafeBufferPointer<UInt8>) {
        let direction: EdgeListDirection = (bytes.first ?? 0) & 1 == 0 ? .authorToReposter : .reposterToAuthor
        platform(bytes, name: "edges.txt", format: .snap, options: .init(edgeDirection: direction))
    }

    /// A link-sharing CSV (CrowdTangle, CooRnet).
    public static func linkSharing(_ bytes: UnsafeBufferPointer<UInt8>) {
        platform(bytes, name: "shares.csv", format: .linkSharing)
    }

    /// A Twitter15/16 propagation tree, and the cascade measures on it.
    public static func twitterTree(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = file("tree.txt", bytes)
        guard let tree = try? PropagationTreeReader.read(path) else { return }
        _ = [tree].cascadeTable()
    }

    /// Index weights, then the index of a fixed two-account month under them.
    public static func indexWeights(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = file("weights.json", bytes)
        guard let weights = try? IndexWeights.load(contentsOf: path) else { return }
        let metrics = [
            MetricsRow(account: "a", platform: "facebook", period: "2025-05", posts: 3, likes: 10, comments: 2, shares: 1, views: 100, followers: 50, followerGain: 5, qualitative: 70),
            MetricsRow(account: "b", platform: "x", period: "2025-05", posts: 1, likes: 0, comments: 0, shares: 0, views: 9, followers: 5, followerGain: -1, qualitative: nil),
        ]
        let index = CommunicationPowerIndex(metrics: metrics, accounts: [], weights: weights)
        _ = try? index.report()
    }
}
