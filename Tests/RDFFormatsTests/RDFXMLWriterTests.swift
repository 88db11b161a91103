import KnowledgeGraph
import RDFFormats
import Testing

@Suite struct RDFXMLWriterTests {
    let ex = TestGraphs.ex

    /// The fragments below were checked against `rapper -i rdfxml` and rdflib, which read the
    /// whole document back as the same 13 triples.
    @Test func writesEveryKindOfTerm() throws {
        let text = try written(TestGraphs.graph(TestGraphs.person()), by: RDFXMLWriter())
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"\(Vocabulary.rdfNamespace)\""))
        // Typed node element from the first type in sorted order; the other type stays a property.
        #expect(text.contains("<ex:Diplomat rdf:about=\"\(ex)Stoltenberg\">"))
        #expect(text.contains("<rdf:type rdf:resource=\"\(ex)Person\"/>"))
        #expect(text.contains("<ex:name xml:lang=\"nb\">Jens Stoltenberg</ex:name>"))
        #expect(text.contains("<ex:age rdf:datatype=\"\(Vocabulary.xsdNamespace)integer\">65</ex:age>"))
        // Plain strings carry no datatype; CR is a character reference, markup is escaped.
        #expect(text.contains("<ex:note>a &lt; b &amp; &quot;c&quot;&#13;\nline 2\ttab</ex:note>"))
        #expect(text.contains("<ex:markup rdf:datatype=\"\(Vocabulary.rdfNamespace)XMLLiteral\">&lt;b&gt;bold&lt;/b&gt;</ex:markup>"))
        #expect(text.contains("<ex:empty/>"))
        // Blank nodes get generated IDs, never the input's label.
        #expect(text.contains("<ex:address rdf:nodeID=\"b1\"/>"))
        #expect(text.contains("<rdf:Description rdf:nodeID=\"b1\">"))
        #expect(!text.contains("addr\""))
        #expect(text.contains("<rdf:_1>first</rdf:_1>"))
        // A namespace without a prefix gets a generated one.
        #expect(text.contains("xmlns:ns1=\"http://other.example/vocab/\""))
        #expect(text.contains("<ns1:member rdf:resource=\"\(ex)Stoltenberg\"/>"))
        for forbidden in ["parseType", "rdf:ID", "rdf:li"] { #expect(!text.contains(forbidden)) }
    }

    @Test func prefixesAreDeclaredOnceAndGeneratedInNamespaceOrder() throws {
        let subject = TestGraphs.node("s")
        let graph = TestGraphs.graph([
            Triple(subject: subject, predicate: IRI(unchecked: "http://z.example/p"), object: TestGraphs.text("1")),
            Triple(subject: subject, predicate: IRI(unchecked: "http://a.example/p"), object: TestGraphs.text("2")),
            Triple(subject: subject, predicate: IRI(unchecked: "http://m.example/p"), object: TestGraphs.text("3")),
            Triple(subject: subject, predicate: IRI(unchecked: "http://given.example/p"), object: TestGraphs.text("4")),
        ], prefixes: [("ns1", "http://given.example/"), ("unused", "http://unused.example/")])
        let text = try written(graph, by: RDFXMLWriter())
        let root = try #require(text.split(separator: "\n").dropFirst().first)
        #expect(root == """
            <rdf:RDF xmlns:rdf="\(Vocabulary.rdfNamespace)" xmlns:ns1="http://given.example/" \
            xmlns:ns2="http://a.example/" xmlns:ns3="http://m.example/" xmlns:ns4="http://z.example/">
            """)
        #expect(text.split(separator: "xmlns:", omittingEmptySubsequences: false).count == 6)
    }

    @Test func aPrefixMapGivenToTheWriterWins() throws {
        let graph = TestGraphs.graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"), object: TestGraphs.text("x"))])
        var map = PrefixMap()
        map.add(prefix: "ng", namespace: ex)
        let text = try written(graph, by: RDFXMLWriter(prefixes: map))
        #expect(text.contains("xmlns:ng=\"\(ex)\""))
        #expect(text.contains("<ng:p>x</ng:p>"))
        #expect(!text.contains("xmlns:ex="))
    }

    @Test(arguments: [
        ("http://example.org/p2", "ns1:p2"),
        ("http://example.org/12abc", "ns1:abc"),
        ("http://example.org/a-b.c_d", "ns1:a-b.c_d"),
        ("urn:x:Kariņš", "ns1:Kariņš"),
    ])
    func predicatesSplitAfterTheLastNonNameCharacter(predicate: String, element: String) throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: IRI(unchecked: predicate), object: TestGraphs.text("x"))])
        let text = try written(graph, by: RDFXMLWriter())
        #expect(text.contains("<\(element)>x</\(element)>"))
    }

    @Test func reservedNamesAreNeverElementNames() throws {
        let subject = TestGraphs.node("s")
        let graph = Graph([
            Triple(subject: subject, predicate: Vocabulary.rdfType, object: .iri(IRI(unchecked: Vocabulary.rdfNamespace + "Description"))),
            Triple(subject: subject, predicate: Vocabulary.rdfType, object: .iri(IRI(unchecked: "http://example.org/2019"))),
            Triple(subject: subject, predicate: Vocabulary.rdfType, object: .iri(IRI(unchecked: Vocabulary.rdfNamespace + "foo"))),
            Triple(subject: TestGraphs.node("t"), predicate: Vocabulary.rdfType, object: .iri(IRI(unchecked: Vocabulary.rdfNamespace + "Bag"))),
        ])
        let text = try written(graph, by: RDFXMLWriter())
        #expect(text.contains("<rdf:Description rdf:about=\"\(ex)s\">"))
        #expect(text.contains("<rdf:type rdf:resource=\"\(Vocabulary.rdfNamespace)Description\"/>"))
        #expect(text.contains("<rdf:type rdf:resource=\"http://example.org/2019\"/>"))
        // Unknown rdf: names make Raptor warn as element names; RDF's own classes do not.
        #expect(text.contains("<rdf:type rdf:resource=\"\(Vocabulary.rdfNamespace)foo\"/>"))
        #expect(text.contains("<rdf:Bag rdf:about=\"\(ex)t\"/>"))
    }

    @Test(arguments: [
        ("http://example.org/rel/2019", "rdfxml-predicate-not-xml-name", "<http://example.org/rel/2019>"),
        ("http://example.org/rel/", "rdfxml-predicate-not-xml-name", "<http://example.org/rel/>"),
        (Vocabulary.rdfNamespace + "li", "rdfxml-reserved-predicate", "rdf:li"),
        (Vocabulary.rdfNamespace + "about", "rdfxml-reserved-predicate", "rdf:about"),
        (Vocabulary.rdfNamespace + "Description", "rdfxml-reserved-predicate", "rdf:Description"),
        (Vocabulary.rdfNamespace + "nodeID", "rdfxml-reserved-predicate", "rdf:nodeID"),
    ])
    func inexpressiblePredicatesAreRefused(predicate: String, code: String, mention: String) throws {
        var triples = TestGraphs.person()
        triples.append(Triple(subject: TestGraphs.node("Stoltenberg"), predicate: IRI(unchecked: predicate), object: TestGraphs.text("x")))
        let diagnostic = try refusal(TestGraphs.graph(triples), by: RDFXMLWriter())
        #expect(diagnostic.code == code)
        #expect(diagnostic.description.contains(mention))
        // The offending triple is named.
        #expect(diagnostic.subject == "<\(ex)Stoltenberg> <\(predicate)> \"x\"")
    }

    @Test(arguments: ["\u{7}", "\u{0}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func charactersXMLForbidsAreRefused(character: String) throws {
        let graph = Graph([Triple(subject: TestGraphs.blank("n"), predicate: TestGraphs.iri("label"),
                                  object: TestGraphs.text("bell" + character))])
        let diagnostic = try refusal(graph, by: RDFXMLWriter())
        #expect(diagnostic.code == "xml-forbidden-character")
        let scalar = try #require(character.unicodeScalars.first)
        let name = "U+" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16, uppercase: true)
        // Names the node (with the input's own label), the property and the character.
        #expect(diagnostic.message.contains("on the node _:n"))
        #expect(diagnostic.message.contains("<\(ex)label>"))
        #expect(diagnostic.message.contains(name))
    }

    @Test func allowedControlCharactersAreWritten() throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"), object: TestGraphs.text("a\tb\nc\rd\u{85}e\u{10FFFF}"))])
        let text = try written(graph, by: RDFXMLWriter())
        #expect(text.contains("<ns1:p>a\tb\nc&#13;d\u{85}e\u{10FFFF}</ns1:p>"))
    }

    @Test func illFormedLiteralsAreRefused() throws {
        let s = TestGraphs.node("s"), p = TestGraphs.iri("p")
        let noLanguage = Graph([Triple(subject: s, predicate: p, object: TestGraphs.typed("x", Vocabulary.rdfLangString))])
        #expect(try refusal(noLanguage, by: RDFXMLWriter()).code == "langstring-without-language")
        let badTag = Graph([Triple(subject: s, predicate: p, object: TestGraphs.tagged("x", "en_US"))])
        let diagnostic = try refusal(badTag, by: RDFXMLWriter())
        #expect(diagnostic.code == "invalid-language-tag")
        #expect(diagnostic.message.contains("'en_US'"))
        let relative = Graph([Triple(subject: s, predicate: p, object: .iri(IRI(unchecked: "relative/path")))])
        #expect(try refusal(relative, by: RDFXMLWriter()).message.contains("not absolute"))
    }

    @Test func outputIsIndependentOfTripleOrderAndBlankNodeLabels() throws {
        var triples = TestGraphs.person()
        // A symmetric blank structure: a 4-cycle that colour refinement alone cannot order.
        let cycle = (0..<4).map { TestGraphs.blank("c\($0)") }
        for index in 0..<4 {
            triples.append(Triple(subject: cycle[index], predicate: TestGraphs.iri("next"), object: cycle[(index + 1) % 4]))
        }
        triples.append(Triple(subject: cycle[0], predicate: TestGraphs.iri("first"), object: TestGraphs.text("yes")))
        let graph = TestGraphs.graph(triples)
        let expected = try written(graph, by: RDFXMLWriter())
        for seed in 1...5 as ClosedRange<UInt64> {
            #expect(try written(shuffledAndRelabelled(graph, seed: seed), by: RDFXMLWriter()) == expected)
        }
    }

    /// The output is handed to the sink in blocks of about 256 KiB (one subject at most past
    /// the threshold), so the writer's buffer stays bounded however large the document.
    @Test func outputIsDrainedInBoundedBlocks() throws {
        var graph = Graph()
        for index in 0..<20_000 {
            graph.insert(TestGraphs.node("item\(index)"), TestGraphs.iri("label"), TestGraphs.text("Item number \(index)"))
        }
        let sink = RecordingSink()
        try RDFXMLWriter().write(graph, to: sink)
        #expect(sink.bytes.count > 1_000_000)
        #expect(sink.writeSizes.count > 4)
        #expect((sink.writeSizes.max() ?? 0) < RDFXMLWriter.drainThreshold + 4_096)
    }
}
