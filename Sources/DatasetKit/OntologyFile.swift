public import KnowledgeGraph
internal import RDFFormats

/// Reads an ontology file into a graph, choosing the reader by the file's extension.
public enum OntologyFile {
    /// Reads `path`: RDF/XML for `.owl`, `.rdf` and `.xml`, N-Triples for `.nt`.
    ///
    /// RDF/XML is read without a base IRI of its own, so relative references must be resolved by
    /// the document's `xml:base` (as Protégé writes it): an ontology's IRIs must not depend on
    /// where the file happens to be.
    /// - Parameter sizeLimit: the largest file read, in bytes.
    /// - Throws: a ``Diagnostic`` naming the file (and the position, for syntax errors).
    public static func read(_ path: String, sizeLimit: Int = InputFile.defaultSizeLimit) throws(Diagnostic) -> Graph {
        let parser: any GraphParser
        switch FileName.fileExtension(path) {
        case "owl", "rdf", "xml": parser = RDFXMLReader()
        case "nt": parser = NTriplesReader()
        default:
            throw Diagnostic(code: "input", message: "cannot tell the ontology's format from its name: "
                             + "use .owl, .rdf or .xml for RDF/XML, .nt for N-Triples", subject: path)
        }
        let bytes = try InputFile.read(path, sizeLimit: sizeLimit)
        return try parser.parse(bytes, source: path)
    }
}
