import KnowledgeGraph
import RDFFormats
import Testing

/// The writers give exactly the bytes that the pre-optimisation writers gave (kept in `Fixtures/`).
@Suite struct WriterFixtureTests {
    static let folder = SharedData.packageRoot + "/Tests/RDFFormatsTests/Fixtures/"

    static func serializer(for fileExtension: String) -> any GraphSerializer {
        switch fileExtension {
        case "rdf": return RDFXMLWriter()
        case "ttl": return TurtleWriter()
        default: return NTriplesWriter()
        }
    }

    @Test(arguments: ["synth-300-seed1", "synth-300-seed1-noprefixes", "mixed-terms"], ["rdf", "nt", "ttl"])
    func sameBytesAsBefore(name: String, fileExtension: String) throws {
        let make = try #require(FixtureGraphs.all.first { $0.name == name }?.graph)
        let expected = try InputFile.read(Self.folder + name + "." + fileExtension)
        let sink = MemorySink()
        try Self.serializer(for: fileExtension).write(make(), to: sink)
        #expect(sink.bytes.count == expected.count)
        if sink.bytes != expected {
            let first = zip(sink.bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(sink.bytes.count, expected.count)
            let context = String(decoding: sink.bytes[max(0, first - 80)..<min(sink.bytes.count, first + 80)], as: UTF8.self)
            Issue.record("\(name).\(fileExtension) differs from the fixture at byte \(first): …\(context)…")
        }
    }
}
