import KnowledgeGraph
import PropertyGraph
import Testing

@Suite struct ProjectionTests {
    typealias F = Fixture

    @Test func resourcesBecomeNodesAndLinksBecomeEdges() throws {
        let graph = try F.project(F.news)
        // Four resources; the classes that only occur as rdf:type objects are not nodes.
        #expect(graph.nodes.map(\.id) == ["err-2024-04-02", "lithuania", "lithuania-endorses-rutte", "mark-rutte"])
        #expect(graph.edges.map(\.label) == ["wasDerivedFrom", "endorsee", "endorser"])
        #expect(graph.edges.map(\.id) == ["e1", "e2", "e3"])
        #expect(graph.edges.allSatisfy { $0.source == "lithuania-endorses-rutte" })
        #expect(graph.value("date", of: "lithuania-endorses-rutte") == "2024-04-02")
        #expect(graph.value("iri", of: "mark-rutte") == "http://example.org/mark-rutte")
        #expect(graph.edges.first?.values.first?.key == "label")
    }

    @Test func labelsIncludeSuperClassesOnlyWithASchema() throws {
        let plain = try F.project(F.news)
        #expect(plain.value("labels", of: "lithuania-endorses-rutte") == ":Endorsement")
        let withSchema = try F.project(F.news, schema: F.schema)
        // ng:Event and sem:Event share the local name: one label.
        #expect(withSchema.value("labels", of: "lithuania-endorses-rutte") == ":Endorsement:Event")
        #expect(withSchema.value("labels", of: "lithuania") == ":Country:State")
        #expect(withSchema.value("labelV", of: "lithuania") == "Country")
        #expect(withSchema.value("types", of: "lithuania") == F.ng + "Country")
        #expect(withSchema.node("lithuania-endorses-rutte")?.category == .event)
        #expect(withSchema.node("lithuania")?.category == .state)
        #expect(withSchema.node("mark-rutte")?.displayLabel == "Mark Rutte")
    }

    @Test func mostSpecificTypeIsTheVertexLabel() throws {
        var graph = Graph()
        let node = F.iri("x")
        graph.insert(node, Vocabulary.rdfType, F.ngTerm("Event"))
        graph.insert(node, Vocabulary.rdfType, F.ngTerm("Endorsement"))
        let projected = try F.project(graph, schema: F.schema)
        #expect(projected.value("labelV", of: "x") == "Endorsement")
        #expect(projected.value("types", of: "x") == "[\"\(F.ng)Endorsement\",\"\(F.ng)Event\"]")
        #expect(projected.nodeKey(named: "types")?.isList == true)
    }

    @Test func parallelEdgesAreKept() throws {
        var graph = Graph()
        graph.insert(F.iri("a"), F.property("knows"), F.iri("b"))
        graph.insert(F.iri("a"), F.property("likes"), F.iri("b"))
        graph.insert(F.iri("b"), F.property("knows"), F.iri("a"))
        let projected = try F.project(graph)
        #expect(projected.edges.count == 3)
        #expect(Set(projected.edges.map(\.id)).count == 3)
        #expect(projected.edges.filter { $0.source == "a" && $0.target == "b" }.map(\.label) == ["knows", "likes"])
    }

    @Test func multiValuedPropertiesAreJSONArraysOnEveryNode() throws {
        var graph = Graph()
        let altLabel = F.property("altLabel")
        graph.insert(F.iri("a"), altLabel, F.text("Rutte"))
        graph.insert(F.iri("a"), altLabel, F.text("M. \"Teflon\" Rutte"))
        graph.insert(F.iri("b"), altLabel, F.text("Kallas"))
        let projected = try F.project(graph)
        let key = try #require(projected.nodeKey(named: "altLabel"))
        #expect(key.isList && key.type == .string)
        #expect(projected.value("altLabel", of: "a") == #"["M. \"Teflon\" Rutte","Rutte"]"#)
        #expect(projected.value("altLabel", of: "b") == #"["Kallas"]"#)
    }

    @Test func languageTaggedValuesGetOneKeyPerLanguage() throws {
        var graph = Graph()
        graph.insert(F.iri("estonia"), Vocabulary.rdfsLabel, F.text("Estonia"))
        graph.insert(F.iri("estonia"), Vocabulary.rdfsLabel, F.tagged("Eesti", "et"))
        graph.insert(F.iri("estonia"), Vocabulary.rdfsLabel, F.tagged("Estland", "DE"))
        let projected = try F.project(graph)
        #expect(projected.value("label", of: "estonia") == "Estonia")
        #expect(projected.value("label_et", of: "estonia") == "Eesti")
        #expect(projected.value("label_de", of: "estonia") == "Estland")
        #expect(projected.nodeKey(named: "label_et")?.language == "et")
        #expect(projected.node("estonia")?.displayLabel == "Estonia")
    }

