import KnowledgeGraph
import Testing

/// The graph's term dictionary and triple set behave as the set of `Triple`s they replace.
@Suite struct GraphStorageTests {
    static func iri(_ text: String) -> Term { .iri(IRI(unchecked: "http://example.org/" + text)) }
    static let p = IRI(unchecked: "http://example.org/p")

    @Test func keepsInsertionOrderAndIgnoresDuplicates() {
        var graph = Graph()
        let triples = (0..<5_000).map { index in
            Triple(subject: Self.iri("s\(index % 700)"), predicate: Self.p, object: .literal(Literal("v\(index % 1_300)")))
        }
        var model: [Triple] = []
        var seen: Set<Triple> = []
        for triple in triples {
            let added = graph.insert(triple)
            #expect(added == seen.insert(triple).inserted)
            if added { model.append(triple) }
        }
        #expect(graph.count == model.count)
        #expect(graph.triples == model)
        #expect(Array(graph) == model)
        for triple in model.prefix(50) { #expect(graph.contains(triple)) }
        #expect(!graph.contains(Triple(subject: Self.iri("s1"), predicate: Self.p, object: .literal(Literal("absent")))))
    }

    /// RDF terms are equal when their code points are: "é" and "e" + U+0301 stay two terms.
    @Test func termsCompareByCodePoints() {
        var graph = Graph()
        let first = graph.insert(Self.iri("x"), Self.p, .literal(Literal("\u{E9}")))
        let second = graph.insert(Self.iri("x"), Self.p, .literal(Literal("e\u{301}")))
        #expect(first && second)
        #expect(graph.count == 2)
        #expect(graph.objects(of: Self.iri("x"), Self.p).map { $0.literal?.lexicalForm.unicodeScalars.count } == [1, 2])
    }

    /// The same text as an IRI, a blank node, a plain, typed or tagged literal is five terms.
    @Test func kindsDatatypesAndLanguagesAreDistinct() throws {
        let objects: [Term] = [
            .iri(IRI(unchecked: "http://example.org/v")), .blank(BlankNode("http://example.org/v")),
            .literal(Literal("http://example.org/v")),
            .literal(try Literal("http://example.org/v", datatype: Vocabulary.xsdAnyURI)),
            .literal(try Literal("http://example.org/v", language: "en")),
            .literal(try Literal("http://example.org/v", language: "EN")),
        ]
        var graph = Graph()
        for object in objects {
            let added = graph.insert(Self.iri("s"), Self.p, object)
            #expect(added)
        }
        #expect(graph.triples.map(\.object) == objects)
    }

    @Test func copiesAreIndependent() {
        var first = Graph()
        first.insert(Self.iri("a"), Self.p, Self.iri("b"))
        var second = first
        second.insert(Self.iri("c"), Self.p, Self.iri("d"))
        first.insert(Self.iri("e"), Self.p, Self.iri("f"))
        #expect(first.count == 2 && second.count == 2)
        #expect(first.contains(Triple(subject: Self.iri("e"), predicate: Self.p, object: Self.iri("f"))))
        #expect(!second.contains(Triple(subject: Self.iri("e"), predicate: Self.p, object: Self.iri("f"))))
        #expect(second.subjects(Self.p, Self.iri("d")) == [Self.iri("c")])
    }
}
