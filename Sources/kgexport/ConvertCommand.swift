#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import DatasetKit
import KnowledgeGraph
import PropertyGraph
import RDFFormats

/// `kgexport convert INPUT OUTPUT`: reads a graph in one syntax and writes it in another.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an RDF graph to another syntax (RDF/XML, N-Triples, Turtle) or to GraphML, DOT or SVG.",
        discussion: """
            Formats (for --from and --to; otherwise taken from the file extension):
            \(GraphFormat.helpTable)

            The output is deterministic: the same graph gives the same bytes, whatever the order \
            of the input's triples or the labels of its blank nodes. When the target format cannot \
            express part of the graph (in RDF/XML: a predicate IRI that does not end in an XML \
            name such as …/2019, a reserved name such as rdf:li as predicate, or a character \
            XML 1.0 forbids), the conversion is refused with a message naming the triple.

            GraphML, DOT and SVG hold the property-graph projection: every IRI or blank node \
            becomes a node, every triple between two of them an edge, every literal a node \
            attribute. `.graphml` is plain GraphML (for networkx, igraph, Gephi, Neo4j APOC, \
            TinkerPop), `.yed.graphml` the same with yEd's colours and shapes, `.svg` a picture \
            drawn by Graphviz (which must be installed; it is stopped after --render-timeout \
            seconds). With --ontology, node labels include \
            super-classes and colours follow the ontology's class families.

            A failed conversion writes nothing: an existing OUTPUT file is left as it was.

            Exit status: 0 on success; 1 when the input is malformed (FILE:LINE:COL: error: …) or \
            the output format cannot express the graph; 2 for usage errors.

            Examples:
              kgexport convert ontology.owl ontology.nt
              kgexport convert data.nt data.rdf
              kgexport convert data.rdf data.svg --ontology Ontology/newsgraph.owl
              kgexport convert data.rdf data.yed.graphml
              curl -s https://example.org/data.rdf | kgexport convert --from rdfxml \\
                  --base https://example.org/data.rdf - - --to turtle
            """
    )

    @Argument(help: ArgumentHelp("The graph to read, or - for standard input.", valueName: "input"))
    var input: String

    @Argument(help: ArgumentHelp("The file to write, or - for standard output.", valueName: "output"))
    var output: String

    @Option(help: ArgumentHelp("The input format (default: from INPUT's extension).", valueName: "format"))
    var from: GraphFormat?

    @Option(help: ArgumentHelp("The output format (default: from OUTPUT's extension).", valueName: "format"))
    var to: GraphFormat?

    @Option(help: ArgumentHelp(
        "The base IRI against which relative IRIs in RDF/XML input are resolved (default: the input file's file: IRI; none for standard input).",
        valueName: "iri"))
    var base: String?

    @Flag(help: "Print the seconds spent on standard error, as `read=SECONDS write=SECONDS sync=SECONDS`: reading the input, writing the output (every byte handed to the operating system), and syncing the file to disk and renaming it into place. For property-graph formats (GraphML, DOT, SVG) `project=SECONDS` before `write` is the projection to a property graph.")
    var timings = false

    @Flag(help: ArgumentHelp(
        "Convert N-Triples to RDF/XML or GraphML in bounded memory, whatever the input's size: the file is read two or three times and never held. RDF/XML groups consecutive triples of one subject instead of sorting; GraphML sorts nodes in temporary files beside the output and names nodes by their whole IRI. The same graph, not the same bytes as without --streaming.",
        valueName: "streaming"))
    var streaming = false

    @Option(help: ArgumentHelp(
        "An OWL ontology (RDF/XML or N-Triples) for GraphML, DOT and SVG output: super-classes become labels, classes pick the colours.",
        valueName: "file"))
    var ontology: String?

    @Option(help: ArgumentHelp("Seconds Graphviz may take to draw an SVG before it is stopped.", valueName: "seconds"))
    var renderTimeout: Double = GraphvizRenderer.defaultTimeLimit

    @OptionGroup var limits: InputLimitOptions

    /// The input format: `--from`, or the one INPUT's extension names.
    var inputFormat: GraphFormat? { from ?? GraphFormat.detect(fromPath: input) }

    /// The output format: `--to`, or the one OUTPUT's extension names.
    var outputFormat: GraphFormat? { to ?? GraphFormat.detect(fromPath: output) }

    func validate() throws {
        guard let inputFormat else {
            throw ValidationError(input == "-"
                ? "Give the format of standard input with --from (\(Self.formatNames))."
                : "Cannot tell the format of '\(input)' from its extension; give it with --from (\(Self.formatNames)).")
        }
        guard inputFormat.isReadable else {
            throw ValidationError("kgexport writes \(inputFormat.displayName) but does not read it; readable formats: "
                + GraphFormat.allCases.filter(\.isReadable).map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard outputFormat != nil else {
            throw ValidationError(output == "-"
                ? "Give the format of standard output with --to (\(Self.formatNames))."
                : "Cannot tell the format of '\(output)' from its extension; give it with --to (\(Self.formatNames)).")
        }
        if streaming {
            guard inputFormat == .ntriples, input != "-" else {
                throw ValidationError("--streaming reads an N-Triples file twice; give a .nt file, not \(input == "-" ? "standard input" : "'\(input)'").")
            }
            guard outputFormat == .rdfxml || outputFormat == .graphml else {
                throw ValidationError("--streaming writes RDF/XML or GraphML; give an .rdf or .graphml output (or --to rdfxml, --to graphml).")
            }
            guard ontology == nil else {
                throw ValidationError("--streaming does not use an ontology; leave out --ontology.")
            }
        }
        guard renderTimeout > 0 && renderTimeout.isFinite else {
            throw ValidationError("--render-timeout must be a positive number of seconds.")
        }
        if let base {
            do {
                _ = try IRI(base)
            } catch {
                throw ValidationError("--base must be an absolute IRI: \(error.description).")
            }
        }
    }

    private static var formatNames: String { GraphFormat.allCases.map(\.rawValue).joined(separator: ", ") }

    func run() throws {
        if streaming {
            try runStreaming()
            return
        }
        guard let inputFormat, let outputFormat,
              let parser = inputFormat.parser(baseIRI: try baseIRI(for: inputFormat)) else {
            throw ValidationError("The formats could not be determined.")
        }
        let phases = PhaseTimings()
        let graph: Graph
        let reading = Progress(label: "reading \(input)", unit: "triples")
        do throws(Diagnostic) {
            if inputFormat == .ntriples {
                // Read in chunks: the file is never held whole, the terms go straight into the graph.
                graph = try NTriplesReader().read(path: input, sizeLimit: limits.chunkedLimit(for: input)) { bytesRead, totalBytes in
                    reading.update(done: 0, bytes: bytesRead, totalBytes: totalBytes)
                }
            } else {
                let bytes = try InputFile.read(input, sizeLimit: limits.bytes)
                graph = try parser.parse(bytes, source: input)
            }
        } catch {
            reading.finish()
            throw CommandFailure(error.description)
        }
        reading.finish()
        var schema: Schema?
        if let ontology {
            do { schema = Schema(ontology: try OntologyFile.read(ontology)) } catch { throw CommandFailure(error.description) }
        }
        phases.lap("read")
        var serializer = outputFormat == .svg
            ? SVGWriter(schema: schema, timeLimit: renderTimeout) : outputFormat.serializer(schema: schema)
        if let propertyGraphWriter = serializer as? any PropertyGraphSerializer {
            serializer = WarningPrinter(writer: propertyGraphWriter) { phases.lap("project") }
        }
        let writing = Progress(label: "writing \(output)", unit: "triples")
        defer { writing.finish() }
        try GraphOutput.write(graph, with: serializer, formatName: outputFormat.displayName,
                              to: output, source: input, progress: writing) {
            writing.finish()
            phases.lap("write")
        }
        phases.lap("sync")
        if timings { FileHandleOutput.standardError(phases.line) }
    }

    /// `--streaming`: passes over the input, bounded memory. `read` times the first pass
    /// (checking, and for GraphML sorting), `write` the rest, `sync` the file's sync and rename.
    private func runStreaming() throws {
        let phases = PhaseTimings()
        let progress = Progress(label: "checking \(input)", unit: "triples")
        let writing = Progress(label: "writing \(output)", unit: "triples")
        defer {
            progress.finish()
            writing.finish()
        }
        let report = { (pass: Int, bytesRead: Int, totalBytes: Int?) in
            if pass == 1 {
                progress.update(done: 0, bytes: bytesRead, totalBytes: totalBytes)
            } else if bytesRead == 0 {
                // The first pass is done.
                progress.finish()
                phases.lap("read")
            } else {
                writing.update(done: 0, bytes: bytesRead, totalBytes: totalBytes)
            }
        }
        let graphML = outputFormat == .graphml
        var notes: [Diagnostic] = []
        try GraphOutput.stream(to: output, formatName: graphML ? "GraphML" : "RDF/XML", source: input,
                               serialized: { phases.lap("write") }) { (sink: any ByteSink) throws(StreamingError) in
            if graphML {
                notes = try StreamingGraphMLWriter(temporaryFolder: temporaryFolder).convert(nTriplesAt: input, to: sink, progress: report)
            } else {
                try StreamingRDFXMLWriter().convert(nTriplesAt: input, to: sink, progress: report)
            }
        }
        phases.lap("sync")
        for note in notes { FileHandleOutput.standardError(note.description) }
        if timings { FileHandleOutput.standardError(phases.line) }
    }

    /// Where a streaming sort keeps its temporary files: the output's folder (same disk), or
    /// `$TMPDIR` (else `/tmp`) when writing to standard output.
    private var temporaryFolder: String {
        guard output != "-" else {
            if let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty { return folder }
            return "/tmp"
        }
        guard let slash = output.lastIndex(of: "/") else { return "." }
        return slash == output.startIndex ? "/" : String(output[..<slash])
    }

    /// `--base`, or the input file's own `file:` IRI for RDF/XML read from a file.
    private func baseIRI(for format: GraphFormat) throws -> IRI? {
        if let base { return try IRI(base) }
        guard format == .rdfxml, input != "-" else { return nil }
        return FileIRI.forPath(input)
    }
}

/// Projects once, prints the projection's warnings (e.g. values kept as text) on standard error,
/// then writes.
private struct WarningPrinter: GraphSerializer {
    let writer: any PropertyGraphSerializer
    /// Called when the projection is done and writing begins (`--timings`).
    let projected: () -> Void

    func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        if let graphML = writer as? GraphMLWriter {
            // Plain GraphML may skip building the property graph (same bytes, far less memory).
            for note in try graphML.writeGraph(graph, to: sink, projected: projected) {
                FileHandleOutput.standardError(note.description)
            }
            return
        }
        let propertyGraph = try writer.projection.project(graph)
        projected()
        for note in propertyGraph.notes { FileHandleOutput.standardError(note.description) }
        try writer.write(propertyGraph, to: sink)
    }
}
