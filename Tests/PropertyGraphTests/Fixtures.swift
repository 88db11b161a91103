#if canImport(Glibc)
import Glibc
#endif
import KnowledgeGraph
import PropertyGraph
import TestSupport
import Testing
import XMLSupport

/// Small graphs and helpers shared by the tests.
enum Fixture {
    static let ex = "http://example.org/"
    static let ng = "https://kgexport.example.org/ns/newsgraph#"

    static func iri(_ local: String) -> Term { .iri(IRI(unchecked: ex + local)) }
    static func property(_ local: String) -> IRI { IRI(unchecked: ex + local) }
    static func ngTerm(_ local: String) -> Term { .iri(IRI(unchecked: ng + local)) }
    static func ngIRI(_ local: String) -> IRI { IRI(unchecked: ng + local) }
    static func text(_ value: String) -> Term { .literal(Literal(value)) }
    static func typed(_ value: String, _ xsd: String) -> Term {
        .literal(Literal(unchecked: value, datatype: IRI(unchecked: Vocabulary.xsdNamespace + xsd), language: nil))
    }
    static func tagged(_ value: String, _ language: String) -> Term {
        .literal(Literal(unchecked: value, datatype: Vocabulary.rdfLangString, language: language))
    }

    /// A small news graph: people, a state, an endorsement event with a date, a source.
    static var news: Graph {
        var graph = Graph()
        graph.prefixes.add(prefix: "ex", namespace: ex)
        let rutte = iri("mark-rutte"), lithuania = iri("lithuania"), event = iri("lithuania-endorses-rutte")
        let article = iri("err-2024-04-02")
        graph.insert(rutte, Vocabulary.rdfType, ngTerm("Person"))
        graph.insert(rutte, Vocabulary.rdfsLabel, text("Mark Rutte"))
        graph.insert(rutte, IRI(unchecked: "http://www.w3.org/2004/02/skos/core#altLabel"), text("Rutte"))
        graph.insert(lithuania, Vocabulary.rdfType, ngTerm("Country"))
        graph.insert(lithuania, Vocabulary.rdfsLabel, text("Lithuania"))
        graph.insert(lithuania, Vocabulary.rdfsLabel, tagged("Lietuva", "lt"))
        graph.insert(event, Vocabulary.rdfType, ngTerm("Endorsement"))
        graph.insert(event, Vocabulary.rdfsLabel, text("Lithuania endorses Mark Rutte for NATO Secretary General"))
        graph.insert(event, ngIRI("endorser"), lithuania)
        graph.insert(event, ngIRI("endorsee"), rutte)
        graph.insert(event, ngIRI("date"), typed("2024-04-02", "date"))
        graph.insert(event, IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom"), article)
        graph.insert(article, Vocabulary.rdfType, ngTerm("NewsArticle"))
        graph.insert(article, Vocabulary.rdfsLabel, text("Estonia to endorse Mark Rutte (ERR News)"))
        graph.insert(article, IRI(unchecked: "http://schema.org/datePublished"), typed("2024-04-02", "date"))
        graph.insert(lithuania, ngIRI("population"), typed("2800000", "integer"))
        return graph
    }

    /// A schema for ``news``: Endorsement ⊑ Event ⊑ sem:Event, Country ⊑ State.
    static var schema: Schema {
        var schema = Schema()
        func addClass(_ local: String, _ parents: [IRI]) {
            schema.classes[ngIRI(local)] = Schema.ClassInfo(iri: ngIRI(local), superClasses: parents)
        }
        addClass("Endorsement", [ngIRI("Event")])
        addClass("Event", [IRI(unchecked: "http://semanticweb.cs.vu.nl/2009/11/sem/Event")])
        addClass("Country", [ngIRI("State")])
        addClass("Person", [IRI(unchecked: "http://schema.org/Person")])
        schema.properties[ngIRI("date")] = Schema.PropertyInfo(iri: ngIRI("date"), kind: .datatype, label: "date",
                                                               ranges: [Vocabulary.xsdDate])
        return schema
    }

    /// The package root, found from this file's path.
    static var packageRoot: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// The folder with the GraphML schemas: `GRAPHML_XSD_DIR`, else `../shared/graphml-xsd`.
    static var schemaFolder: String {
        if let value = getenv("GRAPHML_XSD_DIR") { return String(cString: value) }
        return packageRoot + "/../shared/graphml-xsd"
    }

    static var isCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }

    static func write(_ graph: Graph, style: GraphMLWriter.Style = .plain, schema: Schema? = nil) throws -> String {
        let sink = MemorySink()
        try GraphMLWriter(style: style, schema: schema).write(graph, to: sink)
        return sink.text
    }
}

extension Fixture {
    /// Whether the GraphML schemas are present (tests that need them fail under CI when not).
    static var schemasAvailable: Bool { access(schemaFolder + "/graphml.xsd", R_OK) == 0 }

    /// Validates a document against `graphml.xsd` (plain) or `graphml-yed-lax.xsd` (yEd) and
    /// returns the errors, one line each.
    static func validate(_ document: String, style: GraphMLWriter.Style = .plain) throws -> [String] {
        let file = style == .yEd ? "graphml-yed-lax.xsd" : "graphml.xsd"
        let path = schemaFolder + "/" + file
        guard access(path, R_OK) == 0 else {
            Issue.record("the GraphML schema \(path) is missing; set GRAPHML_XSD_DIR to the folder with graphml.xsd")
            return ["schema missing"]
        }
        let validator = try XMLSchemaValidator(schemaPath: path)
        return try validator.validate(Array(document.utf8), name: "test.graphml").map(\.description)
    }

    /// Projects `graph` with an optional schema.
    static func project(_ graph: Graph, schema: Schema? = nil) throws -> PropertyGraph {
        try PropertyGraphProjection(schema: schema).project(graph)
    }
}

extension PropertyGraph {
    func node(_ id: String) -> PropertyGraphNode? { nodes.first { $0.id == id } }

    /// The value of the node attribute named `name` on node `id`.
    func value(_ name: String, of id: String) -> String? {
        guard let key = nodeKeys.first(where: { $0.name == name }) else { return nil }
        return node(id)?.values.first { $0.key == key.id }?.text
    }

    func nodeKey(named name: String) -> AttributeKey? { nodeKeys.first { $0.name == name } }
}
