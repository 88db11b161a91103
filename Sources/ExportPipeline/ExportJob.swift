public import DatasetKit
internal import GraphFormats
public import KnowledgeGraph

/// The export pipeline as plain values: load the dataset and its ontology, validate, render
/// every ``ExportArtifact`` in memory, then write them all atomically.
///
/// Nothing is written unless the dataset is free of errors and every artifact rendered; the
/// files then go through ``AtomicFileSink``s that are committed together at the end. Output
/// is deterministic: the same files in give the same bytes out.
public struct ExportJob {
    /// The dataset file, as the user gave it.
    public var datasetPath: String
    /// The ontology file; nil means the dataset's `ontology:` field, relative to the dataset file.
    public var ontologyPath: String?
    public var artifacts: [ExportArtifact]
    /// The largest dataset or ontology file read, in bytes.
    public var inputSizeLimit: Int = InputFile.defaultSizeLimit
    /// Seconds a renderer (Graphviz, for the SVG picture) may take.
    public var renderTimeLimit: Double = GraphFormat.WriteOptions.defaultRenderTimeLimit

    public init(datasetPath: String, ontologyPath: String? = nil, artifacts: [ExportArtifact] = ExportArtifact.standard) {
        self.datasetPath = datasetPath
        self.ontologyPath = ontologyPath
        self.artifacts = artifacts
    }

    /// Reads the dataset and the ontology, builds the graph and validates it. Problems reading
    /// either file are diagnostics too.
    public func load() -> LoadedExport {
        let datasetBytes: [UInt8]
        do {
            datasetBytes = try InputFile.read(datasetPath, sizeLimit: inputSizeLimit)
        } catch {
            return LoadedExport(dataset: nil, ontologyPath: ontologyPath, diagnostics: [error])
        }
        let parsed = DatasetParser().parse(datasetBytes, file: datasetPath)
        guard let document = parsed.document else {
            return LoadedExport(dataset: nil, ontologyPath: ontologyPath, diagnostics: parsed.diagnostics)
        }
        guard let ontologyFile = resolvedOntologyPath(document) else {
            let problem = Diagnostic(
                code: "no-ontology",
                message: "no ontology to validate against: set dataset.ontology in the file or pass --ontology",
                location: SourceLocation(file: datasetPath, line: 1, column: 1))
            return LoadedExport(dataset: nil, ontologyPath: nil, diagnostics: parsed.diagnostics + [problem])
        }
        let ontology: Graph
        do {
            ontology = try OntologyFile.read(ontologyFile, sizeLimit: inputSizeLimit)
        } catch {
            return LoadedExport(dataset: nil, ontologyPath: ontologyFile, diagnostics: parsed.diagnostics + [error])
        }
        var loaded = DatasetLoader(ontology: ontology).load(document)
        loaded.diagnostics = (parsed.diagnostics + loaded.diagnostics).sorted(by: Diagnostic.positionOrder)
        return LoadedExport(dataset: loaded, ontologyPath: ontologyFile, diagnostics: loaded.diagnostics)
    }

    /// The ontology file to use: the override, else the dataset's `ontology:` resolved against
    /// the dataset file's folder.
    public func resolvedOntologyPath(_ document: DatasetDocument) -> String? {
        if let ontologyPath { return ontologyPath }
        guard let relative = document.ontology?.value else { return nil }
        guard !relative.hasPrefix("/"), let slash = datasetPath.lastIndex(of: "/") else { return relative }
        return String(datasetPath[...slash]) + relative
    }

    /// Renders every artifact in memory.
    /// - Parameter diagnostics: receives the writers' notes (a value kept as text, say).
    /// - Throws: ``ExportError/invalid(_:)`` with every diagnostic when the dataset has errors;
    ///   ``ExportError/write(_:)`` when a format cannot express the graph.
    public func render(_ loaded: LoadedExport,
                       diagnostics: any DiagnosticCollector = DiagnosticCollection()) throws(ExportError) -> [RenderedArtifact] {
        guard let dataset = loaded.dataset, !loaded.hasErrors else { throw .invalid(loaded.diagnostics) }
        let names = ArtifactNames(dataset: dataset.document?.id?.value ?? "dataset",
                                  ontology: FileName.stem(loaded.ontologyPath ?? "ontology"))
        return try Self.render(artifacts, graphs: (dataset.graph, dataset.ontology), names: names,
                               options: GraphFormat.WriteOptions(schema: dataset.schema, renderTimeLimit: renderTimeLimit),
                               diagnostics: diagnostics)
    }

