import KnowledgeGraph
import PropertyGraph
import Testing

/// GraphML output is exactly what the pre-optimisation projection and writer gave (`Fixtures/`).
@Suite struct GraphMLFixtureTests {
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Fixtures/"
    }()

    @Test(arguments: ["synth-300-seed1", "synth-300-seed1-noprefixes", "mixed-terms"])
    func sameBytesAsBefore(name: String) throws {
        let make = try #require(GraphMLFixtureGraphs.all.first { $0.name == name }?.graph)
        let expected = try InputFile.read(Self.folder + name + ".graphml")
        let sink = MemorySink()
        let notes = DiagnosticCollection()
        try GraphMLWriter().write(make(), to: sink, context: WriteContext(diagnostics: notes))
        #expect(notes.diagnostics.isEmpty)
        #expect(sink.bytes.count == expected.count)
        if sink.bytes != expected {
            let first = zip(sink.bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(sink.bytes.count, expected.count)
            let context = String(decoding: sink.bytes[max(0, first - 100)..<min(sink.bytes.count, first + 100)], as: UTF8.self)
            Issue.record("\(name).graphml differs from the fixture at byte \(first): …\(context)…")
        }
    }
}
