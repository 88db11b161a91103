public import KnowledgeGraph

/// Writes a graph as canonical N-Triples: one triple per line, sorted, blank nodes relabelled.
///
/// The output is the same bytes for the same graph whatever the order of its triples or the
/// labels of its blank nodes (they become `_:b1`, `_:b2`, … in an order derived from the
/// graph's content). Escaping follows ``NTriplesSyntax``; lines end with LF.
///
/// Everything is checked before the first byte is written: invalid or relative IRIs,
/// ill-formed language tags and `rdf:langString` literals without a language are refused
/// with ``WriteError/unrepresentable(_:)`` naming the triple.
public struct NTriplesWriter: GraphSerializer {
    public init() {}

    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        for triple in graph.triples { try TermChecks.check(triple, format: "N-Triples") }
        let triples = CanonicalOrder.sorted(BlankNodeRelabeling.relabelledTriples(graph))
        var chunk = ""
        do {
            for triple in triples {
                chunk += NTriplesSyntax.statement(triple)
                chunk += "\n"
                if chunk.utf8.count >= 1 << 16 {
                    try sink.write(chunk)
                    chunk = ""
                }
            }
            try sink.write(chunk)
        } catch {
            throw .output(error)
        }
    }
}
