public import KnowledgeGraph

/// Writes a graph to a file or standard output so that a failure leaves nothing behind.
public enum GraphOutput {
    /// Serializes `graph` to `path` (`-` for standard output).
    ///
    /// A file is written beside its target and renamed over it only once the serializer has
    /// finished; on any failure the target is left as it was. Serializers check the whole graph
    /// before writing, so a refused graph writes nothing to standard output either.
    /// - Parameters:
    ///   - formatName: the format's name, for messages.
    ///   - source: the input the graph came from, for messages about its triples.
    ///   - context: where the writer's notes go.
    ///   - written: called with the bytes written so far, as they go out.
    ///   - serialized: called when every byte has been handed to the file, before it is synced
    ///     to disk and renamed into place (for `--timings`).
    ///   - otherInputs: files read besides `source` (an ontology), which the sweep of stale
    ///     temporary files leaves alone as it does `source`.
    /// - Throws: ``ConversionError`` with the refusal (naming the triple) or the output error.
    public static func write(_ graph: Graph, with serializer: any GraphSerializer, formatName: String,
                             to path: String, source: String, context: WriteContext,
                             written: ((Int) -> Void)? = nil, serialized: () -> Void = {},
                             otherInputs: [String] = []) throws(ConversionError) {
        try stream(to: path, formatName: formatName, source: source, written: written, serialized: serialized,
                   otherInputs: otherInputs) {
            (sink: any ByteSink) throws(StreamingError) in
            do throws(WriteError) { try serializer.write(graph, to: sink, context: context) } catch { throw .write(error) }
        }
    }

    /// Opens `path` (`-` for standard output), lets `body` write to it, and commits the file
    /// only when `body` succeeds; a failure leaves the target as it was.
    ///
    /// What `path` names decides how (``OutputPath/destination(of:)``): a regular file, or none
    /// yet, is written beside itself and renamed into place (through any symbolic links, which
    /// stay); a FIFO, a device, `/dev/stdout` or `/dev/fd/N` is written in place as a stream, as
    /// `-` is, and never replaced; a folder is refused.
    /// - Parameters:
    ///   - formatName: the format's name, for messages.
    ///   - source: the input, for messages about its triples.
    ///   - written: called with the bytes written so far, as they go out.
    ///   - serialized: called once `body` is done, before the file is synced and renamed.
    ///   - otherInputs: files read besides `source`; the sweep of stale temporary files beside
    ///     the output never removes an input, whatever its name.
    /// - Throws: ``ConversionError`` with the refusal or the output error.
    public static func stream(to path: String, formatName: String = "N-Triples", source: String = "-",
                              written: ((Int) -> Void)? = nil, serialized: () -> Void = {}, otherInputs: [String] = [],
                              _ body: (any ByteSink) throws(StreamingError) -> Void) throws(ConversionError) {
        // Bytes sent to a stream cannot be taken back: the note says whether any were.
        var streamedBytes: (() -> Int)?
        do throws(StreamingError) {
            if path == "-" {
                let sink = StandardOutputSink()
                streamedBytes = { sink.bytesDelivered }
                do throws(StreamingError) {
                    try body(counting(sink, written))
                    do { try sink.flush() } catch { throw .write(.output(error)) }
                    serialized()
                } catch {
                    sink.dropBuffered()
                    throw error
                }
            } else {
                let destination: OutputPath.Destination
                do { destination = try OutputPath.destination(of: path) } catch { throw .write(.output(error)) }
                switch destination {
                case .file:
                    try writeFile(to: path, sparing: [source] + otherInputs, written: written, serialized: serialized, body)
                case .specialFile(let file, _):
                    let sink: DescriptorSink
                    do { sink = try DescriptorSink(specialFile: file, path: path) } catch { throw .write(.output(error)) }
                    defer { sink.close() }
                    streamedBytes = { sink.bytesDelivered }
                    try writeStream(to: sink, written: written, serialized: serialized, body)
                case .descriptor(let descriptor):
                    let sink = DescriptorSink(descriptor: descriptor, path: path)
                    streamedBytes = { sink.bytesDelivered }
                    try writeStream(to: sink, written: written, serialized: serialized, body)
                }
            }
        } catch {
            let untouched: String
            if let streamedBytes {
                let name = path == "-" ? "standard output" : path
                untouched = streamedBytes() == 0 ? (path == "-" ? "nothing was written" : "nothing was written to \(path)")
                    : "\(name) received part of the output only"
            } else {
                untouched = "\(path) was not written"
            }
            switch error {
            case .input(let diagnostic):
                throw ConversionError([diagnostic.description, "note: \(untouched)"])
            case .write(.unrepresentable(let diagnostic)):
                // A triple has no position of its own; name the file it came from.
                let origin = diagnostic.location == nil && source != "-" ? "\(source): " : ""
                throw ConversionError([origin + diagnostic.description,
                                       "note: \(untouched): \(formatName) cannot express this graph"])
            case .write(.output(let outputError)):
                throw ConversionError(["\(path): error: \(outputError.reason)", "note: \(untouched)"])
            }
        }
    }
}

/// Writes a regular file through an ``AtomicFileSink``, committed only when `body` succeeds.
private func writeFile(to path: String, sparing inputs: [String], written: ((Int) -> Void)?, serialized: () -> Void,
                       _ body: (any ByteSink) throws(StreamingError) -> Void) throws(StreamingError) {
    let sink: AtomicFileSink
    do { sink = try AtomicFileSink(path: path, sparing: inputs) } catch { throw .write(.output(error)) }
    do throws(StreamingError) {
        try body(counting(sink, written))
        do { try sink.flush() } catch { throw .write(.output(error)) }
        serialized()
        do { try sink.commit() } catch { throw .write(.output(error)) }
    } catch {
        sink.discard()
        throw error
    }
}

/// Writes a FIFO, a device or a descriptor in place.
private func writeStream(to sink: DescriptorSink, written: ((Int) -> Void)?, serialized: () -> Void,
                         _ body: (any ByteSink) throws(StreamingError) -> Void) throws(StreamingError) {
    try body(counting(sink, written))
    do { try sink.flush() } catch { throw .write(.output(error)) }
    serialized()
}

/// `sink`, counted when someone listens.
private func counting(_ sink: any ByteSink, _ written: ((Int) -> Void)?) -> any ByteSink {
    guard let written else { return sink }
    return CountingSink(sink, written)
}

/// Passes bytes on to another sink and reports how many went through.
final class CountingSink: ByteSink {
    private let inner: any ByteSink
    private let written: ((Int) -> Void)?
    private var count = 0

    init(_ inner: any ByteSink, _ written: ((Int) -> Void)?) {
        self.inner = inner
        self.written = written
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        try inner.write(bytes)
        count += bytes.count
        written?(count)
    }
}

/// Why a conversion wrote nothing: the lines to show, diagnostics first, then a note saying
/// what was left untouched.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    /// The messages, one per line (`FILE:LINE:COL: error: …`, `note: out.rdf was not written`).
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
