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
    /// Graphs with more nodes than this are drawn by class (``PropertyGraph/summaryByClass()``),
    /// with a warning: node by node, Graphviz would take minutes and draw nothing a reader could
    /// follow. The DOT, GraphML and RDF outputs keep every node.
    public var largestDetailedDrawing: Int

    /// The default for ``largestDetailedDrawing``.
    public static let defaultLargestDetailedDrawing = 2_000

    public init(schema: Schema? = nil, timeLimit: Double = GraphFormat.WriteOptions.defaultRenderTimeLimit,
                largestDetailedDrawing: Int = defaultLargestDetailedDrawing) {
        self.dot = DOTWriter(schema: schema)
        self.timeLimit = timeLimit
        self.largestDetailedDrawing = largestDetailedDrawing
    }

    public var projection: PropertyGraphProjection { dot.projection }

    /// Projects `graph`, reports the projection's notes, and draws it; a graph drawn by class
    /// is reported as a warning too.
    public func write(_ graph: Graph, to sink: some ByteSink, context: WriteContext) throws(WriteError) {
        let projected = try projection.project(graph)
        context.stageFinished(.project)
        for note in projected.notes { context.diagnostics.emit(note) }
        try draw(projected, to: sink, diagnostics: context.diagnostics)
    }

    /// Draws an already projected graph (by class when it is too large; the picture's title says so).
    public func write(_ projected: PropertyGraph, to sink: some ByteSink) throws(WriteError) {
        try draw(projected, to: sink, diagnostics: nil)
    }

    private func draw(_ projected: PropertyGraph, to sink: some ByteSink,
                      diagnostics: (any DiagnosticCollector)?) throws(WriteError) {
        guard projected.nodes.count > largestDetailedDrawing else {
            try pass(render(projected, with: dot), to: sink)
            return
        }
        let summary = projected.summaryByClass()
        diagnostics?.emit(Diagnostic(
            .warning, code: "picture-by-class",
            message: "the picture shows the graph by class (\(summary.nodes.count) classes): its \(projected.nodes.count) nodes "
                + "are more than \(largestDetailedDrawing) that can be drawn one by one; the other outputs keep every node",
            subject: "SVG"))
        var byClass = dot
        byClass.title = "\(projected.nodes.count) nodes and \(projected.edges.count) edges, drawn by class"
        try pass(render(summary, with: byClass), to: sink)
    }

    /// The picture Graphviz draws of `graph` written by `writer`.
    private func render(_ graph: PropertyGraph, with writer: DOTWriter) throws(WriteError) -> [UInt8] {
        let text = MemorySink()
        try writer.write(graph, to: text)
        let renderer = GraphvizRenderer(layout: GraphvizRenderer.layout(forNodeCount: graph.nodes.count),
                                        timeLimit: timeLimit)
        do { return try renderer.render(text.bytes) } catch { throw .output(error) }
    }

    private func pass(_ picture: [UInt8], to sink: some ByteSink) throws(WriteError) {
        do { try sink.write(picture) } catch { throw .output(error) }
    }
}
