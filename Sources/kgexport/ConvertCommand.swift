import ArgumentParser
import GraphFormats
import KnowledgeGraph

/// `kgexport convert INPUT OUTPUT`: reads a graph in one syntax and writes it in another.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an RDF graph to another syntax (RDF/XML, N-Triples, Turtle) or to GraphML, DOT or SVG.",
        discussion: """
            Formats (for --from and --to; otherwise taken from the file extension):
            \(FormatRegistry.helpTable)

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

            A failed or interrupted conversion writes nothing: an existing OUTPUT file is left as \
            it was. OUTPUT is written to a temporary file beside it and renamed into place when \
            complete, keeping the mode of the file it replaces; a symbolic link is written \
            through (the file it leads to is replaced, the link stays); a FIFO, a device or \
            /dev/stdout is written as a stream, like -; a folder is refused.

            Exit status: 0 on success; 1 when the input is malformed (FILE:LINE:COL: error: …) or \
            the output format cannot express the graph; 2 for usage errors; 130 or 143 when \
            interrupted by SIGINT or SIGTERM.

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
    var from: FormatArgument?

    @Option(help: ArgumentHelp("The output format (default: from OUTPUT's extension).", valueName: "format"))
    var to: FormatArgument?

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

    @OptionGroup var rendering: RenderOptions

    @OptionGroup var limits: InputLimitOptions

    /// The input format: `--from`, or the one INPUT's extension names.
    var inputFormat: GraphFormat? { from?.format ?? FormatRegistry.format(forPath: input) }

    /// The output format: `--to`, or the one OUTPUT's extension names.
    var outputFormat: GraphFormat? { to?.format ?? FormatRegistry.format(forPath: output) }

    func validate() throws {
        guard !output.isEmpty else {
            throw ValidationError("The output path is empty: give the file to write, or - for standard output.")
        }
        guard let inputFormat else {
            throw ValidationError(input == "-"
                ? "Give the format of standard input with --from (\(Self.formatNames))."
                : "Cannot tell the format of '\(input)' from its extension; give it with --from (\(Self.formatNames)).")
        }
        guard inputFormat.isReadable else {
            throw ValidationError("kgexport writes \(inputFormat.displayName) but does not read it; readable formats: "
                + FormatRegistry.readable.map(\.name).joined(separator: ", ") + ".")
        }
        guard let outputFormat else {
            throw ValidationError(output == "-"
                ? "Give the format of standard output with --to (\(Self.formatNames))."
                : "Cannot tell the format of '\(output)' from its extension; give it with --to (\(Self.formatNames)).")
        }
        if streaming {
            try validateStreaming(from: inputFormat, to: outputFormat)
        }
        if let base {
            do {
                _ = try IRI(base)
            } catch {
                throw ValidationError("--base must be an absolute IRI: \(error.description).")
            }
        }
    }

    /// `--streaming` needs a streamable input file and a format with a streaming writer; the
    /// messages list what the registry offers.
    private func validateStreaming(from inputFormat: GraphFormat, to outputFormat: GraphFormat) throws {
        let readers = FormatRegistry.formats.filter { $0.reading?.isStreamable == true }
        let writers = FormatRegistry.formats.filter { $0.writing?.streaming != nil }
        guard inputFormat.reading?.isStreamable == true, input != "-" else {
            throw ValidationError("--streaming reads an \(Self.names(readers)) file twice; give a "
                + Self.extensions(readers) + " file, not \(input == "-" ? "standard input" : "'\(input)'").")
        }
        guard outputFormat.writing?.streaming != nil else {
            throw ValidationError("--streaming writes \(Self.names(writers)); give an \(Self.extensions(writers)) output (or "
                + writers.map { "--to \($0.name)" }.joined(separator: ", ") + ").")
        }
        guard ontology == nil else {
            throw ValidationError("--streaming does not use an ontology; leave out --ontology.")
        }
    }

    private static var formatNames: String { FormatRegistry.formats.map(\.name).joined(separator: ", ") }

    /// `RDF/XML or GraphML`.
    private static func names(_ formats: [GraphFormat]) -> String {
        FormatRegistry.list(formats.map(\.displayName))
    }

    /// `.rdf or .graphml`.
    private static func extensions(_ formats: [GraphFormat]) -> String {
        FormatRegistry.list(formats.map { "." + $0.primaryExtension })
    }

    func run() throws {
        guard let inputFormat, let outputFormat else {
            throw ValidationError("The formats could not be determined.")
        }
        let conversion = Conversion(
            input: input, output: output, from: inputFormat, to: outputFormat, baseIRI: try base.map { try IRI($0) },
            sizeLimit: limits.bytes, chunkedSizeLimit: limits.chunkedLimit(for: input), ontologyPath: ontology,
            renderTimeLimit: rendering.renderTimeout, streaming: streaming)
        let progress = ConversionProgress(readingLabel: "\(streaming ? "checking" : "reading") \(input)",
                                          writingLabel: "writing \(output)")
        defer { progress.finish() }
        do {
            try conversion.run(observer: progress)
        } catch {
            throw CommandFailure(error.messages)
        }
        if timings { FileHandleOutput.standardError(progress.timings) }
    }
}
