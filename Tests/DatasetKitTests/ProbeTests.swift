import DatasetKit
import KnowledgeGraph
import Testing

@Test(arguments: ["valid.yaml", "semantic-errors.yaml", "shape-errors.yaml", "tab.yaml", "unclosed-quote.yaml", "bad-indentation.yaml", "duplicate-key.yaml"])
func probe(name: String) throws {
    let loaded = try Fixtures.load(name)
    print("=== \(name): \(loaded.graph.count) triples")
    for d in loaded.diagnostics { print("[\(d.code)] \(d)") }
    #expect(Bool(true))
}
