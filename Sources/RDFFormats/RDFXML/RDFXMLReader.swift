public import KnowledgeGraph
public import XMLSupport

/// Reads RDF/XML (W3C "RDF 1.1 XML Syntax") into a ``Graph``.
///
/// The whole grammar: node elements and typed node elements, property elements and property
/// attributes, `rdf:parseType` `Resource`, `Literal` (exclusive canonical XML) and `Collection`,
/// `rdf:li` numbering, `rdf:ID` with reification, `rdf:nodeID`, `xml:base` (RFC 3986) and
/// `xml:lang`, empty property elements and `rdf:datatype`. Names RDF/XML reserves or removed
/// (`rdf:aboutEach`, `rdf:bagID`, `rdf:li` as an attribute, …) are errors, as is an `rdf:ID`
/// used twice.
///
/// The XML is read by ``XMLEventReader``: no network, no external entities or DTDs, internal
/// entities of the document's own DTD expanded, libxml2's limits on. Blank nodes get fresh
/// labels (`b0`, `b1`, … with the default prefix); `rdf:nodeID` values are mapped to them.
/// The namespace prefixes declared on the document element are recorded in ``Graph/prefixes``.
///
/// Errors are ``Diagnostic``s with code `rdfxml-syntax` (the RDF grammar) or `xml-syntax`
/// (the XML underneath), located at `source:line:column`.
public struct RDFXMLReader: GraphParser, Sendable {
    /// The base IRI for relative references when the document has no `xml:base`; usually the
    /// document's own location. Without one, a relative reference is an error.
    public let baseIRI: IRI?
    /// The prefix of generated blank node labels (give documents read into one graph different ones).
    public let blankNodePrefix: String
    /// The XML layer (its size limit).
    public let xmlReader: XMLEventReader

    public init(baseIRI: IRI? = nil, blankNodePrefix: String = "b", xmlReader: XMLEventReader = XMLEventReader()) {
        self.baseIRI = baseIRI
        self.blankNodePrefix = blankNodePrefix
        self.xmlReader = xmlReader
    }

    /// Parses a whole RDF/XML document.
    /// - Throws: a ``Diagnostic`` with the position of the first error; no partial graph is returned.
    public func parse(_ bytes: [UInt8], source: String) throws(Diagnostic) -> Graph {
        let builder = RDFXMLGraphBuilder(baseIRI: baseIRI, blankNodePrefix: blankNodePrefix)
        try xmlReader.read(bytes, source: source, into: builder)
        return builder.graph
    }
}
