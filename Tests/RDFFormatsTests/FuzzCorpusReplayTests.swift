import KnowledgeGraph
import RDFFormats
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Replays the committed fuzz corpus and every crashing input the fuzzers found
/// (`Tests/FuzzCorpus/<reader>/` and `Tests/FuzzCorpus/crashers/<reader>/`) through the readers
/// and the round-trip oracle, so a fixed crash stays fixed in an ordinary `swift test` run.
@Suite struct FuzzCorpusReplayTests {
    static let corpusRoot = SharedData.packageRoot + "/Tests/FuzzCorpus"

    /// The files of `Tests/FuzzCorpus/<name>/`, sorted.
    static func files(_ name: String) -> [String] {
        let folder = corpusRoot + "/" + name
        let names = (try? TestFiles.list(folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }.sorted()
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        try InputFile.read(path)
    }

    @Test func corpusAndCrashersArePresent() {
        #expect(Self.files("ntriples").count >= 5)
        #expect(Self.files("rdfxml").count >= 5)
        #expect(Self.files("crashers/ntriples").count >= 2)
    }

    @Test(arguments: files("ntriples") + files("crashers/ntriples"))
    func nTriplesInput(path: String) throws {
        let bytes = try Self.bytes(path)
        guard let graph = try? NTriplesReader().parse(bytes, source: path) else { return }
        #expect(throws: Never.self, "\(path)") { try RoundTripOracle.check(graph) }
    }

    @Test(arguments: files("rdfxml") + files("crashers/rdfxml"))
    func rdfXMLInput(path: String) throws {
        let bytes = try Self.bytes(path)
        let reader = RDFXMLReader(baseIRI: IRI(unchecked: "http://example.org/fuzz/doc"))
        guard let graph = try? reader.parse(bytes, source: path) else { return }
        #expect(throws: Never.self, "\(path)") { try RoundTripOracle.check(graph) }
    }
}
