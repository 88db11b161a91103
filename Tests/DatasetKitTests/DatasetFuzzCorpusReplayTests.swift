import DatasetKit
import ExportPipeline
import GraphFormats
import KnowledgeGraph
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Replays the dataset fuzz corpus and its crashers (`Tests/FuzzCorpus/dataset/`,
/// `Tests/FuzzCorpus/crashers/dataset/`) through the loader with the bundled ontology, checking
/// what the fuzz target checks: every diagnostic has a position inside the document, and a
/// dataset without errors survives the round-trip oracle.
@Suite struct DatasetFuzzCorpusReplayTests {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let loader: DatasetLoader? = try? DatasetLoader(ontology: OntologyFile.read(packageRoot + "/Ontology/newsgraph.owl"))

    static func files(_ name: String) -> [String] {
        let folder = packageRoot + "/Tests/FuzzCorpus/" + name
        let names = (try? TestFiles.list(folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }.sorted()
    }

    @Test func theCorpusIsPresent() {
        #expect(Self.files("dataset").count >= 3)
        #expect(Self.loader != nil, "the bundled ontology did not load")
    }

    @Test(arguments: files("dataset") + files("crashers/dataset"))
    func datasetInput(path: String) throws {
        let loader = try #require(Self.loader)
        let bytes = try InputFile.read(path)
        let loaded = loader.load(bytes, file: "fuzz.yaml")
        let lines = 1 + bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
        for diagnostic in loaded.diagnostics {
            let location = try #require(diagnostic.location, "\(path): \(diagnostic) has no position")
            #expect(location.line >= 1 && location.column >= 1 && location.line <= lines, "\(path): \(diagnostic)")
        }
        if !loaded.hasErrors {
            #expect(throws: Never.self, "\(path)") { try RoundTripOracle.check(loaded.graph) }
        }
    }
}
