/// Writes a graph in one concrete syntax (RDF/XML, N-Triples, Turtle, GraphML, DOT…).
///
/// A serializer either writes a complete, valid document or throws before the caller commits
/// the output: callers write into an ``AtomicFileSink`` and commit only on success.
public protocol GraphSerializer {
    /// Writes `graph` to `sink`.
    /// - Throws: ``WriteError/unrepresentable(_:)`` when the format cannot express part of the
    ///   graph (naming the triple or node), ``WriteError/output(_:)`` when the sink fails.
    func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError)
}

/// Reads one concrete syntax into a graph.
public protocol GraphParser {
    /// Parses a whole document.
    /// - Parameters:
    ///   - bytes: the document, UTF-8.
    ///   - source: the file name used in diagnostics (`-` for standard input).
    /// - Throws: a ``Diagnostic`` with the position of the first error.
    func parse(_ bytes: [UInt8], source: String) throws(Diagnostic) -> Graph
}

/// Why a serializer could not write.
public enum WriteError: Error, Sendable, CustomStringConvertible {
    /// The format cannot express this part of the graph; nothing valid could be written.
    case unrepresentable(Diagnostic)
    /// The destination failed (disk full, permission denied…).
    case output(OutputError)

    public var description: String {
        switch self {
        case .unrepresentable(let diagnostic): return diagnostic.description
        case .output(let error): return error.description
        }
    }
}
