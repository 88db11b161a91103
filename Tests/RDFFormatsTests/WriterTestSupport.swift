import KnowledgeGraph
import Testing

/// Runs a serializer into memory.
func written(_ graph: Graph, by serializer: some GraphSerializer) throws -> String {
    let sink = MemorySink()
    try serializer.write(graph, to: sink)
    return sink.text
}

/// Why a test expectation about a refusal failed.
struct NotRefused: Error, CustomStringConvertible {
    var description: String
}

/// The refusal a serializer throws for `graph`, after checking that it wrote nothing at all.
func refusal(_ graph: Graph, by serializer: some GraphSerializer,
             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let sink = MemorySink()
    do {
        try serializer.write(graph, to: sink)
    } catch {
        #expect(sink.bytes.isEmpty, "a refused graph must leave the sink untouched", sourceLocation: sourceLocation)
        guard case .unrepresentable(let diagnostic) = error else {
            throw NotRefused(description: "expected a refusal, got \(error)")
        }
        return diagnostic
    }
    throw NotRefused(description: "the graph was written, not refused")
}

/// A sink that remembers the size of every write, to see how a writer streams.
final class RecordingSink: ByteSink {
    private(set) var writeSizes: [Int] = []
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        writeSizes.append(bytes.count)
        self.bytes.append(contentsOf: bytes)
    }
}

/// A deterministic shuffle (a linear congruential generator), so a failing order can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

/// The same triples in another order with every blank node renamed.
func shuffledAndRelabelled(_ graph: Graph, seed: UInt64) -> Graph {
    var generator = SeededGenerator(state: seed)
    func rename(_ term: Term) -> Term {
        guard let node = term.blankNode else { return term }
        return .blank(BlankNode("other\(seed)x" + String(node.id.reversed())))
    }
    var result = Graph(graph.triples.shuffled(using: &generator).map {
        Triple(subject: rename($0.subject), predicate: $0.predicate, object: rename($0.object))
    })
    result.prefixes = graph.prefixes
    return result
}
