import KnowledgeGraph
import TestSupport
import Testing

@Suite struct IRITests {
    @Test func acceptsAbsoluteIRIs() throws {
        #expect(try IRI("http://example.org/a#b").value == "http://example.org/a#b")
        #expect(try IRI("urn:isbn:0451450523").scheme == "urn")
        #expect(try IRI("https://lt.example/Kariņš").value.hasSuffix("Kariņš"))
    }

    @Test(arguments: [
        ("relative/path", "is not absolute"),
        ("http://example.org/a b", "contains a space"),
        ("http://example.org/<x>", "which IRIs forbid"),
        ("http://example.org/%zz", "two hexadecimal digits"),
        ("1http://example.org/", "invalid scheme"),
        ("http://example.org/\u{7}", "U+0007"),
    ])
    func refusesInvalidIRIs(text: String, reason: String) {
        #expect {
            try IRI(text)
        } throws: { error in
            (error as? IRIError)?.description.contains(reason) == true
        }
    }

    @Test(arguments: [
        // RFC 3986 section 5.4 examples, base http://a/b/c/d;p?q
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"), ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("g.", "http://a/b/c/g."), ("g/../h", "http://a/b/c/h"), ("g;x=1/../y", "http://a/b/c/y"),
        ("http:g", "http:g"),
    ])
    func resolvesReferences(reference: String, expected: String) throws {
        let base = try IRI("http://a/b/c/d;p?q")
        #expect(try base.resolving(reference).value == expected)
    }
}

@Suite struct LiteralTests {
    @Test func languageTags() throws {
        #expect(LanguageTag.isWellFormed("en"))
        #expect(LanguageTag.isWellFormed("et-EE"))
        #expect(LanguageTag.isWellFormed("zh-Hant-TW"))
        #expect(LanguageTag.isWellFormed("x-private"))
        #expect(!LanguageTag.isWellFormed("e"))
        #expect(!LanguageTag.isWellFormed("en_US"))
        #expect(!LanguageTag.isWellFormed("en-"))
        #expect(!LanguageTag.isWellFormed("123"))
        #expect(try Literal("Tere", language: "et").datatype == Vocabulary.rdfLangString)
        #expect(throws: LiteralError.self) { try Literal("x", language: "not a tag") }
        #expect(throws: LiteralError.self) { try Literal("x", datatype: Vocabulary.rdfLangString) }
    }

    @Test func plainLiteralIsXSDString() {
        #expect(Literal("a").datatype == Vocabulary.xsdString)
        #expect(Literal("a").description == "\"a\"")
    }
}

@Suite struct GraphTests {
    let a = Term.iri(IRI(unchecked: "http://example.org/a"))
    let p = IRI(unchecked: "http://example.org/p")

    @Test func deduplicatesAndKeepsOrder() {
        var graph = Graph()
        let first = graph.insert(a, p, .literal(Literal("2")))
        let second = graph.insert(a, p, .literal(Literal("1")))
        let again = graph.insert(a, p, .literal(Literal("2")))
        #expect(first && second && !again)
        #expect(graph.count == 2)
        #expect(graph.triples.map(\.object) == [.literal(Literal("2")), .literal(Literal("1"))])
        #expect(graph.sortedTriples().map(\.object) == [.literal(Literal("1")), .literal(Literal("2"))])
    }

    @Test func groupsBySubjectInSortedOrder() {
        let b = Term.blank(BlankNode("x"))
        var graph = Graph()
        graph.insert(b, p, a)
        graph.insert(a, p, b)
        let subjects = graph.sortedDescriptions().map(\.subject)
        #expect(subjects == [a, b])
    }

    @Test func isomorphismMatchesBlankNodes() {
        let b1 = Term.blank(BlankNode("one")), b2 = Term.blank(BlankNode("two"))
        let c1 = Term.blank(BlankNode("q")), c2 = Term.blank(BlankNode("r"))
        let left = Graph([
            Triple(subject: a, predicate: p, object: b1), Triple(subject: b1, predicate: p, object: b2),
            Triple(subject: b2, predicate: p, object: .literal(Literal("end"))),
        ])
        let right = Graph([
            Triple(subject: c2, predicate: p, object: .literal(Literal("end"))),
            Triple(subject: c1, predicate: p, object: c2), Triple(subject: a, predicate: p, object: c1),
        ])
        #expect(left.isIsomorphic(to: right))
        var different = right
        different.insert(c1, p, .literal(Literal("extra")))
        #expect(!left.isIsomorphic(to: different))
        let swapped = Graph([
            Triple(subject: a, predicate: p, object: c1), Triple(subject: c2, predicate: p, object: c1),
            Triple(subject: c2, predicate: p, object: .literal(Literal("end"))),
        ])
        #expect(!left.isIsomorphic(to: swapped))
    }

    @Test func languageTagsCompareCaseInsensitively() {
        let left = Graph([Triple(subject: a, predicate: p, object: .literal(Literal(unchecked: "x", datatype: Vocabulary.rdfLangString, language: "en-US")))])
        let right = Graph([Triple(subject: a, predicate: p, object: .literal(Literal(unchecked: "x", datatype: Vocabulary.rdfLangString, language: "en-us")))])
        #expect(left.isIsomorphic(to: right))
    }
}

@Suite struct CodePointEqualityTests {
    /// RDF terms are equal only when their code points are; Swift's `==` on strings is
    /// canonical equivalence and would merge these distinct triples.
    @Test func canonicallyEquivalentButDifferentTermsStayApart() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        #expect(Literal(composed) != Literal(decomposed))
        #expect(IRI(unchecked: "http://example.org/" + composed) != IRI(unchecked: "http://example.org/" + decomposed))
        #expect(BlankNode(composed) != BlankNode(decomposed))
        let subject = Term.iri(IRI(unchecked: "http://example.org/s"))
        let predicate = IRI(unchecked: "http://example.org/p")
        var graph = Graph()
        graph.insert(subject, predicate, .literal(Literal(composed)))
        graph.insert(subject, predicate, .literal(Literal(decomposed)))
        graph.insert(subject, predicate, .literal(Literal(composed)))
        #expect(graph.count == 2)
        #expect(Literal(composed) == Literal(composed))
        #expect(try Literal("x", language: "en") != Literal("x"))
    }
}
