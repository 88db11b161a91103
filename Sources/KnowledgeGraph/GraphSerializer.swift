/// Writes a graph in one concrete syntax (RDF/XML, N-Triples, Turtle, GraphML, DOT…).
///
/// A serializer either writes a complete, valid document or throws before the caller commits
/// the output: callers write into an ``AtomicFileSink`` and commit only on success.
///
/// Writers with something to say besides the bytes (the property-graph ones: a value kept as
/// text, say) implement ``write(_:to:context:)`` and report through the context's collector;
/// the others write with ``write(_:to:)`` alone.
public protocol GraphSerializer {
    /// Writes `graph` to `sink`.
    /// - Throws: ``WriteError/unrepresentable(_:)`` when the format cannot express part of the
    ///   graph (naming the triple or node), ``WriteError/output(_:)`` when the sink fails.
    func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError)

    /// Writes `graph` to `sink`, reporting notes and warnings to `context.diagnostics`.
    /// - Throws: as ``write(_:to:)``.
    func write(_ graph: Graph, to sink: some ByteSink, context: WriteContext) throws(WriteError)
}

extension GraphSerializer {
    /// Writers that report nothing write as ``write(_:to:)`` does.
    public func write(_ graph: Graph, to sink: some ByteSink, context: WriteContext) throws(WriteError) {
        try write(graph, to: sink)
    }
}

/// What a writer is handed besides the graph and the sink: where its notes go, and whom to tell
/// when a stage before the first byte is done.
public struct WriteContext {
    /// Receives the writer's notes and warnings.
    public var diagnostics: any DiagnosticCollector
    /// Called with ``PipelineStage/project`` when a writer has finished preparing and is about
    /// to write its first byte, so that `--timings` can tell the two apart.
    public var stageFinished: (PipelineStage) -> Void

    public init(diagnostics: any DiagnosticCollector, stageFinished: @escaping (PipelineStage) -> Void = { _ in }) {
        self.diagnostics = diagnostics
        self.stageFinished = stageFinished
    }
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

/// The stages of reading and writing a graph, in the order they end; their names are the ones
/// `--timings` prints.
public enum PipelineStage: String, Sendable, Hashable, CaseIterable {
    /// The input's progress is over (the first pass, for a streaming conversion).
    case reading
    /// The input, and the ontology if any, are in.
    case read
    /// The property-graph projection is done (property-graph formats only).
    case project
    /// Every byte has been handed to the output.
    case write
    /// The output is on disk, in place.
    case sync
}

/// Why a streaming conversion stopped: the input is malformed, or the output cannot be written.
public enum StreamingError: Error, Sendable, CustomStringConvertible {
    /// The input could not be read or is malformed (with its position).
    case input(Diagnostic)
    /// The target format cannot express a triple, or the destination failed.
    case write(WriteError)

    public var description: String {
        switch self {
        case .input(let diagnostic): return diagnostic.description
        case .write(let error): return error.description
        }
    }
}
