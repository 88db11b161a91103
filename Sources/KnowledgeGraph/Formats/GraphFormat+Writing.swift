extension GraphFormat {
    /// What a writer needs to know besides the graph.
    public struct WriteOptions: Sendable {
        /// The ontology, for the formats that use it (super-classes as labels, colours by class
        /// family); nil for none.
        public var schema: Schema?
        /// Seconds a renderer run as a separate program (Graphviz) may take before it is stopped.
        public var renderTimeLimit: Double
        /// Where a streaming writer keeps its temporary files: the output's folder, so that
        /// they use its disk.
        public var temporaryFolder: String

        /// The default time limit for renderers, in seconds.
        public static let defaultRenderTimeLimit = 120.0

        public init(schema: Schema? = nil, renderTimeLimit: Double = defaultRenderTimeLimit, temporaryFolder: String = ".") {
            self.schema = schema
            self.renderTimeLimit = renderTimeLimit
            self.temporaryFolder = temporaryFolder
        }
    }

    /// How a format is written.
    public struct Writing: Sendable {
        /// The ways a format can be written.
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            /// From a graph in memory (``GraphSerializer``).
            case graph
            /// From a streamable input, pass by pass, in bounded memory (`convert --streaming`).
            case streaming
        }

        /// Converts a streamable input file into `sink` in bounded memory, pass by pass.
        /// - Parameters:
        ///   - path: the input file (N-Triples), read once per pass.
        ///   - sink: where the output goes.
        ///   - options: the write options (``WriteOptions/temporaryFolder`` for sorting).
        ///   - diagnostics: receives the writer's notes.
        ///   - progress: called after each chunk with the pass (from 1), the bytes read in that
        ///     pass and the input's size; once with pass 2 and 0 bytes when the first pass ends.
        public typealias StreamingConversion = @Sendable (
            _ path: String, _ sink: any ByteSink, _ options: WriteOptions, _ diagnostics: any DiagnosticCollector,
            _ progress: ((_ pass: Int, _ bytesRead: Int, _ totalBytes: Int?) -> Void)?
        ) throws(StreamingError) -> Void

        private let makeSerializer: @Sendable (WriteOptions) -> any GraphSerializer
        /// The streaming conversion, when the format has one.
        public let streaming: StreamingConversion?

        /// - Parameters:
        ///   - serializer: makes the writer of a graph in memory.
        ///   - streaming: the bounded-memory conversion from a streamable input, if any.
        public init(serializer: @escaping @Sendable (WriteOptions) -> any GraphSerializer,
                    streaming: StreamingConversion? = nil) {
            self.makeSerializer = serializer
            self.streaming = streaming
        }

        /// The ways this format can be written.
        public var modes: [Mode] { [.graph] + (streaming == nil ? [] : [.streaming]) }

        /// The writer of a graph in memory.
        public func serializer(_ options: WriteOptions) -> any GraphSerializer {
            makeSerializer(options)
        }
    }
}
