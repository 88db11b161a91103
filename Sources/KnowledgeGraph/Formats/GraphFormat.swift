/// One file format: what people call it, which files are in it, and how kgexport reads and
/// writes it.
///
/// A format is a plain value. The module that implements a format declares it next to its
/// reader and writer (`extension GraphFormat { public static let turtle = … }`), and the
/// registry in `GraphFormats` lists it; the command line, `export`, ontology reading and the
/// help texts all take their answers from that value, so nothing else names the format.
///
/// Two formats are the same format when their ``name``s are equal.
public struct GraphFormat: Sendable, Hashable, CustomStringConvertible {
    /// The name on the command line (`--from rdfxml`, `--to yed-graphml`): lower case, unique.
    public let name: String
    /// The name people know the format by, for messages (`RDF/XML`).
    public let displayName: String
    /// Other names accepted on the command line (`rdf`, `nt`).
    public let aliases: [String]
    /// File extensions that mean this format, lower case, without the leading dot; the first
    /// one names the files `export` writes. A longer one (`yed.graphml`) wins over a shorter
    /// one it ends with (`graphml`).
    public let fileExtensions: [String]
    /// The media type (`application/rdf+xml`), for users that serve or store the files.
    public let mediaType: String
    /// How the format is read; nil when kgexport only writes it.
    public let reading: Reading?
    /// How the format is written; nil when kgexport only reads it.
    public let writing: Writing?
    /// Whether one output is a single file or a folder of files.
    public let output: OutputShape

    public init(name: String, displayName: String, aliases: [String] = [], fileExtensions: [String],
                mediaType: String, reading: Reading? = nil, writing: Writing? = nil, output: OutputShape = .file) {
        self.name = name
        self.displayName = displayName
        self.aliases = aliases
        self.fileExtensions = fileExtensions
        self.mediaType = mediaType
        self.reading = reading
        self.writing = writing
        self.output = output
    }

    /// The extension of the files `export` writes in this format (`rdf`).
    public var primaryExtension: String { fileExtensions.first ?? name }

    /// Whether kgexport reads this format.
    public var isReadable: Bool { reading != nil }

    /// Whether kgexport writes this format.
    public var isWritable: Bool { writing != nil }

    public var description: String { displayName }

    public static func == (lhs: GraphFormat, rhs: GraphFormat) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension GraphFormat {
    /// What one output of a format is.
    public enum OutputShape: Sendable, Hashable {
        /// One file (or standard output).
        case file
        /// A folder of files, such as one file per node label; never standard output.
        case folder
    }
}
