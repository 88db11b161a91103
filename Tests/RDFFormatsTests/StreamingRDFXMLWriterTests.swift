import KnowledgeGraph
import RDFFormats
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The streaming N-Triples → RDF/XML conversion writes the same graph as the canonical writer
/// (in another layout), refuses the same graphs, and keeps working in tiny chunks.
@Suite struct StreamingRDFXMLWriterTests {
    static let fixtures = SharedData.packageRoot + "/Tests/RDFFormatsTests/Fixtures/"

    static func convert(_ path: String, chunkSize: Int = 1 << 22) throws(StreamingError) -> MemorySink {
        let sink = MemorySink()
        try StreamingRDFXMLWriter().convert(nTriplesAt: path, to: sink, chunkSize: chunkSize)
        return sink
    }

    @Test(arguments: ["mixed-terms.nt", "synth-300-seed1.nt"], [64, 4_096, 1 << 22])
    func sameGraphAsTheInput(name: String, chunkSize: Int) throws {
        let path = Self.fixtures + name
        let sink = try Self.convert(path, chunkSize: chunkSize)
        let written = try RDFXMLReader(baseIRI: nil).parse(sink.bytes, source: "streamed.rdf")
        let input = try NTriplesReader().read(path: path)
        #expect(written.count == input.count)
        #expect(written.isIsomorphic(to: input))
    }

    /// Sorted input (what the canonical N-Triples writer produces) and sorted output agree in
    /// everything but where blank node ids come from.
    @Test func groupsConsecutiveTriplesOfOneSubject() throws {
        let sink = try Self.convert(Self.fixtures + "synth-300-seed1-noprefixes.nt")
        let text = sink.text
        let canonical = String(decoding: try InputFile.read(Self.fixtures + "synth-300-seed1-noprefixes.rdf"), as: UTF8.self)
        #expect(text == canonical, "sorted input gives the canonical document")
    }

    @Test func subjectsSplitAcrossTheFileAndLongRunsGetSeveralNodeElements() throws {
        var text = "<http://example.org/a> <http://example.org/p> \"1\" .\n"
        text += "_:x <http://example.org/p> <http://example.org/a> .\n"
        text += "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/T> .\n"
        for index in 0..<(StreamingRDFXMLWriter.maximumGroupSize + 10) {
            text += "<http://example.org/b> <http://example.org/q> \"\(index)\" .\n"
        }
        let path = try TestFiles.temporaryFile(text, suffix: ".nt")
        defer { unlink(path) }
        let output = try Self.convert(path).text
        func occurrences(_ needle: String) -> Int { output.split(separator: needle, omittingEmptySubsequences: false).count - 1 }
        #expect(occurrences("rdf:about=\"http://example.org/a\"") == 2)
        #expect(occurrences("rdf:about=\"http://example.org/b\"") == 2)
        #expect(output.contains("<ns1:T rdf:about=\"http://example.org/a\"/>"))
        #expect(output.contains("rdf:nodeID=\"b78\""), "blank node x is b + the hex of its label")
        let written = try RDFXMLReader(baseIRI: nil).parse(Array(output.utf8), source: "out.rdf")
        #expect(written.isIsomorphic(to: try NTriplesReader().parse(Array(text.utf8), source: "in.nt")))
    }

    @Test(arguments: [
        ("<http://example.org/s> <http://example.org/rel/2019> \"x\" .\n", "rdfxml-predicate-not-xml-name"),
        ("<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#li> \"x\" .\n", "rdfxml-reserved-predicate"),
        ("<http://example.org/s> <http://example.org/label> \"bell\\u0007\" .\n", "xml-forbidden-character"),
    ])
    func refusesWhatTheCanonicalWriterRefusesBeforeWriting(line: String, code: String) throws {
        let text = "<http://example.org/a> <http://example.org/p> \"fine\" .\n" + line
        let path = try TestFiles.temporaryFile(text, suffix: ".nt")
        defer { unlink(path) }
        let sink = MemorySink()
        var failure: StreamingError?
        do { try StreamingRDFXMLWriter().convert(nTriplesAt: path, to: sink) } catch { failure = error }
        guard case .write(.unrepresentable(let diagnostic)) = failure else {
            Issue.record("expected a refusal, got \(String(describing: failure))")
            return
        }
        #expect(diagnostic.code == code)
        #expect(sink.bytes.isEmpty)
        var expected: WriteError?
        let graph = try NTriplesReader().parse(Array(text.utf8), source: path)
        do {
            try RDFXMLWriter().write(graph, to: MemorySink())
        } catch { expected = error }
        guard case .unrepresentable(let canonical) = expected else {
            Issue.record("the canonical writer did not refuse")
            return
        }
        #expect(diagnostic.message == canonical.message)
    }

    @Test func malformedInputIsAnInputErrorWithItsPosition() throws {
        let path = try TestFiles.temporaryFile("<http://example.org/a> <http://example.org/p> \"fine\" .\n<s> <http://example.org/p> \"x\" .\n", suffix: ".nt")
        defer { unlink(path) }
        var failure: StreamingError?
        do { _ = try Self.convert(path) } catch { failure = error }
        guard case .input(let diagnostic) = failure else {
            Issue.record("expected an input error, got \(String(describing: failure))")
            return
        }
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 1)
    }
}
