public import KnowledgeGraph
internal import PropertyGraph
internal import RDFFormats

/// One file that `kgexport export` writes: which graph goes into it, its file name, and the
/// serializer that renders it.
///
/// To add a format, add an entry to ``standard`` (e.g. a GraphML writer for `.instances`);
/// everything else — validation first, rendering, atomic writing — stays as it is.
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
    public var serializer: any GraphSerializer
    /// For formats that read the ontology (the property-graph ones: super-classes as labels,
    /// colours by class family): makes the serializer from the export's schema. When set, it is
    /// used instead of ``serializer``.
    public var schemaSerializer: ((Schema) -> any GraphSerializer)?

    public init(_ content: Content, fileExtension: String, serializer: any GraphSerializer) {
        self.content = content
        self.fileExtension = fileExtension
        self.serializer = serializer
    }

    /// An artifact whose serializer is made from the ontology's schema at export time.
    public init(_ content: Content, fileExtension: String, schemaSerializer: @escaping (Schema) -> any GraphSerializer) {
        self.content = content
        self.fileExtension = fileExtension
        self.serializer = schemaSerializer(Schema())
        self.schemaSerializer = schemaSerializer
    }

    /// The serializer to use with `schema` (the export's ontology), when there is one.
    public func serializer(schema: Schema?) -> any GraphSerializer {
        guard let schema, let schemaSerializer else { return serializer }
        return schemaSerializer(schema)
    }

    /// `nato-sg-2024.rdf` for instance data, `newsgraph.ttl` for the ontology.
    public func fileName(for names: ArtifactNames) -> String {
        switch content {
        case .instances: return "\(names.dataset).\(fileExtension)"
        case .ontology: return "\(names.ontology).\(fileExtension)"
        }
    }

    /// The default export: the instance data as RDF/XML, N-Triples and Turtle, as GraphML
    /// (plain, and styled for yEd) and as Graphviz DOT, and the ontology as Turtle. (The command
    /// line adds the SVG picture, which needs Graphviz.)
    public static var standard: [ExportArtifact] {
        [
            ExportArtifact(.instances, fileExtension: "rdf", serializer: RDFXMLWriter()),
            ExportArtifact(.instances, fileExtension: "nt", serializer: NTriplesWriter()),
            ExportArtifact(.instances, fileExtension: "ttl", serializer: TurtleWriter()),
            ExportArtifact(.instances, fileExtension: "graphml") { GraphMLWriter(style: .plain, schema: $0) },
            ExportArtifact(.instances, fileExtension: "yed.graphml") { GraphMLWriter(style: .yEd, schema: $0) },
            ExportArtifact(.instances, fileExtension: "dot") { DOTWriter(schema: $0) },
            ExportArtifact(.ontology, fileExtension: "ttl", serializer: TurtleWriter()),
        ]
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