    @Test func valuesAreTypedFromTheirDatatypes() throws {
        var graph = Graph()
        let node = F.iri("n")
        graph.insert(node, F.property("count"), F.typed("28", "integer"))
        graph.insert(node, F.property("total"), F.typed("+32", "nonNegativeInteger"))
        graph.insert(node, F.property("share"), F.typed("0.875", "decimal"))
        graph.insert(node, F.property("ratio"), F.typed("INF", "double"))
        graph.insert(node, F.property("temporary"), F.typed("1", "boolean"))
        graph.insert(node, F.property("date"), F.typed("2024-04-02", "date"))
        let projected = try F.project(graph)
        let types = Dictionary(uniqueKeysWithValues: projected.nodeKeys.map { ($0.name, $0.type) })
        #expect(types["count"] == .long && types["total"] == .long && types["share"] == .double)
        #expect(types["ratio"] == .double && types["temporary"] == .boolean && types["date"] == .string)
        #expect(projected.value("total", of: "n") == "32")
        #expect(projected.value("ratio", of: "n") == "Infinity")
        #expect(projected.value("temporary", of: "n") == "true")
        #expect(projected.nodeKey(named: "date")?.summary.contains("ISO 8601") == true)
        #expect(projected.notes.isEmpty)
    }

    @Test func valuesThatDoNotFitTheirTypeMakeTheKeyText() throws {
        var graph = Graph()
        graph.insert(F.iri("a"), F.property("big"), F.typed("123456789012345678901234567890", "integer"))
        graph.insert(F.iri("b"), F.property("big"), F.typed("7", "integer"))
        graph.insert(F.iri("a"), F.property("precise"), F.typed("0.1000000000000000000001", "decimal"))
        let projected = try F.project(graph)
        #expect(projected.nodeKey(named: "big")?.type == .string)
        #expect(projected.value("big", of: "a") == "123456789012345678901234567890")
        #expect(projected.value("big", of: "b") == "7")
        #expect(projected.nodeKey(named: "precise")?.type == .string)
        #expect(projected.notes.count == 2)
        #expect(projected.notes.allSatisfy { $0.severity == .warning && $0.message.contains("written as text") })
    }

    @Test func aPropertyWithSeveralDatatypesGetsOneKeyPerDatatype() throws {
        var graph = Graph()
        let date = F.ngIRI("date")
        graph.insert(F.iri("a"), date, F.typed("2024-04-02", "date"))
        graph.insert(F.iri("b"), date, F.typed("2024-07", "gYearMonth"))
        graph.insert(F.iri("c"), date, F.typed("2024-07", "gYearMonth"))
        // Without a schema the most used datatype keeps the plain name; with one, the range does.
        let plain = try F.project(graph)
        #expect(plain.value("date", of: "b") == "2024-07")
        #expect(plain.value("date_date", of: "a") == "2024-04-02")
        let ranged = try F.project(graph, schema: F.schema)
        #expect(ranged.value("date", of: "a") == "2024-04-02")
        #expect(ranged.value("date_gYearMonth", of: "b") == "2024-07")
    }

