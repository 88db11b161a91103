import KnowledgeGraph
@testable import RDFFormats
import Testing

@Suite struct CanonicalOrderTests {
    /// The writers' fast order must be exactly the model's `Triple` order.
    @Test func agreesWithTheModelsOrder() {
        let texts = ["", "a", "b", "ab", "aa", "Z", "é", "e\u{301}", "😀", "a\u{0}", "10", "9"]
        var terms: [Term] = []
        for text in texts {
            terms.append(.iri(IRI(unchecked: "http://example.org/" + text)))
            terms.append(.blank(BlankNode("n" + text)))
            terms.append(.literal(Literal(text)))
            terms.append(.literal(Literal(unchecked: text, datatype: Vocabulary.xsdInteger, language: nil)))
            terms.append(.literal(Literal(unchecked: text, datatype: Vocabulary.rdfLangString, language: "en")))
        }
        var generator = SeededGenerator(state: 7)
        var triples: [Triple] = []
        for _ in 0..<2_000 {
            let subject = terms.filter(\.isResource).randomElement(using: &generator) ?? terms[0]
            let predicate = IRI(unchecked: "http://example.org/p" + (texts.randomElement(using: &generator) ?? ""))
            triples.append(Triple(subject: subject, predicate: predicate, object: terms.randomElement(using: &generator) ?? terms[0]))
        }
        let fast = CanonicalOrder.sorted(triples), model = triples.sorted()
        if let index = fast.indices.first(where: { fast[$0] != model[$0] }) {
            Issue.record("first difference at \(index): \(fast[index]) vs \(model[index])")
        }
        let descriptions = CanonicalOrder.descriptions(Array(Set(triples)))
        #expect(descriptions == Graph(triples).sortedDescriptions())
    }

    /// The fast IRI check accepts only what the full check accepts.
    @Test(arguments: [
        "http://example.org/a#b", "urn:isbn:0451450523", "mailto:a@b.example", "x:", "http:g",
        "relative", "/absolute/path", ":x", "1http://x", "http://example.org/a b", "http://x/<y>",
        "http://x/%41", "http://x/%zz", "http://x/Kariņš", "http://x/\u{7}", "h+t.t-p://x",
    ])
    func fastIRICheckNeverAcceptsWhatTheFullCheckRefuses(text: String) {
        if TermChecks.isPlainAbsoluteIRI(text) {
            #expect((try? IRI.check(text)) != nil)
        }
    }
}
