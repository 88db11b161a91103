import KnowledgeGraph
import RDFFormats
import Testing

/// Bugs found by fuzzing, each pinned by the smallest input that showed it. (The fuzzers'
/// crashing inputs themselves are replayed by ``FuzzCorpusReplayTests``.)
@Suite struct HardeningRegressionTests {
    /// libxml2 reports namespace names that are not RFC 2396 URIs (every IRI with a non-ASCII
    /// character, or `http://host://path`) as namespace errors; the reader refused such documents
    /// although they are well-formed and Raptor and rdflib read them. Checked with rapper:
    /// `<http://example.org/s> <http://example.org/\u00E9#p> "y"` and the `exttp` triple.
    @Test func namespaceNamesThatLibxml2DoesNotParseAreRead() throws {
        let graph = try parseRDFXML("""
            <rdf:RDF xmlns:rdf="\(rdfNS)" xmlns:e="http://example.org/é#" xmlns:x="http://exttp://www.w3.org/x#">
              <rdf:Description rdf:about="http://example.org/s"><e:p>y</e:p><x:_1>x</x:_1></rdf:Description>
            </rdf:RDF>
            """)
        #expect(graph.isIsomorphic(to: try ntriples("""
            <http://example.org/s> <http://example.org/\\u00E9#p> "y" .
            <http://example.org/s> <http://exttp://www.w3.org/x#_1> "x" .
            """)))
    }

    /// The RDF layer still refuses a namespace that does not make an IRI, at the element.
    @Test func aNamespaceThatMakesNoIRIIsAnRDFError() {
        let error = rdfxmlError("""
            <rdf:RDF xmlns:rdf="\(rdfNS)" xmlns:x="http://exa mple.org/#">
              <rdf:Description rdf:about="http://example.org/s">
                <x:p>y</x:p>
              </rdf:Description>
            </rdf:RDF>
            """)
        #expect(error?.code == "rdfxml-syntax")
        #expect(error?.message == "the name 'x:p' does not make an IRI: invalid IRI <http://exa mple.org/#p>: it contains a space")
        #expect(error?.location == Location(file: "in.rdf", line: 3, column: 5))
    }

    /// Every RDF/XML reader resolves rdf:about, rdf:resource and rdf:datatype against the base,
    /// which removes dot segments even from absolute IRIs (rapper reads `http:.//example.org/s`
    /// as `http:/example.org/s`); the writer wrote such IRIs, so the graph changed on reading.
    @Test(arguments: [
        ("subject", "http:.//example.org/s", "http:/example.org/s", "rdf:about"),
        ("object", "http://example.org/a/../b", "http://example.org/b", "rdf:resource"),
        ("datatype", "http://example.org/./type", "http://example.org/type", "rdf:datatype"),
    ])
    func iriWithDotSegmentsIsRefusedByTheRDFXMLWriter(role: String, iri: String, resolved: String, attribute: String) throws {
        let odd = IRI(unchecked: iri)
        let plain = TestGraphs.node("s")
        let triple: Triple
        switch role {
        case "subject": triple = Triple(subject: .iri(odd), predicate: TestGraphs.iri("p"), object: TestGraphs.text("x"))
        case "object": triple = Triple(subject: plain, predicate: TestGraphs.iri("p"), object: .iri(odd))
        default: triple = Triple(subject: plain, predicate: TestGraphs.iri("p"), object: TestGraphs.typed("x", odd))
        }
        let diagnostic = try refusal(Graph([triple]), by: RDFXMLWriter())
        #expect(diagnostic.code == "rdfxml-iri-changes-on-resolution")
        #expect(diagnostic.message == "RDF/XML cannot write the \(role) IRI <\(iri)>: readers resolve \(attribute) against the base IRI (RFC 3986), which removes its dot segments and gives <\(resolved)>")
        // N-Triples writes such IRIs as they are.
        #expect(try written(Graph([triple]), by: NTriplesWriter()).contains("<\(iri)>"))
    }

    /// Dots that are not whole segments, and dots after `?` or `#`, are written unchanged.
    @Test func dotsThatAreNotSegmentsAreWritten() throws {
        let graph = Graph([
            Triple(subject: .iri(IRI(unchecked: "http://example.org/.well-known/x")), predicate: TestGraphs.iri("p"),
                   object: .iri(IRI(unchecked: "http://example.org/q?a=/../b#/./c"))),
        ])
        #expect(try RDFXMLReader().parse(Array(try written(graph, by: RDFXMLWriter()).utf8), source: "out.rdf") .isIsomorphic(to: graph))
    }
}
