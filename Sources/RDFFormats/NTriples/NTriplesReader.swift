public import KnowledgeGraph

/// Reads N-Triples (W3C "RDF 1.1 N-Triples") into a ``Graph``.
///
/// The full grammar: absolute IRIs (a relative IRI is an error that names it), `\u`/`\U`
/// escapes in IRIs and literals and the string escapes `\t \b \n \r \f \" \' \\` in literals,
/// language tags (checked as BCP 47), datatypes, blank node labels, comments and blank lines,
/// LF or CR line ends. The input must be UTF-8. Blank nodes get fresh labels (`b0`, `b1`, …
/// with the default prefix), one per distinct label in the document.
///
/// Errors are ``Diagnostic``s with code `ntriples-syntax` located at `source:line:column`
/// (columns count Unicode characters).
public struct NTriplesReader: GraphParser, Sendable {
    /// The prefix of generated blank node labels.
    public let blankNodePrefix: String

    public init(blankNodePrefix: String = "b") {
        self.blankNodePrefix = blankNodePrefix
    }

    /// Parses a whole N-Triples document.
    /// - Throws: a ``Diagnostic`` with the position of the first error; no partial graph is returned.
    public func parse(_ bytes: [UInt8], source: String) throws(Diagnostic) -> Graph {
        var parser = NTriplesParser(bytes: bytes, source: source, blankNodePrefix: blankNodePrefix)
        return try parser.parseDocument()
    }
}
