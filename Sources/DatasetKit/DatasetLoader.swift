public import KnowledgeGraph

/// Loads a dataset against an ontology: parses the YAML, builds the instance graph and
/// validates it, collecting every problem on the way.
///
/// The steps are ``DatasetParser`` (shape), ``DatasetGraphBuilder`` (names and values) and
/// ``SchemaValidator`` (classes, properties, domains, ranges, literals, labels, sources).
public struct DatasetLoader: Sendable {
    /// The ontology graph, as read from its file.
    public let ontology: Graph
    /// What the ontology declares.
    public let schema: Schema

    public init(ontology: Graph) {
        self.ontology = ontology
        self.schema = Schema(ontology: ontology)
    }

    /// The namespace of bare names: the ontology IRI with `#` appended (unless it already ends
    /// in `#` or `/`), or, for an ontology without an `owl:Ontology`, the namespace of its `ng` prefix.
    public var vocabularyNamespace: String? {
        if let iri = schema.ontologyIRI?.value {
            return iri.hasSuffix("#") || iri.hasSuffix("/") ? iri : iri + "#"
        }
        return schema.prefixes.namespace(for: "ng")
    }

    /// The classes whose instances must cite a source: the ontology's `Event`, and its
    /// `ReportedFact` (events, claims, tenures) where it declares one.
    public var sourcedClasses: [IRI] {
        guard let namespace = vocabularyNamespace else { return [] }
        return [IRI(unchecked: namespace + "Event"), IRI(unchecked: namespace + "ReportedFact")].filter(schema.isKnownClass)
    }

    /// Parses, builds and validates a dataset file's contents.
    public func load(_ bytes: [UInt8], file: String) -> LoadedDataset {
        let parsed = DatasetParser().parse(bytes, file: file)
        guard let document = parsed.document else {
            return LoadedDataset(document: nil, ontology: ontology, schema: schema, diagnostics: parsed.diagnostics)
        }
        var loaded = load(document)
        loaded.diagnostics = (parsed.diagnostics + loaded.diagnostics).sorted(by: Diagnostic.positionOrder)
        return loaded
    }

    /// Builds and validates a parsed document.
    public func load(_ document: DatasetDocument) -> LoadedDataset {
        guard let namespace = vocabularyNamespace else {
            let problem = Diagnostic(
                code: "ontology-without-iri",
                message: "the ontology declares no owl:Ontology IRI, so bare names such as 'Person' cannot be resolved",
                location: document.ontology?.location ?? SourceLocation(file: document.file, line: 1, column: 1))
            return LoadedDataset(document: document, ontology: ontology, schema: schema, diagnostics: [problem])
        }
        let built = DatasetGraphBuilder(schema: schema, vocabularyNamespace: namespace).build(document)
        let validator = SchemaValidator(schema: schema, rules: ValidationRules(sourcedClasses: sourcedClasses),
                                        prefixes: built.graph.prefixes)
        // A node whose label or type was refused is not reported again as having none.
        let refused = ["missing-label": Set(built.nodesWithRefusedLabels.map(\.description)),
                       "missing-type": Set(built.nodesWithRefusedTypes.map(\.description))]
        let validation = validator.validate(built.graph, sourceMap: built.sourceMap).filter { problem in
            guard let subject = problem.subject, let nodes = refused[problem.code] else { return true }
            return !nodes.contains(subject)
        }
        let problems = built.diagnostics + validation
        return LoadedDataset(document: document, ontology: ontology, schema: schema, graph: built.graph,
                             sourceMap: built.sourceMap, diagnostics: problems.sorted(by: Diagnostic.positionOrder))
    }
}

/// A dataset after loading: its graph, where each triple came from, and every problem found.
public struct LoadedDataset: Sendable {
    /// The file as parsed; nil when the YAML could not be read.
    public var document: DatasetDocument?
    /// The ontology graph it was checked against.
    public var ontology: Graph
    public var schema: Schema
    /// The instance graph, with the prefixes writers should use.
    public var graph: Graph
    public var sourceMap: GraphSourceMap
    /// Every problem, sorted by position.
    public var diagnostics: [Diagnostic]

    public init(document: DatasetDocument?, ontology: Graph, schema: Schema, graph: Graph = Graph(),
                sourceMap: GraphSourceMap = GraphSourceMap(), diagnostics: [Diagnostic]) {
        self.document = document
        self.ontology = ontology
        self.schema = schema
        self.graph = graph
        self.sourceMap = sourceMap
        self.diagnostics = diagnostics
    }

    /// Whether any problem is an error (the dataset must then not be exported).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The number of nodes the dataset defines.
    public var nodeCount: Int { document?.nodes.count ?? 0 }
}
