public import KnowledgeGraph

/// Reads an ontology file into a graph, choosing the reader by the file's extension.
public enum OntologyFile {
    /// Reads `path` in the readable format its extension names (RDF/XML for `.owl`, `.rdf` and
    /// `.xml`, N-Triples for `.nt`).
    ///
    /// RDF/XML is read without a base IRI of its own, so relative references must be resolved by
    /// the document's `xml:base` (as Protégé writes it): an ontology's IRIs must not depend on
    /// where the file happens to be.
    /// - Parameter sizeLimit: the largest file read, in bytes.
    /// - Throws: a ``Diagnostic`` naming the file (and the position, for syntax errors).
    public static func read(_ path: String, sizeLimit: Int = InputFile.defaultSizeLimit) throws(Diagnostic) -> Graph {
        guard let format = FormatRegistry.format(forPath: path, among: FormatRegistry.readable),
              let reading = format.reading else {
            throw Diagnostic(code: "input", message: "cannot tell the ontology's format from its name: use " + extensionsHelp,
                             subject: path)
        }
        let bytes = try InputFile.read(path, sizeLimit: sizeLimit)
        return try reading.parser(GraphFormat.ReadOptions(sizeLimit: sizeLimit)).parse(bytes, source: path)
    }

    /// `.owl, .rdf or .xml for RDF/XML, .nt for N-Triples`.
    private static var extensionsHelp: String {
        FormatRegistry.readable.map { format in
            FormatRegistry.list(format.fileExtensions.sorted().map { "." + $0 }) + " for " + format.displayName
        }.joined(separator: ", ")
    }
}
