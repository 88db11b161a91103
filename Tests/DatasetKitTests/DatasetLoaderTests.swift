import DatasetKit
import KnowledgeGraph
import Testing

/// A valid dataset becomes the expected triples, with prefixes and source positions.
@Suite struct DatasetLoaderTests {
    let base = "http://example.org/id/test-set/"
    let ng = TestOntology.namespace

    func node(_ id: String) -> Term { .iri(IRI(unchecked: base + id)) }
    func ngTerm(_ name: String) -> IRI { IRI(unchecked: ng + name) }
    func typed(_ text: String, _ datatype: IRI) -> Term { .literal(Literal(unchecked: text, datatype: datatype, language: nil)) }

    @Test func validDatasetHasNoProblems() throws {
        let loaded = try Fixtures.load("valid.yaml")
        #expect(loaded.report == [])
        #expect(!loaded.hasErrors)
        #expect(loaded.nodeCount == 5)
        #expect(loaded.graph.count == 29)
    }

    @Test func nodesBecomeTriples() throws {
        let graph = try Fixtures.load("valid.yaml").graph
        let expected: [Triple] = [
            Triple(subject: node("mark-rutte"), predicate: Vocabulary.rdfType, object: .iri(ngTerm("Person"))),
            Triple(subject: node("mark-rutte"), predicate: Vocabulary.rdfsLabel, object: .literal(Literal("Mark Rutte"))),
            Triple(subject: node("mark-rutte"), predicate: Vocabulary.skosAltLabel, object: .literal(Literal("Rutte"))),
            Triple(subject: node("mark-rutte"), predicate: Vocabulary.skosAltLabel, object: .literal(Literal("M. Rutte"))),
            Triple(subject: node("mark-rutte"), predicate: Vocabulary.owlSameAs,
                   object: .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q57792"))),
            Triple(subject: node("lithuania"), predicate: Vocabulary.rdfsLabel,
                   object: .literal(Literal(unchecked: "Lietuva", datatype: Vocabulary.rdfLangString, language: "lt"))),
            Triple(subject: node("lithuania-endorses-rutte"), predicate: ngTerm("endorser"), object: node("lithuania")),
            Triple(subject: node("lithuania-endorses-rutte"), predicate: ngTerm("date"), object: typed("2024-04-02", Vocabulary.xsdDate)),
            Triple(subject: node("lithuania-endorses-rutte"), predicate: ngTerm("at"),
                   object: typed("2024-04-02T10:30:00+03:00", Vocabulary.xsdDateTime)),
            Triple(subject: node("lithuania-endorses-rutte"), predicate: Vocabulary.provWasDerivedFrom, object: node("article-1")),
            Triple(subject: node("lithuania-endorses-rutte"), predicate: ngTerm("note"),
                   object: .literal(Literal(unchecked: "Tere", datatype: Vocabulary.rdfLangString, language: "et"))),
            Triple(subject: node("allies-backing"), predicate: ngTerm("count"), object: typed("28", Vocabulary.xsdInteger)),
            Triple(subject: node("allies-backing"), predicate: ngTerm("total"), object: typed("32", Vocabulary.xsdNonNegativeInteger)),
            Triple(subject: node("allies-backing"), predicate: ngTerm("share"), object: typed("0.875", Vocabulary.xsdDecimal)),
            Triple(subject: node("allies-backing"), predicate: ngTerm("ratio"), object: typed("8.75E-1", Vocabulary.xsdDouble)),
            Triple(subject: node("allies-backing"), predicate: ngTerm("temporary"), object: typed("false", Vocabulary.xsdBoolean)),
            Triple(subject: node("allies-backing"), predicate: ngTerm("month"), object: typed("2024-04", Vocabulary.xsdGYearMonth)),
            Triple(subject: node("article-1"), predicate: ngTerm("url"),
                   object: typed("https://example.org/news/1?x=1", Vocabulary.xsdAnyURI)),
        ]
        for triple in expected {
            #expect(graph.contains(triple), "missing \(triple)")
        }
    }

    /// YAML's implicit typing is ignored: `false`, `28`, `8.75E-1` and dates keep their source text.
    @Test func scalarsKeepTheirSourceText() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            claims:
              c:
                type: Claim
                label: 0x1F
                ratio: 1.0
                count: 007
            """)
        #expect(loaded.report == [])
        let subject = Term.iri(IRI(unchecked: "http://example.org/id/t/c"))
        #expect(loaded.graph.objects(of: subject, Vocabulary.rdfsLabel) == [.literal(Literal("0x1F"))])
        #expect(loaded.graph.objects(of: subject, ngTerm("ratio")) == [typed("1.0", Vocabulary.xsdDouble)])
        #expect(loaded.graph.objects(of: subject, ngTerm("count")) == [typed("007", Vocabulary.xsdInteger)])
    }

    /// The dataset's prefixes come first, then the dataset id for its nodes, the ontology's, the well-known ones.
    @Test func prefixesForWriters() throws {
        let prefixes = try Fixtures.load("valid.yaml").graph.prefixes
        let names = prefixes.entries.map(\.prefix)
        #expect(names == ["wd", "test-set", "ng", "prov", "rdf", "rdfs", "xsd", "owl", "dcterms", "foaf", "org",
                          "schema", "sem", "skos", "time"])
        #expect(prefixes.namespace(for: "test-set") == base)
        #expect(prefixes.namespace(for: "ng") == ng)
    }

    @Test func sourceMapRecordsPositions() throws {
        let loaded = try Fixtures.load("valid.yaml")
        let endorsement = node("lithuania-endorses-rutte")
        let triple = Triple(subject: endorsement, predicate: ngTerm("endorser"), object: node("lithuania"))
        #expect(loaded.sourceMap.nodes[endorsement] == SourceLocation(file: "valid.yaml", line: 25, column: 3))
        #expect(loaded.sourceMap.names[endorsement] == "lithuania-endorses-rutte")
        #expect(loaded.sourceMap.properties[triple] == SourceLocation(file: "valid.yaml", line: 28, column: 5))
        #expect(loaded.sourceMap.values[triple] == SourceLocation(file: "valid.yaml", line: 28, column: 15))
        let alt = Triple(subject: node("mark-rutte"), predicate: Vocabulary.skosAltLabel, object: .literal(Literal("M. Rutte")))
        #expect(loaded.sourceMap.values[alt] == SourceLocation(file: "valid.yaml", line: 18, column: 28))
    }

    @Test func vocabularyNamespaceComesFromTheOntologyIRI() {
        let loader = DatasetLoader(ontology: TestOntology.graph)
        #expect(loader.vocabularyNamespace == ng)
        #expect(loader.sourcedClasses == [ngTerm("Event")])
    }

    @Test func fullIRIsAndPrefixedKeys() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            prefixes:
              ex: http://example.org/ns/test#
            entities:
              a:
                type: <http://example.org/ns/test#Person>
                ex:url: {value: "http://example.org/", datatype: xsd:anyURI}
                label: A
                owl:sameAs: <http://www.wikidata.org/entity/Q57792>
            """)
        #expect(loaded.report == [])
        let subject = Term.iri(IRI(unchecked: "http://example.org/id/t/a"))
        #expect(loaded.graph.objects(of: subject, Vocabulary.rdfType) == [.iri(ngTerm("Person"))])
        #expect(loaded.graph.objects(of: subject, ngTerm("url")) == [typed("http://example.org/", Vocabulary.xsdAnyURI)])
        #expect(loaded.graph.objects(of: subject, Vocabulary.owlSameAs)
                == [.iri(IRI(unchecked: "http://www.wikidata.org/entity/Q57792"))])
    }

    @Test func emptySectionsAreAllowed() {
        let loaded = Fixtures.load(text: "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\nevents: ~\n")
        #expect(loaded.report == [])
        #expect(loaded.graph.isEmpty)
    }
}
