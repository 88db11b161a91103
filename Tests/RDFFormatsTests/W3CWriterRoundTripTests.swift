import KnowledgeGraph
import RDFFormats
import Testing

/// Every positive W3C RDF/XML test graph (its `.nt` result), written by our writers and read
/// back by our readers, must be the same graph; writing must be a function of the graph alone.
@Suite struct W3CWriterRoundTripTests {
    static let manifestFolder = SharedData.folder(variable: "W3C_RDF_TESTS", defaultName: "w3c-rdf-tests") + "/rdf/rdf11/rdf-xml"

    /// The expected graphs, or nil (after saying so, and failing under CI) when the suite is absent.
    private func expectedGraphs() throws -> [(name: String, graph: Graph)]? {
        let manifestPath = Self.manifestFolder + "/manifest.ttl"
        guard SharedData.exists(manifestPath) else {
            let message = "W3C RDF/XML test suite not found at \(manifestPath) (set W3C_RDF_TESTS to the folder of w3c/rdf-tests)"
            print(message)
            if SharedData.isCI { Issue.record(Comment(rawValue: message + "; it is required under CI")) }
            return nil
        }
        let manifest = W3CManifest(turtle: String(decoding: try InputFile.read(manifestPath), as: UTF8.self))
        let positives = manifest.entries.filter { $0.kind == .positiveEvaluation }
        #expect(positives.count == 126)
        return try positives.map { entry in
            let result = try #require(entry.result, "\(entry.name) has no mf:result")
            let graph = try NTriplesReader().parse(try InputFile.read(Self.manifestFolder + "/" + result), source: result)
            return (entry.name, graph)
        }
    }

    /// Writes each graph with `serializer`, reads it back with `parser`; returns the failures.
    private func roundTrip(_ graphs: [(name: String, graph: Graph)], _ serializer: some GraphSerializer,
                           _ parser: some GraphParser) -> [String] {
        var failures: [String] = []
        for (name, expected) in graphs {
            let sink = MemorySink()
            do {
                try serializer.write(expected, to: sink)
                let back = try parser.parse(sink.bytes, source: name)
                if !back.isIsomorphic(to: expected) {
                    failures.append("\(name): read back \(back.count) triples that are not the \(expected.count) expected:\n\(sink.text)")
                }
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        return failures
    }

    @Test func rdfXMLWrittenAndReadBackIsTheSameGraph() throws {
        guard let graphs = try expectedGraphs() else { return }
        let failures = roundTrip(graphs, RDFXMLWriter(), RDFXMLReader(baseIRI: nil))
        print("RDF/XML writer round trip: \(graphs.count - failures.count) passed, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(graphs.count == 126)
    }

    @Test func nTriplesWrittenAndReadBackIsTheSameGraph() throws {
        guard let graphs = try expectedGraphs() else { return }
        let failures = roundTrip(graphs, NTriplesWriter(), NTriplesReader())
        print("N-Triples writer round trip: \(graphs.count - failures.count) passed, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Reading our RDF/XML back and writing it again gives the same bytes, in every format.
    @Test func rewritingOurOwnOutputGivesTheSameBytes() throws {
        guard let graphs = try expectedGraphs() else { return }
        for (name, expected) in graphs {
            let first = MemorySink()
            try RDFXMLWriter().write(expected, to: first)
            let back = try RDFXMLReader(baseIRI: nil).parse(first.bytes, source: name)
            let second = MemorySink()
            try RDFXMLWriter().write(back, to: second)
            #expect(first.text == second.text, "\(name)")
            let expectedTriples = MemorySink(), backTriples = MemorySink()
            try NTriplesWriter().write(expected, to: expectedTriples)
            try NTriplesWriter().write(back, to: backTriples)
            #expect(expectedTriples.text == backTriples.text, "\(name)")
        }
    }
}
