#if canImport(Glibc)
import Glibc
#endif
import KnowledgeGraph
import RDFFormats
import Testing

/// `Fixtures/test-ontology.nt` is ``TestOntology`` written as N-Triples, for tests and command
/// line checks that need the ontology as a file. Run with `REGENERATE_FIXTURES=1` to rewrite it.
@Suite struct OntologyFixtureTests {
    @Test func fixtureFileMatchesTheCodeOntology() throws {
        let sink = MemorySink()
        try NTriplesWriter().write(TestOntology.graph, to: sink)
        let path = Fixtures.path("test-ontology.nt")
        if getenv("REGENERATE_FIXTURES") != nil {
            let file = try AtomicFileSink(path: path)
            try sink.bytes.withUnsafeBytes { raw in try file.write(raw) }
            try file.commit()
        }
        #expect(try InputFile.read(path) == sink.bytes, "regenerate with REGENERATE_FIXTURES=1 swift test --filter OntologyFixtureTests")
    }
}
