import KnowledgeGraph

/// A small ontology built in code, shaped like the project's: agents, events with sources,
/// articles, and one property per datatype the validator checks.
enum TestOntology {
    static let iri = "http://example.org/ns/test"
    static let namespace = iri + "#"
    static let xsd = Vocabulary.xsdNamespace

    static func term(_ name: String) -> IRI { IRI(unchecked: namespace + name) }

    static let graph: Graph = {
        var graph = Graph()
        func add(_ subject: IRI, _ predicate: IRI, _ object: IRI) {
            graph.insert(.iri(subject), predicate, .iri(object))
        }
        func label(_ subject: IRI, _ text: String) {
            graph.insert(.iri(subject), Vocabulary.rdfsLabel, .literal(Literal(text)))
        }
        add(IRI(unchecked: iri), Vocabulary.rdfType, Vocabulary.owlOntology)
        let classes: [(String, String?)] = [
            ("Agent", nil), ("Person", "Agent"), ("Country", "Agent"), ("Event", nil),
            ("Endorsement", "Event"), ("Statement", "Event"), ("NewsArticle", nil), ("Claim", nil),
        ]
        for (name, parent) in classes {
            add(term(name), Vocabulary.rdfType, Vocabulary.owlClass)
            label(term(name), name)
            if let parent { add(term(name), Vocabulary.rdfsSubClassOf, term(parent)) }
        }
        func property(_ name: IRI, _ kind: IRI, domain: String?, range: IRI?) {
            add(name, Vocabulary.rdfType, kind)
            if let domain { add(name, Vocabulary.rdfsDomain, term(domain)) }
            if let range { add(name, Vocabulary.rdfsRange, range) }
        }
        let object = Vocabulary.owlObjectProperty
        let datatype = Vocabulary.owlDatatypeProperty
        property(term("endorser"), object, domain: "Endorsement", range: term("Country"))
        property(term("endorsee"), object, domain: "Endorsement", range: term("Person"))
        property(term("speaker"), object, domain: "Statement", range: term("Person"))
        property(term("date"), datatype, domain: "Event", range: Vocabulary.xsdDate)
        property(term("datePublished"), datatype, domain: "NewsArticle", range: Vocabulary.xsdDate)
        property(term("month"), datatype, domain: nil, range: Vocabulary.xsdGYearMonth)
        property(term("at"), datatype, domain: nil, range: Vocabulary.xsdDateTime)
        property(term("count"), datatype, domain: nil, range: Vocabulary.xsdInteger)
        property(term("total"), datatype, domain: nil, range: Vocabulary.xsdNonNegativeInteger)
        property(term("share"), datatype, domain: nil, range: Vocabulary.xsdDecimal)
        property(term("ratio"), datatype, domain: nil, range: Vocabulary.xsdDouble)
        property(term("temporary"), datatype, domain: nil, range: Vocabulary.xsdBoolean)
        property(term("url"), datatype, domain: nil, range: Vocabulary.xsdAnyURI)
        property(term("note"), datatype, domain: nil, range: Vocabulary.rdfLangString)
        property(Vocabulary.provWasDerivedFrom, object, domain: nil, range: term("NewsArticle"))
        graph.prefixes.add(prefix: "ng", namespace: namespace)
        graph.prefixes.add(prefix: "prov", namespace: Vocabulary.provNamespace)
        return graph
    }()
}
