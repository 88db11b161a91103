#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import KnowledgeGraph

/// `kgexport convert` as a plain value: read one file in one format, write it in another.
///
/// The stages are the registry's: the input format's ``GraphFormat/Reading`` makes the graph
/// (in chunks where the format allows it), the output format's ``GraphFormat/Writing`` writes
/// it through ``GraphOutput`` (a temporary file renamed into place only when complete). With
/// ``streaming`` the output format's streaming conversion reads the input pass by pass instead,
/// in bounded memory. Notes go to the observer, as they are found.
public struct Conversion {
    public var input: String
    public var output: String
    public var inputFormat: GraphFormat
    public var outputFormat: GraphFormat
    /// How the input is read; the base IRI defaults to the input file's `file:` IRI.
    public var readOptions: GraphFormat.ReadOptions
    /// How the output is written; the temporary folder defaults to the output's folder.
    public var writeOptions: GraphFormat.WriteOptions
    /// An ontology for the formats that use one (see ``GraphFormat/WriteOptions/schema``).
    public var ontologyPath: String?
    /// Whether to convert pass by pass in bounded memory (see ``isStreamable``).
    public var streaming: Bool

    /// - Parameters:
    ///   - baseIRI: the base for relative IRIs; nil means the input file's own `file:` IRI, as
    ///     rapper and rdflib use (none for standard input).
    public init(input: String, output: String, from inputFormat: GraphFormat, to outputFormat: GraphFormat,
                baseIRI: IRI? = nil, sizeLimit: Int = InputFile.defaultSizeLimit, chunkedSizeLimit: Int? = nil,
                ontologyPath: String? = nil, renderTimeLimit: Double = GraphFormat.WriteOptions.defaultRenderTimeLimit,
                streaming: Bool = false) {
        self.input = input
        self.output = output
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.readOptions = GraphFormat.ReadOptions(
            baseIRI: baseIRI ?? (input == "-" ? nil : FileIRI.forPath(input)),
            sizeLimit: sizeLimit, chunkedSizeLimit: chunkedSizeLimit)
        self.writeOptions = GraphFormat.WriteOptions(renderTimeLimit: renderTimeLimit,
                                                     temporaryFolder: Self.temporaryFolder(beside: output))
        self.ontologyPath = ontologyPath
        self.streaming = streaming
    }

    /// Whether `input` can be converted to `output` pass by pass: the input format is
    /// streamable and the output format has a streaming conversion.
    public static func isStreamable(from input: GraphFormat, to output: GraphFormat) -> Bool {
        input.reading?.isStreamable == true && output.writing?.streaming != nil
    }

    /// Reads, then writes; every stage reports to `observer`.
    /// - Throws: ``ConversionError``: the input is malformed (with its position), the output
    ///   format cannot express the graph (naming the triple), or the output cannot be written.
    ///   The target is then left as it was.
    public func run(observer: some ConversionObserver) throws(ConversionError) {
        guard let writing = outputFormat.writing else {
            throw ConversionError(["error: kgexport does not write \(outputFormat.displayName)"])
        }
        if streaming {
            try runStreaming(writing, observer: observer)
            return
        }
        guard let reading = inputFormat.reading else {
            throw ConversionError(["error: kgexport does not read \(inputFormat.displayName)"])
        }
        let graph: Graph
        do throws(Diagnostic) {
            defer { observer.stageFinished(.reading) }
            graph = try reading.read(path: input, options: readOptions) { bytesRead, totalBytes in
                observer.reading(bytesRead: bytesRead, totalBytes: totalBytes)
            }
        } catch {
            throw ConversionError([error.description])
        }
        var options = writeOptions
        if let ontologyPath {
            do { options.schema = Schema(ontology: try OntologyFile.read(ontologyPath)) } catch {
                throw ConversionError([error.description])
            }
        }
        observer.stageFinished(.read)
        let context = WriteContext(diagnostics: observer) { observer.stageFinished($0) }
        try GraphOutput.write(graph, with: writing.serializer(options), formatName: outputFormat.displayName,
                              to: output, source: input, context: context,
                              written: { observer.writing(bytesWritten: $0, totalBytes: nil) },
                              serialized: { observer.stageFinished(.write) }, otherInputs: ontologyPath.map { [$0] } ?? [])
        observer.stageFinished(.sync)
    }

    /// `streaming`: passes over the input in bounded memory. The `read` stage ends with the
    /// first pass (checking, and for GraphML sorting), `write` with the last.
    private func runStreaming(_ writing: GraphFormat.Writing, observer: some ConversionObserver) throws(ConversionError) {
        guard let convert = writing.streaming, inputFormat.reading?.isStreamable == true, input != "-" else {
            throw ConversionError(["error: kgexport cannot convert \(inputFormat.displayName) "
                                   + "to \(outputFormat.displayName) pass by pass"])
        }
        let options = writeOptions
        try GraphOutput.stream(to: output, formatName: outputFormat.displayName, source: input,
                               serialized: { observer.stageFinished(.write) }) { (sink: any ByteSink) throws(StreamingError) in
            try convert(input, sink, options, observer) { pass, bytesRead, totalBytes in
                if pass == 1 {
                    observer.reading(bytesRead: bytesRead, totalBytes: totalBytes)
                } else if bytesRead == 0 {
                    // The first pass is done.
                    observer.stageFinished(.reading)
                    observer.stageFinished(.read)
                } else {
                    observer.writing(bytesWritten: bytesRead, totalBytes: totalBytes)
                }
            }
        }
        observer.stageFinished(.sync)
    }

    /// Where a streaming sort keeps its temporary files: the output's folder (same disk), or
    /// `$TMPDIR` (else `/tmp`) when writing to standard output.
    static func temporaryFolder(beside output: String) -> String {
        guard output != "-" else {
            if let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty { return folder }
            return "/tmp"
        }
        guard let slash = output.lastIndex(of: "/") else { return "." }
        return slash == output.startIndex ? "/" : String(output[..<slash])
    }
}

/// Watches a ``Conversion``: its notes and warnings (as a ``DiagnosticCollector``), how far it
/// has read and written, and when each stage ends.
///
/// Stages end in the order of ``PipelineStage``.
public protocol ConversionObserver: DiagnosticCollector {
    /// The input has been read up to `bytesRead` of `totalBytes` (when known).
    func reading(bytesRead: Int, totalBytes: Int?)
    /// `bytesWritten` bytes are out (for streaming conversions: the input bytes of a later pass
    /// read so far, of `totalBytes`).
    func writing(bytesWritten: Int, totalBytes: Int?)
    /// A stage has ended.
    func stageFinished(_ stage: PipelineStage)
}
