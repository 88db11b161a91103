#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import KnowledgeGraph

/// Writes rendered files into a folder all or nothing: each goes to an ``AtomicFileSink``,
/// and the sinks are committed only once every file has been written out.
public enum ArtifactWriter {
    /// Writes `artifacts` into `folder`, creating the folder (and its parents) when missing.
    /// - Parameter inputs: the files the artifacts were made from, which the sweep of stale
    ///   temporary files in `folder` leaves alone whatever their names.
    /// - Returns: the paths written.
    /// - Throws: ``OutputError`` naming the file; no file has then been replaced, unless the
    ///   failure came while committing (renaming), which is as close to atomic as a file system allows.
    public static func write(_ artifacts: [RenderedArtifact], into folder: String,
                             sparing inputs: [String] = []) throws(OutputError) -> [String] {
        try makeFolder(folder)
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        var sinks: [AtomicFileSink] = []
        do throws(OutputError) {
            for artifact in artifacts {
                let sink = try AtomicFileSink(path: prefix + artifact.fileName, sparing: inputs)
                sinks.append(sink)
                var failure: OutputError?
                artifact.bytes.withUnsafeBytes { raw in
                    do throws(OutputError) { try sink.write(raw) } catch { failure = error }
                }
                if let failure { throw failure }
            }
            for sink in sinks { try sink.commit() }
        } catch {
            for sink in sinks { sink.discard() }
            throw error
        }
        return sinks.map(\.path)
    }

    /// `mkdir -p`.
    static func makeFolder(_ folder: String) throws(OutputError) {
        guard !folder.isEmpty else { return }
        var path = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            path += component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError(path: path, reason: "is not a folder")
            }
            path += "/"
        }
    }
}
