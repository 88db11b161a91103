import KnowledgeGraph
@testable import RDFFormats
import Testing

/// The writers' order on term ids is exactly the order of the relabelled, sorted triples.
@Suite struct CanonicalLayoutTests {
    static func randomGraph(seed: UInt64, triples count: Int) -> Graph {
        let texts = ["", "a", "b", "ab", "aa", "Z", "é", "e\u{301}", "😀", "10", "9", "n1", "n10", "n2"]
        var terms: [Term] = []
        for text in texts {
            terms.append(.iri(IRI(unchecked: "http://example.org/" + text)))
            terms.append(.iri(IRI(unchecked: "urn:x:" + text)))
            terms.append(.blank(BlankNode("n" + text)))
            terms.append(.literal(Literal(text)))
            terms.append(.literal(Literal(unchecked: text, datatype: Vocabulary.xsdInteger, language: nil)))
            terms.append(.literal(Literal(unchecked: text, datatype: Vocabulary.rdfLangString, language: "en")))
        }
        var generator = SeededGenerator(state: seed)
        var graph = Graph()
        for _ in 0..<count {
            let subject = terms.filter(\.isResource).randomElement(using: &generator) ?? terms[0]
            let predicate = IRI(unchecked: "http://example.org/p" + (texts.randomElement(using: &generator) ?? ""))
            graph.insert(subject, predicate, terms.randomElement(using: &generator) ?? terms[0])
        }
        return graph
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func agreesWithSortingTheRelabelledTriples(seed: UInt64) {
        let graph = Self.randomGraph(seed: seed, triples: 1_500)
        let expected = CanonicalOrder.sorted(BlankNodeRelabeling.relabelledTriples(graph))
        let layout = CanonicalLayout(graph)
        let terms = graph.termStore, table = graph.tripleTable
        func relabelled(_ id: TermID) -> Term {
            terms.kind(id) == .blank ? .blank(BlankNode(String(decoding: layout.blankLabel(id), as: UTF8.self))) : terms.term(id)
        }
        let actual = layout.order.map { position in
            let index = Int(position)
            return Triple(subject: relabelled(table.subject(index)), predicate: terms.iri(table.predicate(index)),
                          object: relabelled(table.object(index)))
        }
        #expect(actual.count == expected.count)
        if let first = zip(actual, expected).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("first difference at \(first.offset): \(first.element.0) vs \(first.element.1)")
        }
        // Groups are exactly the runs of one subject.
        #expect(layout.groupStarts.count == layout.subjects.count + 1)
        #expect(Set(layout.subjects).count == layout.subjects.count)
    }
}
