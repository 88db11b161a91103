public import KnowledgeGraph

/// Writes a graph as an SVG picture: the DOT drawing (``DOTWriter``) laid out by Graphviz.
///
/// Graphviz runs as a separate program under a time limit; `dot` lays out graphs of up to
/// ``GraphvizRenderer/largeGraphNodeCount`` nodes, `sfdp` larger ones.
public struct SVGWriter: PropertyGraphSerializer {
    /// The DOT drawing Graphviz lays out.
    public var dot: DOTWriter
    /// Seconds Graphviz may take.
    public var timeLimit: Double

    public init(schema: Schema? = nil, timeLimit: Double = GraphFormat.WriteOptions.defaultRenderTimeLimit) {
        self.dot = DOTWriter(schema: schema)
        self.timeLimit = timeLimit
    }

    public var projection: PropertyGraphProjection { dot.projection }

    public func write(_ projected: PropertyGraph, to sink: some ByteSink) throws(WriteError) {
        let text = MemorySink()
        try dot.write(projected, to: text)
        let renderer = GraphvizRenderer(layout: GraphvizRenderer.layout(forNodeCount: projected.nodes.count),
                                        timeLimit: timeLimit)
        let picture: [UInt8]
        do { picture = try renderer.render(text.bytes) } catch { throw .output(error) }
        do { try sink.write(picture) } catch { throw .output(error) }
    }
}
