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

    /// Graphviz reads no quoted string over 16,384 bytes: longer values are split into pieces
    /// joined by `+`, which DOT reads as one string, so nothing is lost and the picture draws.
    @Test func longValuesAreSplitIntoPiecesGraphvizReads() throws {
        var graph = Graph()
        let long = String(repeating: "abcdé\\\"", count: 5_000)
        graph.insert(F.iri("a"), Vocabulary.rdfsLabel, F.text(long))
        graph.insert(F.iri("a"), F.property("p"), F.iri("b"))
        let sink = MemorySink()
        try DOTWriter().write(graph, to: sink)
        let pieces = Self.quotedStrings(in: sink.text)
        #expect(pieces.allSatisfy { $0.utf8.count <= 16_000 })
        let dataLabel = try #require(sink.text.split(separator: "\n").first { $0.contains("\"data-label\"=") })
        #expect(dataLabel.contains("\" + \""))
        var expected = ""
        for character in long {
            expected += character == "\\" ? "\\\\" : character == "\"" ? "\\\"" : String(character)
        }
        #expect(Self.quotedStrings(in: String(dataLabel)).joined().contains(expected))
        let picture = MemorySink()
        try SVGWriter().write(graph, to: picture)
        #expect(picture.text.contains("<svg"))
    }

    /// A node whose type has thousands of super-classes: its `labels` value is long, and drawn.
    @Test func deepClassChainsDraw() throws {
        var ontology = Graph()
        for index in 0..<3_000 {
            ontology.insert(F.iri("C\(index)"), Vocabulary.rdfType, .iri(Vocabulary.owlClass))
            if index > 0 { ontology.insert(F.iri("C\(index)"), Vocabulary.rdfsSubClassOf, F.iri("C\(index - 1)")) }
        }
        var graph = Graph()
        graph.insert(F.iri("x"), Vocabulary.rdfType, F.iri("C2999"))
        graph.insert(F.iri("x"), F.property("p"), F.iri("y"))
        let picture = MemorySink()
        try SVGWriter(schema: Schema(ontology: ontology)).write(graph, to: picture)
        #expect(picture.text.contains("<svg"))
    }

    /// The bodies of the quoted strings in DOT text, escapes kept.
    static func quotedStrings(in text: String) -> [String] {
        var strings: [String] = []
        var current: [UInt8]?
        var escaped = false
        for byte in text.utf8 {
            if var body = current {
                if escaped {
                    body.append(byte)
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    body.append(byte)
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    strings.append(String(decoding: body, as: UTF8.self))
                    current = nil
                    continue
                } else {
                    body.append(byte)
                }
                current = body
            } else if byte == UInt8(ascii: "\"") {
                current = []
            }
        }
        return strings
    }
}
