import GraphFormats
import KnowledgeGraph
import PropertyGraph
import RDFFormats
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The registry answers every question about formats that the command line, `export` and
/// ontology reading ask, and its answers agree with each other.
@Suite struct FormatRegistryTests {
    @Test func namesAndAliasesAreUniqueAndLowerCase() {
        let names = FormatRegistry.formats.flatMap { [$0.name] + $0.aliases }
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
    }

    @Test func everyFormatIsReadOrWrittenAndHasAnExtensionAndAMediaType() {
        for format in FormatRegistry.formats {
            #expect(format.isReadable || format.isWritable, "\(format.name)")
            #expect(!format.fileExtensions.isEmpty, "\(format.name)")
            #expect(format.mediaType.contains("/"), "\(format.name)")
            #expect(format.output == .file, "\(format.name)")
        }
    }

    /// Each extension means one format, so detection never depends on the list's order.
    @Test func extensionsAreUnique() {
        let extensions = FormatRegistry.formats.flatMap(\.fileExtensions)
        #expect(Set(extensions).count == extensions.count, "\(extensions)")
    }

    @Test(arguments: [
        ("a/b/data.rdf", "rdfxml"), ("ontology.OWL", "rdfxml"), ("x.xml", "rdfxml"), ("x.nt", "ntriples"),
        ("x.ttl", "turtle"), ("x.graphml", "graphml"), ("x.yed.graphml", "yed-graphml"), ("x.YED.GraphML", "yed-graphml"),
        ("x.dot", "dot"), ("x.gv", "dot"), ("x.svg", "svg"),
    ])
    func detectsTheFormatFromTheExtension(path: String, name: String) {
        #expect(FormatRegistry.format(forPath: path)?.name == name)
    }

    @Test(arguments: ["-", "noextension", ".nt", "dir.nt/file", "x.csv", "x.yed"])
    func detectsNothingWithoutAKnownExtension(path: String) {
        #expect(FormatRegistry.format(forPath: path) == nil)
    }

    @Test func namesAndAliasesFindTheirFormat() {
        for format in FormatRegistry.formats {
            for name in [format.name] + format.aliases {
                #expect(FormatRegistry.format(named: name) == format)
                #expect(FormatRegistry.format(named: name.uppercased()) == format)
            }
        }
        #expect(FormatRegistry.format(named: "nosuch") == nil)
    }

    @Test func readableFormatsAreTheOnesWithAReader() {
        #expect(FormatRegistry.readable.map(\.name) == ["rdfxml", "ntriples"])
        #expect(GraphFormat.nTriples.reading?.modes == [.whole, .chunked, .streaming])
        #expect(GraphFormat.rdfXML.reading?.modes == [.whole])
        #expect(GraphFormat.rdfXML.writing?.modes == [.graph, .streaming])
        #expect(GraphFormat.graphML.writing?.modes == [.graph, .streaming])
        #expect(GraphFormat.svg.writing?.modes == [.graph])
        #expect(GraphFormat.turtle.reading == nil)
    }

    @Test func helpTableHasALinePerFormat() {
        let lines = FormatRegistry.helpTable.split(separator: "\n")
        #expect(lines.count == FormatRegistry.formats.count)
        for (line, format) in zip(lines, FormatRegistry.formats) {
            #expect(line.contains(format.displayName) && line.contains("." + format.primaryExtension))
            #expect(line.hasSuffix(format.isReadable ? "read and write" : "write only"))
        }
    }

    /// The chunked reader and the whole-document parser make the same graph.
    @Test func chunkedAndWholeReadsAgree() throws {
        let text = "<http://example.org/s> <http://example.org/p> \"o\"@en .\n_:b <http://example.org/p> <http://example.org/s> .\n"
        let path = try TestFiles.temporaryFile(text, suffix: ".nt")
        defer { unlink(path) }
        let reading = try #require(GraphFormat.nTriples.reading)
        let chunked = try reading.read(path: path, options: GraphFormat.ReadOptions())
        let whole = try reading.parser(GraphFormat.ReadOptions()).parse(Array(text.utf8), source: path)
        #expect(chunked.count == 2)
        #expect(chunked.isIsomorphic(to: whole))
    }

    /// A whole read is refused past the size limit, with the file named.
    @Test func wholeReadsKeepTheSizeLimit() throws {
        let path = try TestFiles.temporaryFile("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", suffix: ".rdf")
        defer { unlink(path) }
        let reading = try #require(GraphFormat.rdfXML.reading)
        #expect(throws: Diagnostic.self) { try reading.read(path: path, options: GraphFormat.ReadOptions(sizeLimit: 10)) }
        #expect(try reading.read(path: path, options: GraphFormat.ReadOptions()).count == 0)
    }

    /// Every writable format writes a small graph through the registry's serializer.
    @Test func everyWriterWritesThroughTheRegistry() throws {
        var graph = Graph()
        _ = graph.insert(.iri(IRI(unchecked: "http://example.org/a")), IRI(unchecked: "http://example.org/knows"),
                         .iri(IRI(unchecked: "http://example.org/b")))
        for format in FormatRegistry.formats where format.isWritable && format != .svg {
            let writing = try #require(format.writing)
            let sink = MemorySink()
            let notes = DiagnosticCollection()
            try writing.serializer(GraphFormat.WriteOptions()).write(graph, to: sink, context: WriteContext(diagnostics: notes))
            #expect(sink.text.contains("example.org/"), "\(format.name)")
            #expect(notes.diagnostics.isEmpty)
        }
    }
}

