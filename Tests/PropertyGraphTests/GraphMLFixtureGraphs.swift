import GraphSynthesis
import KnowledgeGraph

/// The graphs whose plain GraphML is kept in `Fixtures/`, as the projection and writer wrote
/// it before the performance work, so that the faster path is held to the same bytes.
enum GraphMLFixtureGraphs {
    static func synthetic() -> Graph {
        SyntheticNewsGraph(nodes: 300, seed: 1).graph()
    }

    static func syntheticWithoutPrefixes() -> Graph {
        Graph(SyntheticNewsGraph(nodes: 300, seed: 1).graph().triples)
    }

    /// Every naming and typing rule of the projection: local names two nodes share, reserved
    /// attribute names, one property in several languages (and cases of one tag) and datatypes,
    /// several values on one node, numbers and booleans, blank nodes, several types, an
    /// `rdf:type` to a blank node, IRIs without a local name, non-ASCII IRIs.
    static func mixed() -> Graph {
        let ex = "http://example.org/", other = "http://other.example/vocab/"
        func iri(_ text: String) -> Term { .iri(IRI(unchecked: text)) }
        func p(_ text: String) -> IRI { IRI(unchecked: text) }
        func typed(_ value: String, _ xsd: String) -> Term {
            .literal(Literal(unchecked: value, datatype: IRI(unchecked: Vocabulary.xsdNamespace + xsd), language: nil))
        }
        func tagged(_ value: String, _ language: String) -> Term {
            .literal(Literal(unchecked: value, datatype: Vocabulary.rdfLangString, language: language))
        }
        var triples = Array(SyntheticNewsGraph(nodes: 24, seed: 5).graph().triples)
        let oslo = iri(ex + "Oslo"), otherOslo = iri(other + "Oslo"), rel = iri(ex + "rel/"), kaunas = iri(ex + "Kaunas·ąč")
        let blank = Term.blank(BlankNode("x1")), blank2 = Term.blank(BlankNode("a0"))
        triples += [
            Triple(subject: oslo, predicate: Vocabulary.rdfType, object: iri(ex + "City")),
            Triple(subject: oslo, predicate: Vocabulary.rdfType, object: iri(other + "Capital")),
            Triple(subject: oslo, predicate: Vocabulary.rdfsLabel, object: .literal(Literal("Oslo"))),
            Triple(subject: oslo, predicate: Vocabulary.rdfsLabel, object: tagged("Oslo", "nb")),
            Triple(subject: oslo, predicate: Vocabulary.rdfsLabel, object: tagged("Óslo", "EN")),
            Triple(subject: oslo, predicate: Vocabulary.rdfsLabel, object: tagged("Oslo city", "en")),
            Triple(subject: oslo, predicate: p(ex + "population"), object: typed("709037", "integer")),
            Triple(subject: oslo, predicate: p(ex + "area"), object: typed("454.0", "decimal")),
            Triple(subject: oslo, predicate: p(ex + "founded"), object: typed("1040", "gYear")),
            Triple(subject: otherOslo, predicate: p(ex + "founded"), object: typed("1048-05", "gYearMonth")),
            Triple(subject: otherOslo, predicate: p(ex + "founded"), object: typed("1049-05", "gYearMonth")),
            Triple(subject: otherOslo, predicate: p(ex + "capital"), object: typed("true", "boolean")),
            Triple(subject: otherOslo, predicate: p(ex + "ratio"), object: typed("1.5E3", "double")),
            Triple(subject: otherOslo, predicate: p(ex + "id"), object: .literal(Literal("OSL"))),
            Triple(subject: otherOslo, predicate: p(other + "iri"), object: .literal(Literal("x & <y>"))),
            Triple(subject: otherOslo, predicate: p(ex + "name"), object: .literal(Literal("Oslo"))),
            Triple(subject: otherOslo, predicate: p(other + "name"), object: .literal(Literal("Christiania\r\n\"old\""))),
            Triple(subject: oslo, predicate: p(ex + "twin"), object: otherOslo),
            Triple(subject: oslo, predicate: p(other + "twin"), object: otherOslo),
            Triple(subject: oslo, predicate: p(ex + "twin"), object: rel),
            Triple(subject: rel, predicate: p(ex + "empty"), object: .literal(Literal(""))),
            Triple(subject: kaunas, predicate: p(ex + "near"), object: blank),
            Triple(subject: blank, predicate: Vocabulary.rdfType, object: blank2),
            Triple(subject: blank2, predicate: p(ex + "note"), object: tagged("nota", "lt")),
            Triple(subject: blank, predicate: p(ex + "near"), object: iri("urn:isbn:0451450523")),
        ]
        var graph = Graph(triples)
        graph.prefixes.add(prefix: "ex", namespace: ex)
        graph.prefixes.add(prefix: "other", namespace: other)
        return graph
    }

    static let all: [(name: String, graph: @Sendable () -> Graph)] = [
        ("synth-300-seed1", synthetic),
        ("synth-300-seed1-noprefixes", syntheticWithoutPrefixes),
        ("mixed-terms", mixed),
    ]
}
