import KnowledgeGraph
@testable import PropertyGraph
import Testing

/// Plain GraphML written straight from the graph's ids is the same bytes as the projection
/// written by ``GraphMLWriter``, and the direct path steps aside for what it does not cover.
@Suite struct TermIDGraphMLWriterTests {
    static func general(_ graph: Graph) throws -> [UInt8] {
        let sink = MemorySink()
        try GraphMLWriter().write(GraphMLWriter().projection.project(graph), to: sink)
        return sink.bytes
    }

    static func direct(_ graph: Graph) throws -> [UInt8]? {
        guard let plan = TermIDGraphMLWriter.plan(graph, projection: PropertyGraphProjection()) else { return nil }
        let sink = MemorySink()
        try plan.write(to: sink)
        return sink.bytes
    }

    @Test(arguments: ["synth-300-seed1", "synth-300-seed1-noprefixes", "mixed-terms"])
    func fixturesTakeTheDirectPath(name: String) throws {
        let make = try #require(GraphMLFixtureGraphs.all.first { $0.name == name }?.graph)
        let graph = make()
        let direct = try #require(try Self.direct(graph), "the direct path declined")
        #expect(direct == (try Self.general(graph)))
    }

    /// Random graphs over a small vocabulary, so local names clash, properties mix languages,
    /// datatypes and several values, nodes have several types and blank nodes abound.
    static func randomGraph(seed: UInt64, triples: Int) -> Graph {
        var generator = SplitMixGenerator(state: seed)
        let namespaces = ["http://a.example/", "http://b.example/ns#", "urn:c:"]
        let locals = ["x", "y", "Oslo", "id", "iri", "label", "name", "n1", "n10", "rel/", "é", "a-b", "_z"]
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        func resource() -> Term {
            generator.next() % 5 == 0 ? .blank(BlankNode("b\(generator.next() % 9)")) : .iri(IRI(unchecked: pick(namespaces) + pick(locals)))
        }
        let datatypes = ["string", "integer", "date", "gYear", "boolean", "double", "decimal"].map { IRI(unchecked: Vocabulary.xsdNamespace + $0) }
        let values: [String: [String]] = [
            "integer": ["1", "+32", "-7", "0042"], "boolean": ["true", "0", "1"], "double": ["1.5", "2E3", "INF", "-INF", "NaN"],
            "decimal": ["1.25", "-0.5", "3."], "date": ["2024-04-01"], "gYear": ["2019"], "string": ["a", "b & <c>", "\"q\"\n"],
        ]
        var graph = Graph()
        graph.prefixes.add(prefix: "a", namespace: "http://a.example/")
        for _ in 0..<triples {
            let subject = resource()
            let predicate = IRI(unchecked: pick(namespaces) + pick(["p", "label", "name", "id", "q"]))
            switch generator.next() % 6 {
            case 0:
                graph.insert(subject, Vocabulary.rdfType, .iri(IRI(unchecked: pick(namespaces) + pick(["T", "U", "Person"]))))
            case 1:
                graph.insert(subject, predicate, resource())
            case 2:
                let tag = pick(["en", "EN", "en-GB", "nb", "lt"])
                graph.insert(subject, predicate, .literal(Literal(unchecked: pick(["x", "y", "Óslo", ""]), datatype: Vocabulary.rdfLangString, language: tag)))
            default:
                let datatype = pick(datatypes)
                let name = String(datatype.value.dropFirst(Vocabulary.xsdNamespace.count))
                graph.insert(subject, predicate, .literal(Literal(unchecked: pick(values[name] ?? ["v"]), datatype: datatype, language: nil)))
            }
        }
        return graph
    }

    @Test(arguments: Array(1...40) as [UInt64])
    func randomGraphsGiveTheSameBytes(seed: UInt64) throws {
        let graph = Self.randomGraph(seed: seed, triples: Int(seed % 7) * 25 + 10)
        guard let direct = try Self.direct(graph) else {
            // Declined: the general path must then have a reason (a note about a value).
            let projected = try GraphMLWriter().projection.project(graph)
            #expect(!projected.notes.isEmpty, "the direct path declined a graph without notes")
            return
        }
        let general = try Self.general(graph)
        if direct != general {
            let first = zip(direct, general).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(direct.count, general.count)
            Issue.record("seed \(seed): differs at byte \(first): direct …\(String(decoding: direct[max(0, first - 120)..<min(direct.count, first + 80)], as: UTF8.self))… general …\(String(decoding: general[max(0, first - 120)..<min(general.count, first + 80)], as: UTF8.self))…")
        }
    }

    @Test func declinesWhatOnlyTheGeneralPathHandles() throws {
        var control = Graph()
        control.insert(.iri(IRI(unchecked: "http://a.example/s")), IRI(unchecked: "http://a.example/p"), .literal(Literal("bell\u{7}")))
        #expect(TermIDGraphMLWriter.plan(control, projection: PropertyGraphProjection()) == nil)
        var huge = Graph()
        huge.insert(.iri(IRI(unchecked: "http://a.example/s")), IRI(unchecked: "http://a.example/n"),
                    .literal(Literal(unchecked: "123456789012345678901234567890", datatype: Vocabulary.xsdInteger, language: nil)))
        #expect(TermIDGraphMLWriter.plan(huge, projection: PropertyGraphProjection()) == nil)
        let schema = Schema(ontology: Graph())
        #expect(TermIDGraphMLWriter.plan(GraphMLFixtureGraphs.synthetic(), projection: PropertyGraphProjection(schema: schema)) == nil)
    }
}

/// SplitMix64 for the random graphs (the same sequence on every platform).
struct SplitMixGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
