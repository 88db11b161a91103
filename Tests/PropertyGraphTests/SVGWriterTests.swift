import KnowledgeGraph
import PropertyGraph
import Testing

/// Pictures of graphs too large to draw node by node are drawn by class, and say so.
@Suite struct SVGWriterTests {
    typealias F = Fixture

    @Test func summaryByClassCountsNodesAndEdgesPerClass() throws {
        let projected = try F.project(F.news, schema: F.schema)
        let summary = projected.summaryByClass()
        let classes = Set(projected.nodes.map { $0.vertexLabel ?? "(no type)" })
        #expect(summary.nodes.count == classes.count)
        #expect(summary.nodes.map(\.vertexLabel) == summary.nodes.map(\.vertexLabel).sorted { ($0 ?? "") < ($1 ?? "") })
        let counted = summary.nodes.compactMap { node -> Int? in
            guard let open = node.displayLabel.lastIndex(of: "(") else { return nil }
            return Int(node.displayLabel[node.displayLabel.index(after: open)...].prefix { $0.isNumber })
        }
        #expect(counted.reduce(0, +) == projected.nodes.count)
        let edgeCounts = summary.edges.compactMap { edge -> Int? in
            guard let open = edge.label.lastIndex(of: "(") else { return nil }
            return Int(edge.label[edge.label.index(after: open)...].prefix { $0.isNumber })
        }
        #expect(edgeCounts.reduce(0, +) == projected.edges.count)
        #expect(summary.nodes.contains { $0.displayLabel == "Person (1 node)" || $0.displayLabel.hasPrefix("Person (") })
    }

    @Test func summaryIsDeterministic() throws {
        let first = try F.project(F.news, schema: F.schema).summaryByClass()
        let second = try F.project(F.news, schema: F.schema).summaryByClass()
        #expect(first.nodes == second.nodes && first.edges == second.edges)
    }

    @Test func largeGraphsAreDrawnByClassWithAWarning() throws {
        var writer = SVGWriter(schema: F.schema)
        writer.largestDetailedDrawing = 3
        let sink = MemorySink()
        let notes = DiagnosticCollection()
        try writer.write(F.news, to: sink, context: WriteContext(diagnostics: notes))
        #expect(sink.text.contains("<svg") && sink.text.contains("drawn by class"))
        #expect(!sink.text.contains(">Mark Rutte</text>"))
        #expect(notes.diagnostics.count == 1)
        #expect(notes.diagnostics.first?.code == "picture-by-class")
        #expect(notes.diagnostics.first?.severity == .warning)
    }

    @Test func smallGraphsAreDrawnNodeByNode() throws {
        let sink = MemorySink()
        let notes = DiagnosticCollection()
        try SVGWriter(schema: F.schema).write(F.news, to: sink, context: WriteContext(diagnostics: notes))
        #expect(sink.text.contains(">Mark Rutte</text>"))
        #expect(!sink.text.contains("drawn by class"))
        #expect(notes.diagnostics.isEmpty)
    }

    @Test func dotTitleIsDrawnAboveThePicture() throws {
        var writer = DOTWriter()
        writer.title = "A title"
        let sink = MemorySink()
        try writer.write(F.news, to: sink)
        #expect(sink.text.contains("graph [label=\"A title\", labelloc=\"t\", fontsize=\"14\"];"))
        let plain = MemorySink()
        try DOTWriter().write(F.news, to: plain)
        #expect(!plain.text.contains("labelloc"))
    }
}
