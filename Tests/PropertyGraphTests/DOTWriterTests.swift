import KnowledgeGraph
import PropertyGraph
import Testing

@Suite struct DOTWriterTests {
    typealias F = Fixture

    func dot(_ graph: Graph, schema: Schema? = nil) throws -> String {
        let sink = MemorySink()
        try DOTWriter(schema: schema).write(graph, to: sink)
        return sink.text
    }

    func line(for id: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix("  \"\(id)\" [") }.map(String.init) ?? ""
    }

    @Test func nodesShowTheirLabelsInTheirCategoryColours() throws {
        let text = try dot(F.news, schema: F.schema)
        let rutte = line(for: "mark-rutte", in: text)
        #expect(rutte.contains("label=\"Mark Rutte\""))
        #expect(rutte.contains("fillcolor=\"\(NodeCategory.person.style.fill)\""))
        #expect(rutte.contains("shape=\"ellipse\""))
        #expect(rutte.contains("tooltip=\"http://example.org/mark-rutte\""))
        let event = line(for: "lithuania-endorses-rutte", in: text)
        // Wrapped, with the event's date on its own line.
        #expect(event.contains("label=\"Lithuania endorses Mark Rutte\\nfor NATO Secretary General\\n2024-04-02\""))
        #expect(event.contains("fillcolor=\"\(NodeCategory.event.style.fill)\""))
        #expect(text.contains("\"lithuania-endorses-rutte\" -> \"lithuania\" [label=\"endorser\""))
    }

    @Test func theLegendListsTheCategoriesInUse() throws {
        let text = try dot(F.news, schema: F.schema)
        #expect(text.contains("subgraph \"cluster_legend\" {"))
        for category in [NodeCategory.event, .article, .person, .state] {
            #expect(text.contains("\"legend \(category.rawValue)\" [label=\"\(category.title)\""))
        }
        #expect(!text.contains("\"legend organisation\""))
        #expect(try !dot(Graph()).contains("cluster_legend"))
    }

    @Test func everyAttributeIsKeptAsData() throws {
        let text = try dot(F.news, schema: F.schema)
        let lithuania = line(for: "lithuania", in: text)
        #expect(lithuania.contains("\"data-labels\"=\":Country:State\""))
        #expect(lithuania.contains("\"data-label_lt\"=\"Lietuva\""))
        #expect(lithuania.contains("\"data-population\"=\"2800000\""))
        #expect(text.contains("\"data-predicate\"=\"https://kgexport.example.org/ns/newsgraph#endorser\""))
    }

    @Test func textIsEscapedForDOT() throws {
        var graph = Graph()
        graph.insert(F.iri("q"), Vocabulary.rdfsLabel, F.text("say \"hi\" \\N & <b>"))
        graph.insert(F.iri("q"), F.property("note"), F.text("a\\\nb"))
        let text = try dot(graph)
        let node = line(for: "q", in: text)
        // Quotes and backslashes escaped; & as an entity because Graphviz decodes entities in labels.
        #expect(node.contains("label=\"say \\\"hi\\\" \\\\N &amp; <b>\""))
        // Data attributes keep the text as is, with DOT's escapes only.
        #expect(node.contains("\"data-label\"=\"say \\\"hi\\\" \\\\N & <b>\""))
        #expect(node.contains("\"data-note\"=\"a\\\\\\nb\""))
        #expect(!text.contains("\n\"") && text.hasSuffix("}\n"))
    }

    @Test func controlCharactersAreRefused() {
        var graph = Graph()
        graph.insert(F.iri("q"), F.property("note"), F.text("escape\u{1B}[0m"))
        #expect(throws: WriteError.self) { try dot(graph) }
    }

    @Test func outputIsDeterministic() throws {
        var backward = Graph(F.news.triples.reversed())
        backward.prefixes = F.news.prefixes
        #expect(try dot(F.news, schema: F.schema) == dot(backward, schema: F.schema))
    }
}
