import DatasetKit
import ExportPipeline
import GraphFormats
import PropertyGraph
import RDFFormats
import KnowledgeGraph
import TestSupport
import Testing

/// The export pipeline: artifacts named and rendered from plain values, deterministic,
/// all-or-nothing on disk.
@Suite struct ExportJobTests {
    let names = ArtifactNames(dataset: "test-set", ontology: "test")

    func validDataset() throws -> LoadedDataset {
        let loaded = try Fixtures.load("valid.yaml")
        try #require(!loaded.hasErrors)
        return loaded
    }

    @Test func standardArtifactsAndTheirNames() {
        let fileNames = ExportArtifact.standard.map { $0.fileName(for: names) }
        #expect(fileNames == ["test-set.rdf", "test-set.nt", "test-set.ttl", "test-set.graphml", "test-set.yed.graphml",
                              "test-set.dot", "test-set.svg", "test.ttl"])
    }

    @Test func renderingIsDeterministic() throws {
        let first = try validDataset()
        let second = try validDataset()
        let a = try ExportJob.render(ExportArtifact.standard, graphs: (first.graph, first.ontology), names: names)
        let b = try ExportJob.render(ExportArtifact.standard, graphs: (second.graph, second.ontology), names: names)
        #expect(a == b)
        #expect(a.allSatisfy { !$0.bytes.isEmpty })
    }

    /// The N-Triples artifact has one line per triple of the instance graph; the ontology
    /// artifact is the ontology, not the instances.
    @Test func artifactsRenderTheRightGraph() throws {
        let loaded = try validDataset()
        let rendered = try ExportJob.render(ExportArtifact.standard, graphs: (loaded.graph, loaded.ontology), names: names)
        let nTriples = try #require(rendered.first { $0.fileName == "test-set.nt" })
        let lines = String(decoding: nTriples.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == loaded.graph.count)
        #expect(lines.contains("<http://example.org/id/test-set/lithuania> <http://www.w3.org/2000/01/rdf-schema#label> \"Lietuva\"@lt ."))
        let ontology = try #require(rendered.first { $0.fileName == "test.ttl" })
        let turtle = String(decoding: ontology.bytes, as: UTF8.self)
        #expect(turtle.contains("owl:Ontology"))
        #expect(!turtle.contains("mark-rutte"))
    }

    @Test func writesEveryFileAtomically() throws {
        let folder = try TestFiles.temporaryFolder() + "/nested/out"
        let loaded = try validDataset()
        let rendered = try ExportJob.render(ExportArtifact.standard, graphs: (loaded.graph, loaded.ontology), names: names)
        let paths = try ArtifactWriter.write(rendered, into: folder)
        #expect(paths == rendered.map { folder + "/" + $0.fileName })
        for artifact in rendered {
            #expect(try InputFile.read(folder + "/" + artifact.fileName) == artifact.bytes)
        }
        #expect(try TestFiles.list(folder).sorted() == rendered.map(\.fileName).sorted())
    }

    /// A serializer that fails stops the export before any file exists.
    @Test func nothingIsWrittenWhenAnArtifactFails() throws {
        let loaded = try validDataset()
        let failing = ExportArtifact(.instances, fileExtension: "bad", serializer: RefusingWriter())
        #expect(throws: ExportError.self) {
            try ExportJob.render(ExportArtifact.standard + [failing], graphs: (loaded.graph, loaded.ontology), names: names)
        }
    }

    /// What a writer has to say reaches the caller's collector, as it does for `convert`.
    @Test func writersNotesReachTheCollector() throws {
        var graph = Graph()
        _ = graph.insert(.iri(IRI(unchecked: "http://example.org/a")), IRI(unchecked: "http://example.org/big"),
                         .literal(try Literal("123456789012345678901234567890", datatype: IRI(unchecked: Vocabulary.xsdNamespace + "integer"))))
        let notes = DiagnosticCollection()
        let artifacts = [ExportArtifact(.instances, format: .graphML), ExportArtifact(.instances, format: .dot),
                         ExportArtifact(.instances, format: .nTriples)]
        _ = try ExportJob.render(artifacts, graphs: (graph, Graph()), names: names, diagnostics: notes)
        #expect(notes.diagnostics.count == 2)
        #expect(notes.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("written as text") })
    }

    @Test func invalidDatasetsAreNotRendered() throws {
        let folder = try TestFiles.temporaryFolder()
        let job = ExportJob(datasetPath: Fixtures.path("semantic-errors.yaml"), ontologyPath: Fixtures.path("missing.owl"))
        #expect(throws: ExportError.self) { try job.run(into: folder + "/out") }
        #expect(!TestFiles.exists(folder + "/out"))
    }

    @Test func ontologyPathIsRelativeToTheDataset() {
        var document = DatasetDocument(file: "x")
        document.ontology = Located("../Ontology/newsgraph.owl", at: SourceLocation(file: "x", line: 4, column: 13))
        #expect(ExportJob(datasetPath: "Datasets/nato.yaml").resolvedOntologyPath(document) == "Datasets/../Ontology/newsgraph.owl")
        #expect(ExportJob(datasetPath: "nato.yaml").resolvedOntologyPath(document) == "../Ontology/newsgraph.owl")
        #expect(ExportJob(datasetPath: "nato.yaml", ontologyPath: "o.nt").resolvedOntologyPath(document) == "o.nt")
    }

    @Test func missingDatasetFileIsADiagnostic() {
        let loaded = ExportJob(datasetPath: "no/such/dataset.yaml").load()
        #expect(loaded.hasErrors)
        #expect(loaded.diagnostics.map(\.description) == ["error: no/such/dataset.yaml: cannot read the file: No such file or directory"])
    }
}

/// A serializer that refuses every graph, standing in for a format that cannot express it.
struct RefusingWriter: GraphSerializer {
    func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        throw .unrepresentable(Diagnostic(code: "test", message: "refused", subject: "graph"))
    }
}
