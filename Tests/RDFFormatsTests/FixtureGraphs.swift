import GraphSynthesis
import KnowledgeGraph

/// The graphs whose serializations are kept as fixtures in `Fixtures/`, written by the
/// writers before they were optimised, so that faster writers are held to the same bytes.
enum FixtureGraphs {
    /// 300 synthetic news nodes (seed 1), with the generator's prefixes: 2,700 triples.
    static func synthetic() -> Graph {
        SyntheticNewsGraph(nodes: 300, seed: 1).graph()
    }

    /// The synthetic graph without prefixes, as `kgexport convert` reads it from N-Triples
    /// (namespaces get generated `ns1`, `ns2`, … names).
    static func syntheticWithoutPrefixes() -> Graph {
        Graph(SyntheticNewsGraph(nodes: 300, seed: 1).graph().triples)
    }

    /// Every kind of term and blank node structure: the synthetic graph's first 40 nodes, the
    /// writer tests' person, a chain and a cycle of blank nodes, twin blank nodes, language tags
    /// in several cases, non-ASCII and control-adjacent characters.
    static func mixed() -> Graph {
        var triples = Array(SyntheticNewsGraph(nodes: 40, seed: 3).graph().triples)
        triples += TestGraphs.person()
        let ex = TestGraphs.ex
        let next = IRI(unchecked: ex + "next")
        let value = IRI(unchecked: ex + "value")
        for index in 0..<5 {
            triples.append(Triple(subject: TestGraphs.blank("chain\(index)"), predicate: next,
                                  object: TestGraphs.blank("chain\(index + 1)")))
            triples.append(Triple(subject: TestGraphs.blank("chain\(index)"), predicate: value,
                                  object: TestGraphs.typed(String(index), Vocabulary.xsdInteger)))
        }
        for index in 0..<3 {
            triples.append(Triple(subject: TestGraphs.blank("ring\(index)"), predicate: next,
                                  object: TestGraphs.blank("ring\((index + 1) % 3)")))
        }
        for twin in ["twinA", "twinB"] {
            triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: IRI(unchecked: ex + "part"),
                                  object: TestGraphs.blank(twin)))
            triples.append(Triple(subject: TestGraphs.blank(twin), predicate: value, object: TestGraphs.text("same")))
        }
        triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: IRI(unchecked: ex + "name"),
                              object: TestGraphs.tagged("Ōslo “by”", "nn-NO")))
        triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: IRI(unchecked: ex + "name"),
                              object: TestGraphs.tagged("Oslo", "EN-gb")))
        triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: IRI(unchecked: ex + "note"),
                              object: TestGraphs.text("tab\there, emoji 🇳🇴, ]]> and \\ backslash")))
        triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: IRI(unchecked: "http://other.example/vocab/member"),
                              object: TestGraphs.node("Nato")))
        triples.append(Triple(subject: TestGraphs.node("Oslo"), predicate: Vocabulary.rdfType,
                              object: .iri(IRI(unchecked: "http://other.example/vocab/City"))))
        var graph = Graph(triples)
        graph.prefixes.add(prefix: "ex", namespace: ex)
        for entry in SyntheticNewsGraph.prefixes.entries { graph.prefixes.add(prefix: entry.prefix, namespace: entry.namespace) }
        return graph
    }

    /// Fixture name stem and graph, for each fixture.
    static let all: [(name: String, graph: @Sendable () -> Graph)] = [
        ("synth-300-seed1", synthetic),
        ("synth-300-seed1-noprefixes", syntheticWithoutPrefixes),
        ("mixed-terms", mixed),
    ]
}
