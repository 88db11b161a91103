import DatasetKit
import KnowledgeGraph
import Testing

/// The validator on plain graphs, without a dataset: diagnostics name the node or triple when
/// there is no position, and positions come from the source map when there is one.
@Suite struct SchemaValidatorTests {
    static let ns = "http://example.org/ns#"
    static func term(_ name: String) -> IRI { IRI(unchecked: ns + name) }
    let person = term("Person")
    let country = term("Country")
    let knows = term("knows")
    let born = term("born")
    let alice = Term.iri(IRI(unchecked: "http://example.org/id/alice"))
    let france = Term.iri(IRI(unchecked: "http://example.org/id/france"))

    var schema: Schema {
        var ontology = Graph()
        for type in [person, country, Self.term("Agent")] {
            ontology.insert(.iri(type), Vocabulary.rdfType, .iri(Vocabulary.owlClass))
        }
        ontology.insert(.iri(person), Vocabulary.rdfsSubClassOf, .iri(Self.term("Agent")))
        ontology.insert(.iri(knows), Vocabulary.rdfType, .iri(Vocabulary.owlObjectProperty))
        ontology.insert(.iri(knows), Vocabulary.rdfsDomain, .iri(Self.term("Agent")))
        ontology.insert(.iri(knows), Vocabulary.rdfsRange, .iri(person))
        ontology.insert(.iri(born), Vocabulary.rdfType, .iri(Vocabulary.owlDatatypeProperty))
        ontology.insert(.iri(born), Vocabulary.rdfsRange, .iri(Vocabulary.xsdDate))
        ontology.prefixes.add(prefix: "ex", namespace: Self.ns)
        return Schema(ontology: ontology)
    }

    func labelled(_ node: Term, _ type: IRI, into graph: inout Graph) {
        graph.insert(node, Vocabulary.rdfType, .iri(type))
        graph.insert(node, Vocabulary.rdfsLabel, .literal(Literal("x")))
    }

    @Test func validGraphHasNoProblems() throws {
        var graph = Graph()
        labelled(alice, person, into: &graph)
        graph.insert(alice, knows, alice)
        graph.insert(alice, born, .literal(try Literal("1990-02-28", datatype: Vocabulary.xsdDate)))
        // External nodes (no type in the graph) are not range-checked: the open world.
        graph.insert(alice, knows, .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q1")))
        graph.insert(alice, Vocabulary.owlSameAs, .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q2")))
        #expect(SchemaValidator(schema: schema).validate(graph) == [])
    }

    @Test func problemsWithoutPositionsNameTheTriple() throws {
        var graph = Graph()
        labelled(alice, person, into: &graph)
        labelled(france, country, into: &graph)
        graph.insert(alice, knows, france)
        graph.insert(alice, born, .literal(try Literal("1990-02-29", datatype: Vocabulary.xsdDate)))
        let problems = SchemaValidator(schema: schema).validate(graph)
        #expect(problems.map(\.description) == [
            "error: <http://example.org/id/alice> <http://example.org/ns#born> \"1990-02-29\"^^<http://www.w3.org/2001/XMLSchema#date> .: "
            + "\"1990-02-29\" is not a valid xsd:date: it is 29 February of 1990, which is not a leap year",
            "error: <http://example.org/id/alice> <http://example.org/ns#knows> <http://example.org/id/france> .: "
            + "property ex:knows expects a ex:Person, but <http://example.org/id/france> is a ex:Country",
        ])
    }

    @Test func positionsComeFromTheSourceMap() {
        var graph = Graph()
        labelled(alice, person, into: &graph)
        let triple = Triple(subject: alice, predicate: born, object: .iri(IRI(unchecked: "http://example.org/x")))
        graph.insert(triple)
        var map = GraphSourceMap()
        map.names[alice] = "alice"
        map.record(triple, property: SourceLocation(file: "a.yaml", line: 3, column: 5),
                   value: SourceLocation(file: "a.yaml", line: 3, column: 11))
        let problems = SchemaValidator(schema: schema).validate(graph, sourceMap: map)
        #expect(problems.map(\.description) == [
            "a.yaml:3:11: error: property ex:born takes a literal value (xsd:date), but its value here is the node <http://example.org/x>",
        ])
        #expect(problems.map(\.code) == ["range-mismatch"])
    }

    @Test func domainIsCheckedThroughSuperClassesAndSuperProperties() {
        var graph = Graph()
        labelled(france, country, into: &graph)
        labelled(alice, person, into: &graph)
        let knowsWell = Self.term("knowsWell")
        var ontology = Graph()
        ontology.insert(.iri(knowsWell), Vocabulary.rdfType, .iri(Vocabulary.owlObjectProperty))
        ontology.insert(.iri(knowsWell), Vocabulary.rdfsSubPropertyOf, .iri(knows))
        var extended = schema
        extended.properties[knowsWell] = Schema(ontology: ontology).properties[knowsWell]
        graph.insert(france, knowsWell, alice)
        graph.insert(alice, knowsWell, alice)
        let problems = SchemaValidator(schema: extended).validate(graph)
        #expect(problems.map(\.code) == ["domain-mismatch"])
        #expect(problems.first?.message == "property ex:knowsWell does not apply to <http://example.org/id/france>, a ex:Country: its domain is ex:Agent")
    }

    @Test func literalForAnObjectProperty() {
        var graph = Graph()
        labelled(alice, person, into: &graph)
        graph.insert(alice, knows, .literal(Literal("Bob")))
        let problems = SchemaValidator(schema: schema).validate(graph)
        #expect(problems.map(\.message) == ["property ex:knows links to nodes (ex:Person), but its value here is the literal \"Bob\""])
    }

    @Test func rulesCanBeRelaxed() {
        var graph = Graph()
        graph.insert(alice, knows, alice)
        let strict = SchemaValidator(schema: schema).validate(graph)
        #expect(strict.map(\.code) == ["missing-label", "missing-type"])
        let relaxed = SchemaValidator(schema: schema, rules: ValidationRules(requiresLabel: false, requiresType: false))
        #expect(relaxed.validate(graph) == [])
    }

    @Test func suggestions() {
        #expect(NameSuggestion.closest(to: Self.term("Persn"), among: [person, country]) == person)
        #expect(NameSuggestion.closest(to: Self.term("Xyz"), among: [person, country]) == nil)
        #expect(NameSuggestion.closest(to: "lithuana", among: ["lithuania", "latvia"]) == "lithuania")
        #expect(NameSuggestion.closest(to: "ab", among: ["ac"]) == nil)
    }
}
