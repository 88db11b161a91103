internal import PropertyGraph
internal import RDFFormats
public import KnowledgeGraph

/// One file that `kgexport export` writes: which graph goes into it, in which format, and its
/// file name.
///
/// An artifact names a registered ``GraphFormat`` (its writer and its file extension come from
/// the format), or brings a serializer of its own.
public struct ExportArtifact {
    /// Which graph an artifact renders.
    public enum Content: Sendable, Hashable {
        /// The dataset's instance graph; the file is named after the dataset id.
        case instances
        /// The ontology graph; the file is named after the ontology file.
        case ontology
    }

    public var content: Content
    /// The file name extension, without the dot (`rdf`, `ttl`, `graphml`, `yed.graphml`).
    public var fileExtension: String
    private var makeSerializer: (GraphFormat.WriteOptions) -> any GraphSerializer

    /// An artifact in a registered format, named with the format's first extension. A format
    /// kgexport does not write fails when rendered, naming the format.
    public init(_ content: Content, format: GraphFormat) {
        self.content = content
        self.fileExtension = format.primaryExtension
        self.makeSerializer = { options in
            format.writing?.serializer(options) ?? UnwritableFormat(format: format)
        }
    }

    /// An artifact written by a serializer of the caller's own.
    public init(_ content: Content, fileExtension: String, serializer: any GraphSerializer) {
        self.content = content
        self.fileExtension = fileExtension
        self.makeSerializer = { _ in serializer }
    }

    /// The serializer to use with `options` (the export's ontology as schema).
    public func serializer(_ options: GraphFormat.WriteOptions) -> any GraphSerializer {
        makeSerializer(options)
    }

    /// `nato-sg-2024.rdf` for instance data, `newsgraph.ttl` for the ontology.
    public func fileName(for names: ArtifactNames) -> String {
        switch content {
        case .instances: return "\(names.dataset).\(fileExtension)"
        case .ontology: return "\(names.ontology).\(fileExtension)"
        }
    }

    /// The default export: the instance data as RDF/XML, N-Triples and Turtle, as GraphML
    /// (plain, and styled for yEd), as Graphviz DOT and as an SVG picture drawn from it (which
    /// needs Graphviz), and the ontology as Turtle.
    public static var standard: [ExportArtifact] {
        [GraphFormat.rdfXML, .nTriples, .turtle, .graphML, .yEdGraphML, .dot, .svg].map { ExportArtifact(.instances, format: $0) }
            + [ExportArtifact(.ontology, format: .turtle)]
    }
}

/// Stands in for the writer of a format kgexport only reads: refuses every graph.
private struct UnwritableFormat: GraphSerializer {
    let format: GraphFormat

    func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        throw .unrepresentable(Diagnostic(code: "unwritable-format", message: "kgexport does not write this format",
                                          subject: format.displayName))
    }
}

/// The stems artifact file names are made of.
public struct ArtifactNames: Sendable, Hashable {
    /// The dataset id (`nato-sg-2024`).
    public var dataset: String
    /// The ontology file's name without folder and extension (`newsgraph`).
    public var ontology: String

    public init(dataset: String, ontology: String) {
        self.dataset = dataset
        self.ontology = ontology
    }
}

/// A rendered file, not yet written: its name and its bytes.
public struct RenderedArtifact: Sendable, Hashable {
    public var fileName: String
    public var bytes: [UInt8]

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }
}
