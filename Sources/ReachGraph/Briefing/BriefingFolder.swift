import Foundation

/// Puts a finished briefing in place as a whole: written into a hidden staging folder beside the
/// destination, then swapped in with two renames. A destination folder is only replaced when it
/// holds nothing but a briefing's own entries (so `-o ~/Documents` cannot wipe a folder of other
/// files) and no input of this run (``InputFiles``).
enum BriefingFolder {
    /// The entries a briefing writes; a folder holding only these (or nothing) may be replaced.
    static let entries: Set<String> = ["index.html", "brief.md", "figures", "tables"]

    /// Checks that `folder` can receive a briefing and returns a fresh staging folder beside it.
    static func staging(for folder: String) throws -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw InputError(file: folder, message: "is a file; the briefing needs a folder (a new one, or a previous briefing)") }
            if let input = InputFiles.input(inside: folder) {
                throw InputError(file: folder, message: "holds \(input), an input of this run; write the briefing to another folder")
            }
            let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !entries.contains($0) && !$0.hasPrefix(".") }
            guard others.isEmpty else {
                throw InputError(file: folder, message: "holds files that are not part of a briefing (\(others.sorted().prefix(3).joined(separator: ", "))); write the briefing to a new or empty folder")
            }
        }
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        try AtomicFile.makeFolders(parent)
        let staging = (parent as NSString).appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).staging")
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { throw AtomicFile.systemError(staging) }
        return staging
    }

    /// Replaces `folder` with `staging`.
    static func moveIntoPlace(_ staging: String, at folder: String) throws {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            guard rename(staging, folder) == 0 else { throw AtomicFile.systemError(folder) }
            return
        }
        let retired = staging + ".old"
        guard rename(folder, retired) == 0 else { throw AtomicFile.systemError(folder) }
        guard rename(staging, folder) == 0 else {
            let error = AtomicFile.systemError(folder)
            rename(retired, folder)
            throw error
        }
        try? FileManager.default.removeItem(atPath: retired)
    }
}
