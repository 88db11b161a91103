import KnowledgeGraph
import RDFFormats
import Testing

@Suite struct NTriplesWriterTests {
    /// Canonical escapes: ECHAR for `"`, `\`, LF, CR; UCHAR (upper-case hex) for every other
    /// control character; everything else raw UTF-8. rapper and rdflib read each back as the input.
    @Test(arguments: [
        ("plain", "plain"),
        ("quote \" and backslash \\", "quote \\\" and backslash \\\\"),
        ("line\nfeed and\rreturn", "line\\nfeed and\\rreturn"),
        ("tab\there", "tab\\u0009here"),
        ("bell\u{7} nul\u{0} esc\u{1B} del\u{7F}", "bell\\u0007 nul\\u0000 esc\\u001B del\\u007F"),
        ("Kariņš — ☃ 😀 \u{85}", "Kariņš — ☃ 😀 \u{85}"),
    ])
    func escapesLiterals(input: String, body: String) {
        #expect(NTriplesSyntax.quoted(input) == "\"" + body + "\"")
    }

    @Test func writesSortedCanonicalLines() throws {
        let text = try written(TestGraphs.graph(TestGraphs.person(blankLabel: "zz9")), by: NTriplesWriter())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count == TestGraphs.person().count + 1)
        #expect(text.contains("<\(TestGraphs.ex)Stoltenberg> <\(TestGraphs.ex)address> _:b1 .\n"))
        #expect(text.contains("_:b1 <\(TestGraphs.ex)city> \"Oslo\" .\n"))
        #expect(text.contains("\"65\"^^<\(Vocabulary.xsdNamespace)integer> ."))
        #expect(text.contains("\"Jens Stoltenberg\"@nb ."))
        #expect(text.contains("<\(TestGraphs.ex)empty> \"\" ."))
        #expect(!text.contains("zz9"))
        // Subjects: IRIs in code point order, then blank nodes.
        let subjects = lines.dropLast().map { $0.split(separator: " ")[0] }
        #expect(subjects.first == "<\(TestGraphs.ex)Nato>")
        #expect(subjects.last == "_:b1")
    }

    @Test func outputIsIndependentOfTripleOrderAndBlankNodeLabels() throws {
        var triples = TestGraphs.person()
        let blanks = (0..<6).map { TestGraphs.blank("n\($0)") }
        // Two triangles of blank nodes and three interchangeable leaves.
        for start in [0, 3] {
            for offset in 0..<3 {
                triples.append(Triple(subject: blanks[start + offset], predicate: TestGraphs.iri("next"),
                                      object: blanks[start + (offset + 1) % 3]))
            }
        }
        triples.append(Triple(subject: blanks[0], predicate: TestGraphs.iri("tag"), object: TestGraphs.text("first")))
        triples.append(Triple(subject: TestGraphs.blank("leafA"), predicate: TestGraphs.iri("tag"), object: TestGraphs.text("leaf")))
        triples.append(Triple(subject: TestGraphs.blank("leafB"), predicate: TestGraphs.iri("tag"), object: TestGraphs.text("leaf")))
        triples.append(Triple(subject: TestGraphs.blank("leafC"), predicate: TestGraphs.iri("tag"), object: TestGraphs.text("leaf")))
        let graph = Graph(triples)
        let expected = try written(graph, by: NTriplesWriter())
        // Ten blank nodes: labels are zero-padded so that text order is number order.
        #expect(expected.contains("_:b01 ") && expected.contains("_:b10 ") && !expected.contains("_:b1 "))
        for seed in 1...8 as ClosedRange<UInt64> {
            #expect(try written(shuffledAndRelabelled(graph, seed: seed), by: NTriplesWriter()) == expected)
        }
    }

    @Test func refusesWhatNTriplesCannotSay() throws {
        let s = TestGraphs.node("s"), p = TestGraphs.iri("p")
        let relative = Graph([Triple(subject: s, predicate: p, object: .iri(IRI(unchecked: "../other")))])
        let diagnostic = try refusal(relative, by: NTriplesWriter())
        #expect(diagnostic.code == "invalid-iri")
        #expect(diagnostic.description.contains("<../other>"))
        #expect(diagnostic.description.contains("not absolute"))
        let spaced = Graph([Triple(subject: .iri(IRI(unchecked: "http://example.org/a b")), predicate: p, object: TestGraphs.text("x"))])
        #expect(try refusal(spaced, by: NTriplesWriter()).message.contains("contains a space"))
        let badTag = Graph([Triple(subject: s, predicate: p, object: TestGraphs.tagged("x", "123"))])
        #expect(try refusal(badTag, by: NTriplesWriter()).code == "invalid-language-tag")
        let noLanguage = Graph([Triple(subject: s, predicate: p, object: TestGraphs.typed("x", Vocabulary.rdfLangString))])
        #expect(try refusal(noLanguage, by: NTriplesWriter()).code == "langstring-without-language")
    }

    @Test func controlCharactersAreWrittenEscapedNotRefused() throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"), object: TestGraphs.text("bell\u{7}"))])
        #expect(try written(graph, by: NTriplesWriter()) == "<\(TestGraphs.ex)s> <\(TestGraphs.ex)p> \"bell\\u0007\" .\n")
    }
}
