import KnowledgeGraph
import PropertyGraph

/// Writes a graph as an SVG picture: the DOT drawing (``DOTWriter``) laid out by Graphviz.
///
/// Graphviz runs as a separate program under a time limit; `dot` lays out graphs of up to
/// ``GraphvizRenderer/largeGraphNodeCount`` nodes, `sfdp` larger ones.
struct SVGWriter: PropertyGraphSerializer {
    var dot: DOTWriter
    /// Seconds Graphviz may take.
    var timeLimit: Double

    init(schema: Schema? = nil, timeLimit: Double = GraphvizRenderer.defaultTimeLimit) {
        self.dot = DOTWriter(schema: schema)
        self.timeLimit = timeLimit
    }

    var projection: PropertyGraphProjection { dot.projection }

    func write(_ projected: PropertyGraph, to sink: some ByteSink) throws(WriteError) {
        let text = MemorySink()
        try dot.write(projected, to: text)
        let renderer = GraphvizRenderer(layout: GraphvizRenderer.layout(forNodeCount: projected.nodes.count),
                                        timeLimit: timeLimit)
        let picture: [UInt8]
        do { picture = try renderer.render(text.bytes) } catch { throw .output(error) }
        var failure: OutputError?
        picture.withUnsafeBytes { raw in
            do throws(OutputError) { try sink.write(raw) } catch { failure = error }
        }
        if let failure { throw .output(failure) }
    }
}
