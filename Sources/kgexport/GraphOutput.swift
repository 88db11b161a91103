import KnowledgeGraph

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
    static func write(_ graph: Graph, with serializer: any GraphSerializer, formatName: String,
                      to path: String, source: String) throws(CommandFailure) {
        do {
            if path == "-" {
                let sink = StandardOutputSink()
                try serializer.write(graph, to: sink)
                do { try sink.flush() } catch { throw WriteError.output(error) }
            } else {
                let sink: AtomicFileSink
                do { sink = try AtomicFileSink(path: path) } catch { throw WriteError.output(error) }
                do {
                    try serializer.write(graph, to: sink)
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
