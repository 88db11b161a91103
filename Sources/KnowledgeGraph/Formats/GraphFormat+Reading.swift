extension GraphFormat {
    /// What a reader needs to know besides the input's bytes.
    public struct ReadOptions: Sendable {
        /// The base against which relative IRIs are resolved (RDF/XML), nil for none.
        public var baseIRI: IRI?
        /// The most bytes of an input read whole; a larger input is an error, never truncated.
        public var sizeLimit: Int
        /// The most bytes of an input read in chunks (never held whole, so it may be larger).
        public var chunkedSizeLimit: Int

        public init(baseIRI: IRI? = nil, sizeLimit: Int = InputFile.defaultSizeLimit, chunkedSizeLimit: Int? = nil) {
            self.baseIRI = baseIRI
            self.sizeLimit = sizeLimit
            self.chunkedSizeLimit = chunkedSizeLimit ?? sizeLimit
        }
    }

    /// How a format is read.
    public struct Reading: Sendable {
        /// The ways a format can be read.
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            /// The whole input in memory, then parsed.
            case whole
            /// In chunks of whole lines straight into the graph: the input is never held whole.
            case chunked
            /// As a stream of triples, once per pass of a streaming writer, in bounded memory:
            /// nothing is kept (`convert --streaming`). The input must be a file.
            case streaming
        }

        /// Reads a chunk-wise input (a path, `-` for standard input) into a graph.
        /// - Parameters:
        ///   - path: the file, or `-` for standard input.
        ///   - options: the base IRI and ``ReadOptions/chunkedSizeLimit``.
        ///   - progress: called after each chunk with the bytes read and the input's size.
        public typealias ChunkedRead = @Sendable (_ path: String, _ options: ReadOptions,
                                                  _ progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)?) throws(Diagnostic) -> Graph

        private let makeParser: @Sendable (ReadOptions) -> any GraphParser
        private let chunkedRead: ChunkedRead?
        /// Whether a streaming writer may read this format's files pass by pass.
        public let isStreamable: Bool

        /// - Parameters:
        ///   - parser: makes the parser of a whole document.
        ///   - chunked: reads a file or standard input in chunks, when the format allows it.
        ///   - streamable: whether streaming writers read files of this format pass by pass.
        public init(parser: @escaping @Sendable (ReadOptions) -> any GraphParser,
                    chunked: ChunkedRead? = nil, streamable: Bool = false) {
            self.makeParser = parser
            self.chunkedRead = chunked
            self.isStreamable = streamable
        }

        /// The ways this format can be read.
        public var modes: [Mode] {
            [.whole] + (chunkedRead == nil ? [] : [.chunked]) + (isStreamable ? [.streaming] : [])
        }

        /// The parser of a whole document.
        public func parser(_ options: ReadOptions) -> any GraphParser {
            makeParser(options)
        }

        /// Reads `path` (`-` for standard input): in chunks when the format allows it (refused
        /// past `options.chunkedSizeLimit`), else whole (refused past `options.sizeLimit`) and parsed.
        /// - Throws: a ``Diagnostic``: the input cannot be read, is too large, or is malformed
        ///   (with its position).
        public func read(path: String, options: ReadOptions,
                         progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil) throws(Diagnostic) -> Graph {
            if let chunkedRead { return try chunkedRead(path, options, progress) }
            let bytes = try InputFile.read(path, sizeLimit: options.sizeLimit)
            return try makeParser(options).parse(bytes, source: path)
        }
    }
}
