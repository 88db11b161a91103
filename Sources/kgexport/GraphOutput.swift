import KnowledgeGraph
import RDFFormats

/// Writes a graph to a file or standard output so that a failure leaves nothing behind.
enum GraphOutput {
    /// Serializes `graph` to `path` (`-` for standard output).
    ///
    /// A file is written beside its target and renamed over it only once the serializer has
    /// finished; on any failure the target is left as it was. Serializers check the whole graph
    /// before writing, so a refused graph writes nothing to standard output either.
    /// - Parameters:
    ///   - formatName: the format's name, for messages.
    ///   - source: the input the graph came from, for messages about its triples.
    /// - Throws: ``CommandFailure`` with the refusal (naming the triple) or the output error.
    ///   - serialized: called when every byte has been handed to the file, before it is synced
    ///     to disk and renamed into place (for `--timings`).
    static func write(_ graph: Graph, with serializer: any GraphSerializer, formatName: String,
                      to path: String, source: String, progress: Progress? = nil,
                      serialized: () -> Void = {}) throws(CommandFailure) {
        do {
            if path == "-" {
                let sink = StandardOutputSink()
                try serializer.write(graph, to: ProgressSink(sink, progress))
                do { try sink.flush() } catch { throw WriteError.output(error) }
                serialized()
            } else {
                let sink: AtomicFileSink
                do { sink = try AtomicFileSink(path: path) } catch { throw WriteError.output(error) }
                do {
                    try serializer.write(graph, to: ProgressSink(sink, progress))
                    try sink.flush()
                    serialized()
                    try sink.commit()
                } catch {
                    sink.discard()
                    throw error
                }
            }
        } catch let error as WriteError {
            throw failure(error, formatName: formatName, path: path, source: source)
        } catch let error as OutputError {
            throw failure(.output(error), formatName: formatName, path: path, source: source)
        } catch {
            throw CommandFailure("\(path): error: \(error)")
        }
    }

    /// Opens `path` (`-` for standard output), lets `body` write to it, and commits the file
    /// only when `body` succeeds; a failure leaves the target as it was.
    /// - Throws: ``CommandFailure`` with the refusal or the output error.
    static func stream(to path: String, formatName: String = "N-Triples", source: String = "-",
                       serialized: () -> Void = {},
                       _ body: (any ByteSink) throws(StreamingError) -> Void) throws(CommandFailure) {
        do throws(StreamingError) {
            if path == "-" {
                let sink = StandardOutputSink()
                try body(sink)
                do { try sink.flush() } catch { throw .write(.output(error)) }
                serialized()
            } else {
                let sink: AtomicFileSink
                do { sink = try AtomicFileSink(path: path) } catch { throw .write(.output(error)) }
                do throws(StreamingError) {
                    try body(sink)
                    do { try sink.flush() } catch { throw .write(.output(error)) }
                    serialized()
                    do { try sink.commit() } catch { throw .write(.output(error)) }
                } catch {
                    sink.discard()
                    throw error
                }
            }
        } catch {
            switch error {
            case .input(let diagnostic):
                let untouched = path == "-" ? "nothing was written" : "\(path) was not written"
                throw CommandFailure([diagnostic.description, "note: \(untouched)"])
            case .write(let writeError):
                throw failure(writeError, formatName: formatName, path: path, source: source)
            }
        }
    }

    private static func failure(_ error: WriteError, formatName: String, path: String, source: String) -> CommandFailure {
        let untouched = path == "-" ? "nothing was written" : "\(path) was not written"
        switch error {
        case .unrepresentable(let diagnostic):
            // A triple has no position of its own; name the file it came from.
            let origin = diagnostic.location == nil && source != "-" ? "\(source): " : ""
            return CommandFailure([origin + diagnostic.description, "note: \(untouched): \(formatName) cannot express this graph"])
        case .output(let outputError):
            return CommandFailure(["\(path): error: \(outputError.reason)", "note: \(untouched)"])
        }
    }
}

/// Passes bytes on to another sink and reports how many went through.
final class ProgressSink: ByteSink {
    private let inner: any ByteSink
    private let progress: Progress?
    private var written = 0

    init(_ inner: any ByteSink, _ progress: Progress?) {
        self.inner = inner
        self.progress = progress
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        try inner.write(bytes)
        written += bytes.count
        progress?.update(done: 0, bytes: written)
    }
}