    @Test func sharedLocalNamesAreQualifiedAndReservedNamesAvoided() throws {
        var graph = Graph()
        graph.prefixes.add(prefix: "ex", namespace: F.ex)
        let node = F.iri("n")
        graph.insert(node, IRI(unchecked: "http://schema.org/name"), F.text("A"))
        graph.insert(node, IRI(unchecked: "http://xmlns.com/foaf/0.1/name"), F.text("B"))
        graph.insert(node, F.property("id"), F.text("42"))
        graph.insert(node, F.property("labels"), F.text("L"))
        graph.insert(node, IRI(unchecked: "http://schema.org/knows"), F.iri("m"))
        graph.insert(node, IRI(unchecked: "http://xmlns.com/foaf/0.1/knows"), F.iri("m"))
        let projected = try F.project(graph)
        let names = Set(projected.nodeKeys.map(\.name))
        #expect(names.isSuperset(of: ["schema_name", "foaf_name", "ex_id", "ex_labels"]))
        #expect(!names.contains("id"))
        #expect(projected.value("ex_id", of: "n") == "42")
        #expect(Set(projected.edges.map(\.label)) == ["schema_knows", "foaf_knows"])
        let ids = projected.keys.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func nodeIdsArePrefixedNamesLocalNamesOrTokens() throws {
        var graph = Graph()
        graph.prefixes.add(prefix: "ex", namespace: F.ex)
        let p = F.property("p")
        graph.insert(F.iri("karins"), p, .iri(IRI(unchecked: "http://other.example/people/Kariņš")))
        graph.insert(F.iri("karins"), p, .iri(IRI(unchecked: "http://a.example/x")))
        graph.insert(F.iri("karins"), p, .iri(IRI(unchecked: "http://b.example/x")))
        graph.insert(F.iri("karins"), p, .iri(IRI(unchecked: "http://c.example/q?x=1")))
        graph.insert(F.iri("karins"), p, F.iri("x"))
        graph.insert(F.iri("karins"), p, .blank(BlankNode("zz")))
        graph.insert(.blank(BlankNode("aa")), p, F.iri("karins"))
        let ids = try F.project(graph).nodes.map(\.id)
        // Sorted by IRI. Three IRIs share the local name x: the one with a prefix gets its
        // prefixed name, the others a token of the whole IRI.
        #expect(ids == ["http:__a.example_x", "http:__b.example_x", "q_x_1", "karins", "ex:x", "Kariņš", "_:b1", "_:b2"])
        #expect(Set(ids).count == ids.count)
    }

    @Test func typeWithABlankNodeObjectIsAnEdge() throws {
        var graph = Graph()
        graph.insert(F.iri("a"), Vocabulary.rdfType, .blank(BlankNode("restriction")))
        graph.insert(.blank(BlankNode("restriction")), F.property("onProperty"), F.iri("p"))
        let projected = try F.project(graph)
        #expect(projected.edges.map(\.label) == ["type", "onProperty"])
        #expect(projected.nodes.count == 3)
    }

    @Test func untypedAndEmptyGraphs() throws {
        var graph = Graph()
        graph.insert(F.iri("a"), F.property("p"), F.iri("b"))
        let untyped = try F.project(graph)
        #expect(untyped.nodeKeys.map(\.id) == ["iri"])
        // Nodes without types or attributes are links to elsewhere.
        #expect(untyped.nodes.allSatisfy { $0.category == .reference && $0.labels.isEmpty && $0.vertexLabel == nil })
        var described = graph
        described.insert(F.iri("a"), F.property("note"), F.text("x"))
        #expect(try F.project(described).nodes.map(\.category) == [.other, .reference])
        let empty = try F.project(Graph())
        #expect(empty.nodes.isEmpty && empty.edges.isEmpty && empty.keys.isEmpty)
    }

    @Test func controlCharactersAreRefusedNamingNodeAndProperty() throws {
        var graph = Graph()
        graph.insert(F.iri("a"), F.property("note"), F.text("bell\u{7}"))
        let error = try #require(throws: WriteError.self) { try F.project(graph) }
        guard case .unrepresentable(let diagnostic) = error else {
            Issue.record("expected an unrepresentable error, got \(error)")
            return
        }
        #expect(diagnostic.description.contains("<http://example.org/a>"))
        #expect(diagnostic.description.contains("<http://example.org/note>"))
        #expect(diagnostic.description.contains("U+0007"))
    }

    @Test func theRefusalNamedDoesNotDependOnInsertionOrder() throws {
        let bad = [Triple(subject: F.iri("b"), predicate: F.property("note"), object: F.text("x\u{1}")),
                   Triple(subject: F.iri("a"), predicate: F.property("note"), object: F.text("y\u{2}"))]
        let forward = try #require(throws: WriteError.self) { try F.project(Graph(bad)) }
        let backward = try #require(throws: WriteError.self) { try F.project(Graph(bad.reversed())) }
        #expect(forward.description == backward.description)
        #expect(forward.description.contains("<http://example.org/a>") && forward.description.contains("U+0002"))
    }

    @Test func theResultDoesNotDependOnInsertionOrder() throws {
        let forward = F.news
        var backward = Graph(forward.triples.reversed())
        backward.prefixes = forward.prefixes
        let first = try F.write(forward, schema: F.schema)
        let second = try F.write(backward, schema: F.schema)
        #expect(first == second)
        #expect(try F.write(forward, style: .yEd) == F.write(backward, style: .yEd))
    }
}
