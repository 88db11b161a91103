#if canImport(Glibc)
import Glibc
#endif
import DatasetKit
import ExportPipeline
import GraphFormats
import KnowledgeGraph
import RDFFormats
import TestSupport
import Testing

/// `Fixtures/test-ontology.nt` and `.owl` are ``TestOntology`` written as N-Triples and RDF/XML,
/// for tests and command line checks that need the ontology as a file. Run with
/// `REGENERATE_FIXTURES=1` to rewrite them.
@Suite struct OntologyFixtureTests {
    @Test(arguments: ["test-ontology.nt", "test-ontology.owl"])
    func fixtureFileMatchesTheCodeOntology(name: String) throws {
        let sink = MemorySink()
        if name.hasSuffix(".nt") {
            try NTriplesWriter().write(TestOntology.graph, to: sink)
        } else {
            try RDFXMLWriter().write(TestOntology.graph, to: sink)
        }
        let path = Fixtures.path(name)
        if getenv("REGENERATE_FIXTURES") != nil {
            let file = try AtomicFileSink(path: path)
            try sink.bytes.withUnsafeBytes { raw in try file.write(raw) }
            try file.commit()
        }
        #expect(try InputFile.read(path) == sink.bytes, "regenerate with REGENERATE_FIXTURES=1 swift test --filter OntologyFixtureTests")
    }

    /// Both files read back (by the file's extension) as the ontology, with its prefixes for RDF/XML.
    @Test(arguments: ["test-ontology.nt", "test-ontology.owl"])
    func ontologyFilesAreReadByExtension(name: String) throws {
        let graph = try OntologyFile.read(Fixtures.path(name))
        #expect(graph.isIsomorphic(to: TestOntology.graph))
        let schema = Schema(ontology: graph)
        #expect(schema.ontologyIRI == IRI(unchecked: TestOntology.iri))
        #expect(schema.classes.count == 8)
        #expect(schema.properties[TestOntology.term("endorser")]?.ranges == [TestOntology.term("Country")])
    }

    @Test func unknownOntologyExtension() {
        #expect {
            try OntologyFile.read("ontology.ttl")
        } throws: { error in
            (error as? Diagnostic)?.description == "error: ontology.ttl: cannot tell the ontology's format from its name: "
                + "use .owl, .rdf or .xml for RDF/XML, .nt for N-Triples"
        }
    }

    /// A syntax error in the ontology is reported with its position in the ontology file.
    @Test func brokenOntologyIsADiagnosticWithPosition() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder + "/broken.nt"
        let file = try AtomicFileSink(path: path)
        try file.write("<http://example.org/a> <http://example.org/b> .\n")
        try file.commit()
        let loaded = ExportJob(datasetPath: Fixtures.path("valid.yaml"), ontologyPath: path).load()
        #expect(loaded.dataset == nil)
        let problem = try #require(loaded.diagnostics.first)
        #expect(problem.location?.file == path)
        #expect(problem.location?.line == 1)
    }

    @Test func loadingFromFiles() throws {
        let loaded = ExportJob(datasetPath: Fixtures.path("valid.yaml"), ontologyPath: Fixtures.path("test-ontology.owl")).load()
        #expect(loaded.diagnostics == [])
        let dataset = try #require(loaded.dataset)
        #expect(dataset.graph.count == 29)
        let rendered = try ExportJob(datasetPath: Fixtures.path("valid.yaml"), ontologyPath: Fixtures.path("test-ontology.owl"))
            .render(loaded)
        #expect(rendered.map(\.fileName) == ["test-set.rdf", "test-set.nt", "test-set.ttl", "test-set.graphml",
                                             "test-set.yed.graphml", "test-set.dot", "test-set.svg", "test-ontology.ttl"])
    }
}
