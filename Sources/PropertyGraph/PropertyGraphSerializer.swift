public import KnowledgeGraph

/// A serializer of the property-graph projection: it projects the RDF graph, then writes the
/// ``PropertyGraph``. Callers that want the projection's ``PropertyGraph/notes`` (warnings)
/// project once themselves and hand the ``PropertyGraph`` to `write(_:to:)`.
public protocol PropertyGraphSerializer: GraphSerializer {
    /// How the RDF graph becomes a property graph.
    var projection: PropertyGraphProjection { get }

    /// Writes an already projected graph.
    func write(_ graph: PropertyGraph, to sink: some ByteSink) throws(WriteError)
}

extension PropertyGraphSerializer {
    /// Projects `graph` and writes it.
    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        try write(projection.project(graph), to: sink)
    }
}
