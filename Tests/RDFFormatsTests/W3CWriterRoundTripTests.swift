import Foundation
import KnowledgeGraph
import RDFFormats
import Testing

/// Every positive W3C RDF/XML test graph, written by our writers and read back by our readers,
/// must be the graph of the test's `.nt` result.
@Suite(.enabled(if: SharedTestData.runW3CTests,
                "the W3C RDF/XML suite is absent (set W3C_RDF_TESTS or provide ../shared/w3c-rdf-tests)"))
struct W3CWriterRoundTripTests {
    /// Reads every expected graph; fails plainly when the suite is missing (only under CI).
    private func expectedGraphs() throws -> [(name: String, graph: Graph)] {
        try #require(SharedTestData.w3cSuiteIsPresent,
                     "the W3C RDF/XML suite is absent at \(SharedTestData.w3cRDFXMLSuite) and CI=true")
        let tests = try SharedTestData.positiveTests()
        #expect(tests.count == 126, "the RDF 1.1 suite has 126 positive tests")
        return try tests.map { test in
            let bytes = try InputFile.read(test.resultPath)
            return (test.name, try NTriplesReader().parse(bytes, source: test.resultPath))
        }
    }

    private func roundTrip(_ serializer: some GraphSerializer, _ parser: some GraphParser) throws -> (passed: Int, failures: [String]) {
        var passed = 0
        var failures: [String] = []
        for (name, expected) in try expectedGraphs() {
            let sink = MemorySink()
            do {
                try serializer.write(expected, to: sink)
                let back = try parser.parse(sink.bytes, source: name)
                if back.isIsomorphic(to: expected) {
                    passed += 1
                } else {
                    failures.append("\(name): read back \(back.count) triples, not the \(expected.count) expected")
                }
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        return (passed, failures)
    }

    @Test func rdfXMLWrittenAndReadBackIsTheSameGraph() throws {
        let result = try roundTrip(RDFXMLWriter(), RDFXMLReader(baseIRI: nil))
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
        #expect(result.passed == 126)
    }

    @Test func nTriplesWrittenAndReadBackIsTheSameGraph() throws {
        let result = try roundTrip(NTriplesWriter(), NTriplesReader())
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
        #expect(result.passed == 126)
    }

    /// Writing is a function of the graph alone: reading our RDF/XML back and writing it again
    /// gives the same bytes.
    @Test func rewritingOurOwnOutputGivesTheSameBytes() throws {
        for (name, expected) in try expectedGraphs() {
            let first = MemorySink()
            try RDFXMLWriter().write(expected, to: first)
            let back = try RDFXMLReader(baseIRI: nil).parse(first.bytes, source: name)
            let second = MemorySink()
            try RDFXMLWriter().write(back, to: second)
            #expect(first.bytes == second.bytes, "\(name)")
        }
    }
}
