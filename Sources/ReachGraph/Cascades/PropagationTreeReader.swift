import Foundation
import ReachGraphCore

/// A diffusion tree read from a Twitter15/16 propagation-tree file, with what was dropped.
public struct PropagationTree: Sendable {
    /// The file's name without extension: the source tweet id.
    public var rootID: String
    /// User id of each node; node 0 is the source's author.
    public var users: [String]
    public var tree: CascadeTree
    /// Lines dropped, by reason.
    public var diagnostics: Diagnostics
}

/// Reads the public Twitter15/16 propagation-tree format (Ma, Gao & Wong, ACL 2017): one edge a
/// line, `['parent_uid', 'parent_tweet_id', 'parent_delay_min']->['child_uid', 'child_tweet_id',
/// 'child_delay_min']`, with one line from `['ROOT', 'ROOT', '0.0']` naming the source (usually
/// the first line, not always).
///
/// The files are DAGs rather than trees, with duplicate lines and users under two parents. The
/// rule applied, as the data set's documentation suggests: one node per user id, the first parent
/// in file order wins, duplicate lines are dropped, and every dropped line is counted by reason.
/// A line whose parent has not appeared yet is held back and attached once it has (in file order).
public enum PropagationTreeReader {
    /// Reads every `*.txt` file of `folder`, in name order; a file is read as the one tree.
    public static func readFolder(_ folder: String) throws -> [PropagationTree] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw InputError(file: folder, message: "no such file or folder")
        }
        guard isFolder.boolValue else { return [try read(folder)] }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw InputError(file: folder, message: "cannot list the folder: \(String(cString: strerror(EACCES)))")
        }
        let names = entries.filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw InputError(file: folder, message: "no propagation-tree files (*.txt) in the folder") }
        return try names.map { try read((folder as NSString).appendingPathComponent($0)) }
    }

    /// Reads one tree file.
    public static func read(_ path: String) throws -> PropagationTree {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: file, message: "cannot read the file") }
        InputFiles.register(path)
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: file, message: "is not valid UTF-8") }
        var diagnostics = Diagnostics()
        var users: [String] = []
        var parents: [Int32] = []
        var times: [Double] = []
        var nodeOfUser: [String: Int32] = [:]
        var seenLines = Set<Substring>()
        var pending: [(parent: String, child: String, delay: Double, line: Int)] = []

        func attach(parent: String, child: String, delay: Double, line: Int) -> Bool {
            guard let parentNode = nodeOfUser[parent] else { return false }
            if nodeOfUser[child] != nil {
                diagnostics.warn("users already in the tree (first parent kept)", file: file, line: line, "user \(child) already has a parent")
                return true
            }
            nodeOfUser[child] = Int32(users.count)
            users.append(child)
            parents.append(parentNode)
            times.append(delay * 60)
            return true
        }

        var edges: [(parent: Endpoint, child: Endpoint, text: Substring, line: Int)] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let edge = parseEdge(line) else {
                throw InputError(file: file, line: lineNumber, column: 1, message: "expected ['uid', 'tweet_id', 'delay']->['uid', 'tweet_id', 'delay']")
            }
            edges.append((edge.parent, edge.child, line, lineNumber))
        }
        // The ROOT line is usually first but not always (seen in the real data).
        guard let rootLine = edges.firstIndex(where: { $0.parent.user == "ROOT" }) else {
            throw InputError(file: file, message: "no edge from ['ROOT', 'ROOT', '0.0']: cannot tell the source post")
        }
        func delay(_ text: String, line: Int) throws -> Double {
            var copy = text
            guard let minutes = copy.withUTF8(FieldParsing.double), abs(minutes) <= 1e12 else {
                throw InputError(file: file, line: line, message: "delay \"\(text)\" is not a finite number of minutes")
            }
            return minutes
        }
        let rootDelay = try delay(edges[rootLine].child.delay, line: edges[rootLine].line)
        nodeOfUser[edges[rootLine].child.user] = 0
        users.append(edges[rootLine].child.user)
        parents.append(-1)
        times.append(0)
        seenLines.insert(edges[rootLine].text)
        for (index, edge) in edges.enumerated() where index != rootLine {
            guard seenLines.insert(edge.text).inserted else {
                diagnostics.warn("duplicate lines", file: file, line: edge.line, "repeats an earlier line")
                continue
            }
            if edge.parent.user == "ROOT" {
                diagnostics.warn("further lines from ROOT", file: file, line: edge.line, "a second source post")
                continue
            }
            if edge.parent.user == edge.child.user {
                diagnostics.warn("self edges (user to itself)", file: file, line: edge.line, "user \(edge.child.user) points to itself")
                continue
            }
            let minutes = try delay(edge.child.delay, line: edge.line)
            // Delays are minutes after the source post; some files put the source at a negative delay.
            if minutes < rootDelay {
                diagnostics.warn("delays before the source post (kept)", file: file, line: edge.line, "user \(edge.child.user) at \(edge.child.delay) minutes, the source at \(edges[rootLine].child.delay)")
            }
            if !attach(parent: edge.parent.user, child: edge.child.user, delay: minutes - rootDelay, line: edge.line) {
                pending.append((edge.parent.user, edge.child.user, minutes - rootDelay, edge.line))
            }
        }
        guard !users.isEmpty else { throw InputError(file: file, message: "file is empty: expected a first line from ['ROOT', 'ROOT', '0.0']") }
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            pending = pending.filter { item in
                let placed = attach(parent: item.parent, child: item.child, delay: item.delay, line: item.line)
                if placed { progress = true }
                return !placed
            }
        }
        for item in pending {
            diagnostics.warn("parents never in the tree", file: file, line: item.line, "parent \(item.parent) of \(item.child) never appears as a node")
        }
        let tree = try CascadeTree(parents: parents, times: times)
        let rootID = ((file as NSString).deletingPathExtension)
        return PropagationTree(rootID: rootID, users: users, tree: tree, diagnostics: diagnostics)
    }

    private struct Endpoint {
        var user: String
        var tweet: String
        var delay: String
    }

    /// Splits `['a', 'b', 'c']->['d', 'e', 'f']`.
    private static func parseEdge(_ line: Substring) -> (parent: Endpoint, child: Endpoint)? {
        guard let arrow = line.range(of: "->") else { return nil }
        guard let parent = parseEndpoint(line[..<arrow.lowerBound]), let child = parseEndpoint(line[arrow.upperBound...]) else { return nil }
        return (parent, child)
    }

    private static func parseEndpoint(_ text: Substring) -> Endpoint? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let parts = trimmed.dropFirst().dropLast().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        guard parts.count == 3 else { return nil }
        return Endpoint(user: parts[0], tweet: parts[1], delay: parts[2])
    }
}
