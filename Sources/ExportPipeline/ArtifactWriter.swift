#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import KnowledgeGraph

/// Writes rendered files into a folder all or none: each goes to an ``AtomicFileSink``, and
/// the sinks are committed together (``AtomicFileSink/commit(_:)``) only once every file has
/// been written out; a failure at any point leaves the folder as it was.
public enum ArtifactWriter {
    /// Writes `artifacts` into `folder`, creating the folder (and its parents) when missing.
    /// - Parameter inputs: the files the artifacts were made from, which the sweep of stale
    ///   temporary files in `folder` leaves alone whatever their names.
    /// - Returns: the paths written.
    /// - Throws: ``GroupCommitError`` naming the file that failed. Nothing has then been
    ///   written: no file replaced or added, no folder created (but see
    ///   ``GroupCommitError/changedFiles`` for files that could not be put back).
    public static func write(_ artifacts: [RenderedArtifact], into folder: String,
                             sparing inputs: [String] = []) throws(GroupCommitError) -> [String] {
        var createdFolders: [String] = []
        do throws(OutputError) {
            try makeFolder(folder, created: &createdFolders)
        } catch {
            removeFolders(createdFolders)
            throw GroupCommitError(failure: error)
        }
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        var sinks: [AtomicFileSink] = []
        do throws(OutputError) {
            for artifact in artifacts {
                let sink = try AtomicFileSink(path: prefix + artifact.fileName, sparing: inputs)
                sinks.append(sink)
                try sink.write(artifact.bytes)
            }
        } catch {
            for sink in sinks { sink.discard() }
            removeFolders(createdFolders)
            throw GroupCommitError(failure: error)
        }
        do {
            try AtomicFileSink.commit(sinks)
        } catch {
            if error.changedFiles.isEmpty { removeFolders(createdFolders) }
            throw error
        }
        return sinks.map(\.path)
    }

    /// `mkdir -p`, noting each folder it creates in `created`.
    static func makeFolder(_ folder: String, created: inout [String]) throws(OutputError) {
        guard !folder.isEmpty else { return }
        var path = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            path += component
            if mkdir(path, 0o755) == 0 {
                created.append(path)
            } else if errno != EEXIST {
                throw OutputError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError(path: path, reason: "is not a folder")
            }
            path += "/"
        }
    }

    /// Removes the folders a failed run created, deepest first (each is empty again by then).
    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }
}
