import KnowledgeGraph
@testable import PropertyGraph
import RDFFormats
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The external sort, and the streaming GraphML conversion it serves.
@Suite struct StreamingGraphMLTests {
    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/RDFFormatsTests/Fixtures/"
    }()

    @Test(arguments: [1 << 20, 2_000, 300])
    func externalSortMatchesSortingInMemory(memory: Int) throws {
        var generator = SplitMixGenerator(state: UInt64(memory))
        var records: [[UInt8]] = []
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 12)
            records.append((0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next() % 5) })
        }
        let sorter = ExternalSorter(folder: "/tmp", memoryLimit: memory)
        for record in records { try record.withUnsafeBufferPointer { try sorter.add($0) } }
        for _ in 0..<2 {
            var sorted: [[UInt8]] = []
            try sorter.forEachSorted { sorted.append(Array($0)) }
            #expect(sorted == records.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    static func convert(_ path: String, sortMemory: Int = 1 << 20) throws -> (text: String, notes: [Diagnostic]) {
        let sink = MemorySink()
        let notes = try StreamingGraphMLWriter(temporaryFolder: "/tmp", sortMemory: sortMemory).convert(nTriplesAt: path, to: sink, chunkSize: 1_000)
        return (sink.text, notes)
    }

    static func nonStreaming(_ path: String) throws -> String {
        let sink = MemorySink()
        try GraphMLWriter().write(try NTriplesReader().read(path: path), to: sink, context: WriteContext(diagnostics: DiagnosticCollection()))
        return sink.text
    }

    /// Same keys, nodes and edges as the ordinary GraphML (node ids aside; networkx compares the
    /// values in the interop checks); the same bytes however small the sort's memory.
    @Test(arguments: ["mixed-terms.nt", "synth-300-seed1.nt"])
    func sameKeysNodesAndEdges(name: String) throws {
        let path = Self.fixtures + name
        let streamed = try Self.convert(path).text
        let small = try Self.convert(path, sortMemory: 500).text
        #expect(streamed == small, "many sorted runs, merged in rounds, give the same document")
        let ordinary = try Self.nonStreaming(path)
        func keys(_ text: String) -> Substring { text.split(separator: "<graph ", maxSplits: 1, omittingEmptySubsequences: false)[0] }
        #expect(keys(streamed) == keys(ordinary))
        func count(_ needle: String, _ text: String) -> Int { text.split(separator: needle, omittingEmptySubsequences: false).count - 1 }
        #expect(count("<node ", streamed) == count("<node ", ordinary))
        #expect(count("<edge ", streamed) == count("<edge ", ordinary))
        #expect(count("<data ", streamed) == count("<data ", ordinary))
        // Node ids are whole IRIs made names.
        #expect(streamed.contains("<node id=\"http:_2F_2Fexample.org_2Fns_23Oslo\">") || !name.hasPrefix("mixed"))
    }

    /// For input without blank nodes the nodes come in the same order with the same values.
    @Test func nodesInTheSameOrderWithTheSameValues() throws {
        let path = Self.fixtures + "synth-300-seed1.nt"
        func values(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.contains("<data key=") && !$0.contains("key=\"label") && !$0.contains("key=\"predicate\"") }
        }
        let streamed = values(try Self.convert(path).text), ordinary = values(try Self.nonStreaming(path))
        #expect(streamed.count > 1_500)
        #expect(streamed == ordinary)
    }

    @Test func refusesForbiddenCharactersAsTheProjectionDoes() throws {
        let path = try TestFiles.temporaryFile("<http://example.org/s> <http://example.org/note> \"bell\\u0007\" .\n", suffix: ".nt")
        defer { unlink(path) }
        var failure: StreamingError?
        do { _ = try Self.convert(path) } catch { failure = error as? StreamingError }
        guard case .write(.unrepresentable(let diagnostic)) = failure else {
            Issue.record("expected a refusal, got \(String(describing: failure))")
            return
        }
        #expect(diagnostic.code == "forbidden-character")
        #expect(diagnostic.description.contains("U+0007"))
    }

    @Test func valuesThatDoNotFitTheirTypeGiveTheProjectionsNote() throws {
        let text = "<http://example.org/a> <http://example.org/n> \"12\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            + "<http://example.org/b> <http://example.org/n> \"123456789012345678901234567890\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        let path = try TestFiles.temporaryFile(text, suffix: ".nt")
        defer { unlink(path) }
        let streamed = try Self.convert(path)
        let projected = try GraphMLWriter().projection.project(try NTriplesReader().read(path: path))
        #expect(streamed.notes == projected.notes)
        #expect(streamed.notes.count == 1)
        #expect(streamed.text.contains("attr.name=\"n\" attr.type=\"string\""))
    }
}