    /// Renders artifacts of the given instance and ontology graphs (the part of ``render(_:)``
    /// that needs no files); `options` carry the ontology's schema, for the formats that use it,
    /// and `diagnostics` receives the writers' notes.
    public static func render(_ artifacts: [ExportArtifact], graphs: (instances: Graph, ontology: Graph),
                              names: ArtifactNames, options: GraphFormat.WriteOptions = GraphFormat.WriteOptions(),
                              diagnostics: any DiagnosticCollector = DiagnosticCollection()) throws(ExportError) -> [RenderedArtifact] {
        let context = WriteContext(diagnostics: diagnostics)
        var rendered: [RenderedArtifact] = []
        var seen: Set<String> = []
        for artifact in artifacts {
            let fileName = artifact.fileName(for: names)
            guard seen.insert(fileName).inserted else {
                throw .write(.unrepresentable(Diagnostic(
                    code: "duplicate-artifact", message: "two export artifacts are both named \(fileName)", subject: fileName)))
            }
            let sink = MemorySink()
            let graph = artifact.content == .instances ? graphs.instances : graphs.ontology
            do {
                try artifact.serializer(options).write(graph, to: sink, context: context)
            } catch {
                throw .write(error)
            }
            rendered.append(RenderedArtifact(fileName: fileName, bytes: sink.bytes))
        }
        return rendered
    }

    /// Loads, validates, renders and writes into `folder` (created when missing), all files
    /// or none (``ArtifactWriter``).
    /// - Parameter diagnostics: receives the writers' notes.
    /// - Returns: the paths written, in artifact order.
    /// - Throws: ``ExportError``; after ``ExportError/invalid(_:)`` and ``ExportError/write(_:)``
    ///   nothing was written.
    public func run(into folder: String,
                    diagnostics: any DiagnosticCollector = DiagnosticCollection()) throws(ExportError) -> [String] {
        let loaded = load()
        let rendered = try render(loaded, diagnostics: diagnostics)
        do {
            return try ArtifactWriter.write(rendered, into: folder, sparing: [datasetPath] + (loaded.ontologyPath.map { [$0] } ?? []))
        } catch {
            if error.changedFiles.isEmpty { throw .write(.output(error.failure)) }
            throw .partlyWritten(error.failure, changedFiles: error.changedFiles)
        }
    }
}

/// The result of ``ExportJob/load()``: the loaded dataset (nil when a file could not be read
/// or parsed), the ontology file used, and every problem found.
public struct LoadedExport: Sendable {
    public var dataset: LoadedDataset?
    public var ontologyPath: String?
    public var diagnostics: [Diagnostic]

    public init(dataset: LoadedDataset?, ontologyPath: String?, diagnostics: [Diagnostic]) {
        self.dataset = dataset
        self.ontologyPath = ontologyPath
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { dataset == nil || diagnostics.contains { $0.severity == .error } }
}

/// Why an export failed.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// The dataset has errors (all of them listed); nothing was written.
    case invalid([Diagnostic])
    /// A format could not express the graph, or a file could not be written; nothing was
    /// written (files already renamed into place were put back).
    case write(WriteError)
    /// A file could not be written, and `changedFiles` — renamed into place before it — could
    /// not be put back as they were (a file system failing in the middle of the commit).
    case partlyWritten(OutputError, changedFiles: [String])

    public var description: String {
        switch self {
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .write(let error): return error.description
        case .partlyWritten(let error, let changedFiles):
            return error.description + "\nnote: these files could not be put back as they were: "
                + changedFiles.joined(separator: ", ")
        }
    }
}
