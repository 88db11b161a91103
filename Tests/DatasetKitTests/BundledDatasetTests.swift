import DatasetKit
import ExportPipeline
import GraphFormats
import KnowledgeGraph
import Testing

/// The NATO 2024 dataset shipped in Datasets/ validates against Ontology/newsgraph.owl, and
/// the committed Exports/ are what exporting it gives.
@Suite struct BundledDatasetTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    var job: ExportJob { ExportJob(datasetPath: Self.root + "/Datasets/nato-sg-2024.yaml") }

    @Test func validatesWithoutProblems() throws {
        let loaded = job.load()
        #expect(loaded.diagnostics.map(\.description) == [])
        let dataset = try #require(loaded.dataset)
        #expect(dataset.nodeCount == 93)
        #expect(dataset.graph.count == 525)
        #expect(loaded.ontologyPath == Self.root + "/Datasets/../Ontology/newsgraph.owl")
    }

    /// Every event cites a source, and every node has a label, in the graph itself too.
    @Test func everyEventHasASource() throws {
        let dataset = try #require(job.load().dataset)
        let event = IRI(unchecked: "https://kgexport.example.org/ns/newsgraph#Event")
        var events = 0
        for triple in dataset.graph where triple.predicate == Vocabulary.rdfType {
            guard let type = triple.object.iri, dataset.schema.isSubClass(type, of: event) else { continue }
            events += 1
            #expect(!dataset.graph.objects(of: triple.subject, Vocabulary.provWasDerivedFrom).isEmpty, "\(triple.subject)")
        }
        #expect(events > 0)
    }

    @Test func committedExportsAreFresh() throws {
        let rendered = try job.render(job.load())
        #expect(rendered.map(\.fileName) == ["nato-sg-2024.rdf", "nato-sg-2024.nt", "nato-sg-2024.ttl", "nato-sg-2024.graphml",
                                             "nato-sg-2024.yed.graphml", "nato-sg-2024.dot", "nato-sg-2024.svg", "newsgraph.ttl"])
        // The picture's bytes depend on the Graphviz version; the interop checks compare them.
        for artifact in rendered where !artifact.fileName.hasSuffix(".svg") {
            let committed = try InputFile.read(Self.root + "/Exports/" + artifact.fileName)
            #expect(committed == artifact.bytes, "Exports/\(artifact.fileName) is stale: run `make export`")
        }
    }

    /// The example in Datasets/README.md is a valid dataset.
    @Test func readmeExampleIsValid() throws {
        let readme = String(decoding: try InputFile.read(Self.root + "/Datasets/README.md"), as: UTF8.self)
        let parts = readme.split(separator: "```yaml\n", maxSplits: 1, omittingEmptySubsequences: false)
        try #require(parts.count == 2)
        let example = try #require(parts[1].split(separator: "```", maxSplits: 1).first)
        let ontology = try OntologyFile.read(Self.root + "/Ontology/newsgraph.owl")
        let loaded = DatasetLoader(ontology: ontology).load(Array(example.utf8), file: "README.md")
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.nodeCount == 5)
    }
}
