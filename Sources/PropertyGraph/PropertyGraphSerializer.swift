public import KnowledgeGraph

/// A serializer of the property-graph projection: it projects the RDF graph, then writes the
/// ``PropertyGraph``. The projection's ``PropertyGraph/notes`` (warnings such as a key written
/// as text) go to the collector of the ``WriteContext`` given to `write(_:to:context:)`.
public protocol PropertyGraphSerializer: GraphSerializer {
    /// How the RDF graph becomes a property graph.
    var projection: PropertyGraphProjection { get }

    /// Writes an already projected graph.
    func write(_ graph: PropertyGraph, to sink: some ByteSink) throws(WriteError)
}

extension PropertyGraphSerializer {
    /// Projects `graph` and writes it. The projection's notes are not shown: to see them, use
    /// ``write(_:to:context:)``.
    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        try write(projection.project(graph), to: sink)
    }

    /// Projects `graph`, reports the projection's notes to `context.diagnostics` and tells
    /// `context` that the `project` stage is done, then writes.
    public func write(_ graph: Graph, to sink: some ByteSink, context: WriteContext) throws(WriteError) {
        let propertyGraph = try projection.project(graph)
        context.stageFinished(.project)
        for note in propertyGraph.notes { context.diagnostics.emit(note) }
        try write(propertyGraph, to: sink)
    }
}
