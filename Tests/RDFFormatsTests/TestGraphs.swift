import KnowledgeGraph

/// Small graphs built by hand for the writer tests.
enum TestGraphs {
    static let ex = "http://example.org/ns#"

    static func iri(_ local: String) -> IRI { IRI(unchecked: ex + local) }
    static func node(_ local: String) -> Term { .iri(iri(local)) }
    static func blank(_ label: String) -> Term { .blank(BlankNode(label)) }
    static func text(_ value: String) -> Term { .literal(Literal(value)) }
    static func typed(_ value: String, _ datatype: IRI) -> Term {
        .literal(Literal(unchecked: value, datatype: datatype, language: nil))
    }
    static func tagged(_ value: String, _ language: String) -> Term {
        .literal(Literal(unchecked: value, datatype: Vocabulary.rdfLangString, language: language))
    }

    /// A person with a name in two languages, an age, a typed date, an XML literal, a blank
    /// node address and a second type: every kind of term the writers handle.
    static func person(blankLabel: String = "addr") -> [Triple] {
        let stoltenberg = node("Stoltenberg")
        let address = blank(blankLabel)
        return [
            Triple(subject: stoltenberg, predicate: Vocabulary.rdfType, object: node("Person")),
            Triple(subject: stoltenberg, predicate: Vocabulary.rdfType, object: node("Diplomat")),
            Triple(subject: stoltenberg, predicate: iri("name"), object: tagged("Jens Stoltenberg", "en")),
            Triple(subject: stoltenberg, predicate: iri("name"), object: tagged("Jens Stoltenberg", "nb")),
            Triple(subject: stoltenberg, predicate: iri("age"), object: typed("65", Vocabulary.xsdInteger)),
            Triple(subject: stoltenberg, predicate: iri("born"), object: typed("1959-03-16", Vocabulary.xsdDate)),
            Triple(subject: stoltenberg, predicate: iri("note"), object: text("a < b & \"c\"\r\nline 2\ttab")),
            Triple(subject: stoltenberg, predicate: iri("markup"),
                   object: typed("<b>bold</b>", Vocabulary.rdfXMLLiteral)),
            Triple(subject: stoltenberg, predicate: iri("empty"), object: text("")),
            Triple(subject: stoltenberg, predicate: iri("address"), object: address),
            Triple(subject: address, predicate: iri("city"), object: text("Oslo")),
            Triple(subject: address, predicate: IRI(unchecked: Vocabulary.rdfNamespace + "_1"), object: text("first")),
            Triple(subject: node("Nato"), predicate: IRI(unchecked: "http://other.example/vocab/member"), object: stoltenberg),
        ]
    }

    static func graph(_ triples: [Triple], prefixes: [(String, String)] = [("ex", ex)]) -> Graph {
        var graph = Graph(triples)
        for (prefix, namespace) in prefixes { graph.prefixes.add(prefix: prefix, namespace: namespace) }
        return graph
    }
}
