import Testing
import KnowledgeGraph
import RDFFormats

/// Checks the project ontology (`Ontology/newsgraph.owl`) as our own RDF/XML reader and
/// ``Schema`` see it: every term documented, every property with a domain and a range, every
/// referenced term declared, and sub-properties that stay inside their super-properties (the
/// validator checks a value against the whole super-property chain).
///
/// The figures asserted here (746 triples, the alignments spot-checked) were cross-checked with
/// Raptor's `rapper` and with rdflib.
@Suite struct OntologyTests {
    static let namespace = "https://kgexport.example.org/ns/newsgraph#"

    /// The ontology lives in the repository: `Ontology/newsgraph.owl` under the package root.
    static let ontologyPath: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/DatasetKitTests/OntologyTests.swift
        return parts.joined(separator: "/") + "/Ontology/newsgraph.owl"
    }()

    static func read() throws -> Graph {
        try RDFXMLReader().parse(try InputFile.read(ontologyPath), source: "newsgraph.owl")
    }

    static func ng(_ name: String) -> IRI { IRI(unchecked: namespace + name) }

    /// Terms a domain or range may name without declaring them: the OWL/RDFS universals and
    /// XML Schema datatypes.
    static func isBuiltIn(_ iri: IRI) -> Bool {
        iri == Vocabulary.owlThing || iri == Vocabulary.rdfsLiteral || iri == Vocabulary.rdfLangString
            || iri.value.hasPrefix(Vocabulary.xsdNamespace)
    }

    @Test func readsAsTheOtherToolsDo() throws {
        let graph = try Self.read()
        #expect(graph.count == 746)
        let schema = Schema(ontology: graph)
        #expect(schema.ontologyIRI == IRI(unchecked: "https://kgexport.example.org/ns/newsgraph"))
        #expect(schema.classes[Self.ng("Quotation")]?.superClasses
                == [IRI(unchecked: "http://schema.org/Quotation"), Self.ng("Statement")])
        let date = try #require(schema.properties[Self.ng("date")])
        #expect(date.kind == .datatype)
        #expect(date.ranges == [Vocabulary.xsdDate])
        #expect(date.superProperties == [IRI(unchecked: "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp")])
        #expect(schema.properties[IRI(unchecked: "http://www.w3.org/2004/02/skos/core#altLabel")]?.kind == .annotation)
    }

    @Test func declaresThePrefixesDatasetsUse() throws {
        let prefixes = try Self.read().prefixes
        let expected = [
            "ng": Self.namespace, "schema": "http://schema.org/", "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
            "prov": "http://www.w3.org/ns/prov#", "org": "http://www.w3.org/ns/org#",
            "time": "http://www.w3.org/2006/time#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "foaf": "http://xmlns.com/foaf/0.1/", "owl": "http://www.w3.org/2002/07/owl#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
        ]
        for (prefix, namespace) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(prefixes.namespace(for: prefix) == namespace, "prefix \(prefix)")
        }
    }

    @Test func everyClassHasLabelAndComment() throws {
        let schema = Schema(ontology: try Self.read())
        #expect(schema.classes.count >= 60)
        for info in schema.classes.values.sorted(by: { $0.iri < $1.iri }) {
            #expect(!(info.label ?? "").isEmpty, "class \(info.iri) has no rdfs:label")
            #expect(!(info.comment ?? "").isEmpty, "class \(info.iri) has no rdfs:comment")
        }
    }

    @Test func everyPropertyHasLabelCommentDomainAndRange() throws {
        let schema = Schema(ontology: try Self.read())
        #expect(schema.properties.count >= 80)
        for info in schema.properties.values.sorted(by: { $0.iri < $1.iri }) {
            #expect(!(info.label ?? "").isEmpty, "property \(info.iri) has no rdfs:label")
            #expect(!(info.comment ?? "").isEmpty, "property \(info.iri) has no rdfs:comment")
            #expect(!info.domains.isEmpty, "property \(info.iri) has no rdfs:domain")
            #expect(!info.ranges.isEmpty, "property \(info.iri) has no rdfs:range")
        }
    }

    @Test func everyReferencedTermIsDeclared() throws {
        let graph = try Self.read()
        let schema = Schema(ontology: graph)
        for info in schema.classes.values {
            for parent in info.superClasses {
                #expect(schema.classes[parent] != nil || Self.isBuiltIn(parent), "\(info.iri) ⊑ undeclared \(parent)")
            }
        }
        for info in schema.properties.values {
            for term in info.domains + info.ranges {
                #expect(schema.classes[term] != nil || Self.isBuiltIn(term), "\(info.iri) names undeclared \(term)")
            }
            for parent in info.superProperties {
                let declared = try #require(schema.properties[parent], "\(info.iri) ⊑ undeclared \(parent)")
                #expect(declared.kind == info.kind, "\(info.iri) and its super-property \(parent) differ in kind")
            }
        }
        // No ng: term is used without being declared (a typo would otherwise go unnoticed).
        for triple in graph {
            for case .iri(let iri) in [triple.subject, triple.object] where iri.value.hasPrefix(Self.namespace) {
                #expect(schema.classes[iri] != nil || schema.properties[iri] != nil, "undeclared \(iri)")
            }
        }
    }

    @Test func subPropertiesStayInsideTheirSuperProperties() throws {
        let schema = Schema(ontology: try Self.read())
        for info in schema.properties.values.sorted(by: { $0.iri < $1.iri }) {
            for parent in info.superProperties {
                guard let superProperty = schema.properties[parent] else { continue }
                for domain in superProperty.domains where domain != Vocabulary.owlThing {
                    #expect(info.domains.contains { schema.isSubClass($0, of: domain) },
                            "domain of \(info.iri) is not inside \(domain), the domain of \(parent)")
                }
                for range in superProperty.ranges where !Self.isBuiltIn(range) || info.kind == .datatype {
                    #expect(info.ranges.contains { $0 == range || schema.isSubClass($0, of: range) },
                            "range of \(info.iri) is not inside \(range), the range of \(parent)")
                }
            }
        }
    }
}
