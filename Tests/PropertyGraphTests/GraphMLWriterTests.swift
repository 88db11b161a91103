import KnowledgeGraph
import PropertyGraph
import Testing

/// Every document written here is validated against the GraphML 1.1 schema (the yEd-styled
/// ones against the lax variant) with libxml2, in-process.
@Suite(.enabled(if: Fixture.schemasAvailable || Fixture.isCI,
                "the GraphML schemas are missing: set GRAPHML_XSD_DIR (default ../shared/graphml-xsd)"))
struct GraphMLWriterTests {
    typealias F = Fixture

    /// Graphs with the edge cases GraphML readers trip over.
    static var edgeCaseGraphs: [(String, Graph)] {
        var parallel = Graph()
        parallel.insert(F.iri("a"), F.property("knows"), F.iri("b"))
        parallel.insert(F.iri("a"), F.property("likes"), F.iri("b"))
        var escaped = Graph()
        escaped.insert(F.iri("karins"), Vocabulary.rdfsLabel, F.text("Krišjānis Kariņš"))
        escaped.insert(F.iri("karins"), F.property("note"), F.text("AT&T <b> \"quoted\" 'single' ]]> \\ end"))
        escaped.insert(F.iri("karins"), F.property("lines"), F.text("line one\nline two\r\n\ttabbed  "))
        escaped.insert(.iri(IRI(unchecked: "http://example.org/Kariņš")), F.property("p"), F.iri("karins"))
        var untyped = Graph()
        untyped.insert(F.iri("a"), F.property("p"), F.iri("b"))
        untyped.insert(F.iri("a"), F.property("n"), F.typed("5", "integer"))
        var multi = Graph()
        multi.insert(F.iri("a"), F.property("alt"), F.text("x"))
        multi.insert(F.iri("a"), F.property("alt"), F.text("y"))
        multi.insert(F.iri("a"), Vocabulary.rdfsLabel, F.tagged("Eesti", "et"))
        multi.insert(F.iri("a"), Vocabulary.rdfType, F.ngTerm("Country"))
        multi.insert(F.iri("a"), Vocabulary.rdfType, F.ngTerm("Place"))
        multi.insert(.blank(BlankNode("b")), F.property("about"), F.iri("a"))
        return [("news", F.news), ("parallel", parallel), ("escaped", escaped), ("untyped", untyped),
                ("multi", multi), ("empty", Graph())]
    }

    @Test(arguments: GraphMLWriter.Style.allCases)
    func everyDocumentIsValid(style: GraphMLWriter.Style) throws {
        for (name, graph) in Self.edgeCaseGraphs {
            let document = try F.write(graph, style: style, schema: F.schema)
            let errors = try F.validate(document, style: style)
            #expect(errors.isEmpty, "\(name) (\(style)): \(errors)")
        }
    }

    @Test func thePlainDocumentIsNotValidWhenBroken() throws {
        // The validator really checks: an edge to an undeclared node is rejected.
        let document = try F.write(F.news).replacingOccurrences("target=\"lithuania\"", "target=\"nowhere\"")
        #expect(try !F.validate(document).isEmpty)
    }

    @Test func keysComeFirstThenNodesThenEdges() throws {
        let document = try F.write(F.news, schema: F.schema)
        let lines = document.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }
        let kinds = lines.compactMap { line -> String? in
            for kind in ["<key ", "<graph ", "<node ", "<edge "] where line.hasPrefix(kind) { return kind }
            return nil
        }
        let order = kinds.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(order == ["<key ", "<graph ", "<node ", "<edge "])
        #expect(document.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"))
        #expect(document.contains("<graph id=\"G\" edgedefault=\"directed\">"))
        #expect(!document.contains("for=\"all\""))
        #expect(!document.contains("attr.name=\"id\""))
        #expect(!document.contains("<default"))
    }

    @Test func theFirstDataOfEveryEdgeIsItsLabel() throws {
        let document = try F.write(F.news)
        let edges = document.components("<edge ").dropFirst()
        #expect(edges.count == 3)
        for edge in edges {
            let firstData = edge.components("<data ").dropFirst().first ?? ""
            #expect(firstData.hasPrefix("key=\"label\">"))
        }
    }

    @Test func valuesHaveNoPaddingAndAreEscaped() throws {
        let graph = Self.edgeCaseGraphs.first { $0.0 == "escaped" }?.1 ?? Graph()
        let document = try F.write(graph)
        #expect(document.contains(">Krišjānis Kariņš</data>"))
        #expect(document.contains(">AT&amp;T &lt;b&gt; &quot;quoted&quot; 'single' ]]&gt; \\ end</data>"))
        #expect(document.contains(">line one\nline two&#13;\n\ttabbed  </data>"))
        #expect(document.contains("<node id=\"Kariņš\">"))
        for data in document.components("<data key=").dropFirst() {
            let value = data.components(">").dropFirst().first ?? ""
            #expect(!value.hasPrefix("\n") && !value.hasPrefix(" "), "padded value: \(data)")
        }
    }

    @Test func parallelEdgesHaveTheirOwnIds() throws {
        let graph = Self.edgeCaseGraphs.first { $0.0 == "parallel" }?.1 ?? Graph()
        let document = try F.write(graph)
        #expect(document.contains("<edge id=\"e1\" source=\"a\" target=\"b\">"))
        #expect(document.contains("<edge id=\"e2\" source=\"a\" target=\"b\">"))
    }

    @Test func attributeTypesAreDeclared() throws {
        let graph = Self.edgeCaseGraphs.first { $0.0 == "untyped" }?.1 ?? Graph()
        let document = try F.write(graph)
        #expect(document.contains("<key id=\"n\" for=\"node\" attr.name=\"n\" attr.type=\"long\">"))
        #expect(document.contains("<data key=\"n\">5</data>"))
        #expect(!document.contains("key=\"labels\""))
    }

    @Test func yEdStyleAddsGraphicsPerCategory() throws {
        let document = try F.write(F.news, style: .yEd, schema: F.schema)
        #expect(document.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\""))
        #expect(document.contains("<key id=\"ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>"))
        #expect(document.contains("<key id=\"eg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>"))
        let rutte = document.components("<node id=\"mark-rutte\">").dropFirst().first ?? ""
        #expect(rutte.contains("<y:Fill color=\"\(NodeCategory.person.style.fill)\" transparent=\"false\"/>"))
        #expect(rutte.contains("<y:Shape type=\"ellipse\"/>"))
        #expect(rutte.contains(">Mark Rutte</y:NodeLabel>"))
        #expect(document.contains(">endorser</y:EdgeLabel>"))
        #expect(document.components("<y:PolyLineEdge>").count == 4)
    }

    @Test func handBuiltGraphsThatBreakTheRulesAreRefused() throws {
        var graph = try F.project(F.news)
        graph.nodes.append(graph.nodes[0])
        #expect(throws: WriteError.self) { try GraphMLWriter().write(graph, to: MemorySink()) }
        var badKey = try F.project(F.news)
        badKey.nodeKeys.append(AttributeKey(id: "x y", name: "x", domain: .node, type: .string, summary: ""))
        #expect(throws: WriteError.self) { try GraphMLWriter().write(badKey, to: MemorySink()) }
        var idName = try F.project(F.news)
        idName.nodeKeys.append(AttributeKey(id: "ident", name: "id", domain: .node, type: .string, summary: ""))
        #expect(throws: WriteError.self) { try GraphMLWriter().write(idName, to: MemorySink()) }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        components(target).joined(separator: replacement)
    }

    /// The parts of the string between occurrences of `separator`.
    func components(_ separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
