import KnowledgeGraph
import XMLSupport

/// The rules of the RDF/XML kgexport writes, shared by ``RDFXMLWriter`` (a whole graph, in
/// canonical order) and ``StreamingRDFXMLWriter`` (N-Triples, in input order): which names may
/// be element names, which triples are refused and with what message, and how the root, a
/// node element and a property element are spelled.
enum RDFXMLSyntax {
    // MARK: - Element names

    /// The RDF/XML syntax names that may not be written as a property element or node element
    /// name: the core syntax terms, `rdf:Description`, `rdf:li` (read back as `rdf:_n`), the
    /// old terms and the RDF 1.2 additions.
    static let reservedNames: Set<String> = RDFXMLTerms.coreSyntax.union(RDFXMLTerms.old)
        .union([RDFXMLTerms.description, RDFXMLTerms.listItem, "annotation", "annotationNodeID", "version"])

    /// The classes of the RDF vocabulary itself, which readers know as node element names.
    static let rdfClasses: Set<String> = ["Alt", "Bag", "Seq", "List", "Statement", "Property"]

    /// Whether a type may be written as the node element's name. Other names in the RDF
    /// namespace (such as `rdf:foo`) are legal but make Raptor warn, so they stay `rdf:type`
    /// properties; the reserved syntax names would change the meaning.
    static func mayNameNodeElement(_ type: IRI) -> Bool {
        guard type.value.hasPrefix(Vocabulary.rdfNamespace) else { return true }
        return rdfClasses.contains(String(type.value.dropFirst(Vocabulary.rdfNamespace.count)))
    }

    /// Whether `iri` is one of the reserved RDF/XML syntax names.
    static func isReserved(_ iri: IRI) -> Bool {
        iri.value.hasPrefix(Vocabulary.rdfNamespace)
            && reservedNames.contains(String(iri.value.dropFirst(Vocabulary.rdfNamespace.count)))
    }

    /// The element name for the triple's predicate, or the reason there is none.
    static func propertyName(_ triple: Triple, _ names: inout XMLQualifiedNames) throws(WriteError) -> XMLQualifiedNames.Split {
        let predicate = triple.predicate
        if isReserved(predicate) {
            let name = "rdf:" + predicate.value.dropFirst(Vocabulary.rdfNamespace.count)
            let consequence = name == "rdf:li" ? " (it would be read back as rdf:_1, rdf:_2, …)" : ""
            throw TermChecks.refusal(code: "rdfxml-reserved-predicate", triple,
                                     "RDF/XML cannot use \(name) as a property: it is a reserved RDF/XML syntax name\(consequence)")
        }
        guard let split = names.split(predicate) else {
            throw TermChecks.refusal(code: "rdfxml-predicate-not-xml-name", triple,
                                     "RDF/XML cannot express the predicate <\(predicate.value)>: a property element needs the IRI to end in an XML name (NCName: a letter or '_', then letters, digits, '-', '.', '_'), and this one does not, so no element name can spell it")
        }
        return split
    }

    /// `prefix:local` for a split whose namespace was planned before the prefixes were assigned.
    static func qualifiedName(_ split: XMLQualifiedNames.Split, _ names: XMLQualifiedNames) throws(XMLWriteError) -> String {
        guard let name = names.qualifiedName(split) else {
            throw XMLWriteError("no prefix was declared for the namespace <\(split.namespace)>")
        }
        return name
    }

    // MARK: - Refusals

    /// Refuses characters that XML 1.0 does not allow, naming the node and the property.
    static func checkCharacters(_ triple: Triple) throws(WriteError) {
        func check(_ text: String, _ what: String) throws(WriteError) {
            if let scalar = XMLCharacters.firstForbidden(in: text) {
                throw TermChecks.refusal(code: "xml-forbidden-character", triple,
                                         "RDF/XML cannot write \(what) of the property <\(triple.predicate.value)> on the node \(NTriplesSyntax.term(triple.subject)): it contains \(XMLCharacters.describe(scalar)), which XML 1.0 does not allow, not even as a character reference")
            }
        }
        if let iri = triple.subject.iri { try check(iri.value, "the subject IRI") }
        try check(triple.predicate.value, "the IRI")
        switch triple.object {
        case .iri(let iri): try check(iri.value, "the object IRI")
        case .blank: break
        case .literal(let literal):
            try check(literal.lexicalForm, "the literal value")
            try check(literal.datatype.value, "the datatype IRI")
            if let language = literal.language { try check(language, "the language tag") }
        }
    }

    /// Refuses IRIs that would not read back as themselves from `rdf:about`, `rdf:resource` or
    /// `rdf:datatype`: readers resolve those attributes against the base IRI (RFC 3986 section
    /// 5.2), and resolving even an absolute reference removes its dot segments, so
    /// `http://example.org/a/../b` would come back as `http://example.org/b`.
    static func checkAttributeIRIs(_ triple: Triple) throws(WriteError) {
        func check(_ iri: IRI, _ what: String, _ attribute: String) throws(WriteError) {
            guard mayHaveDotSegment(iri.value) else { return }
            guard let resolved = try? iri.resolving(iri.value), resolved != iri else { return }
            throw TermChecks.refusal(code: "rdfxml-iri-changes-on-resolution", triple,
                                     "RDF/XML cannot write \(what) <\(iri.value)>: readers resolve \(attribute) against the base IRI (RFC 3986), which removes its dot segments and gives <\(resolved.value)>")
        }
        if let iri = triple.subject.iri { try check(iri, "the subject IRI", "rdf:about") }
        switch triple.object {
        case .iri(let iri): try check(iri, "the object IRI", "rdf:resource")
        case .literal(let literal) where literal.language == nil && literal.datatype != Vocabulary.xsdString:
            try check(literal.datatype, "the datatype IRI", "rdf:datatype")
        case .literal, .blank: break
        }
    }

    /// Whether the part of `value` before any `?` or `#` has a `.` right after a `/` or the
    /// scheme's `:`, the only places a dot segment can start (the same test as the reader's).
    static func mayHaveDotSegment(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { mayHaveDotSegment($0) }
    }

    static func mayHaveDotSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return false }
            if byte == UInt8(ascii: ".") && (previous == UInt8(ascii: "/") || previous == UInt8(ascii: ":")) { return true }
            previous = byte
        }
        return false
    }

    // MARK: - Writing

    /// Names of the RDF/XML syntax, prepared once.
    enum Names {
        static let description = PreparedXMLName("rdf:Description")
        static let about = PreparedXMLName("rdf:about")
        static let nodeID = PreparedXMLName("rdf:nodeID")
        static let resource = PreparedXMLName("rdf:resource")
        static let datatype = PreparedXMLName("rdf:datatype")
        static let language = PreparedXMLName("xml:lang")
    }

    /// How much output to gather before handing it to the sink.
    static let drainThreshold = 1 << 18

    /// The XML declaration and the open `rdf:RDF` root, declaring every prefix of `names`.
    static func startDocument(declaring names: XMLQualifiedNames, _ writer: XMLStreamWriter) throws(XMLWriteError) {
        try writer.startDocument()
        try writer.startElement("rdf:RDF")
        for declaration in names.declarations {
            try writer.writeAttribute("xmlns:" + declaration.prefix, declaration.namespace)
        }
    }

    /// How a node element or a property element names the node it is about.
    enum NodeReference {
        /// An IRI, in `rdf:about` or `rdf:resource`.
        case iri(UnsafeBufferPointer<UInt8>)
        /// A blank node's `rdf:nodeID`.
        case nodeID(UnsafeBufferPointer<UInt8>)
    }

    /// Opens a node element: named by its type (`typeName`), else `rdf:Description`.
    @inline(__always)
    static func startNodeElement(_ typeName: PreparedXMLName?, about subject: NodeReference,
                                 _ writer: XMLStreamWriter) throws(XMLWriteError) {
        // Not `typeName ?? Names.description`: that copies the name, a retain per node.
        if let typeName { try writer.startElement(typeName) } else { try writer.startElement(Names.description) }
        switch subject {
        case .iri(let iri): try writer.writeAttribute(Names.about, utf8: iri)
        case .nodeID(let label): try writer.writeAttribute(Names.nodeID, utf8: label)
        }
    }

    /// What a property element says about its object.
    enum PropertyObject {
        /// A node, by ``NodeReference``.
        case node(NodeReference)
        /// A literal: its lexical form, with `xml:lang` for a language tag, else `rdf:datatype`
        /// unless the datatype is `xsd:string` (nil).
        case literal(UnsafeBufferPointer<UInt8>, language: UnsafeBufferPointer<UInt8>?, datatype: UnsafeBufferPointer<UInt8>?)
    }

    /// Writes one property element, in one piece (``XMLStreamWriter/writeLeaf(_:attribute:value:text:)``).
    @inline(__always)
    static func writePropertyElement(_ name: PreparedXMLName, _ object: PropertyObject,
                                     _ writer: XMLStreamWriter) throws(XMLWriteError) {
        switch object {
        case .node(.iri(let iri)):
            try writer.writeLeaf(name, attribute: Names.resource, value: iri, text: nil)
        case .node(.nodeID(let label)):
            try writer.writeLeaf(name, attribute: Names.nodeID, value: label, text: nil)
        case .literal(let text, let language?, _):
            try writer.writeLeaf(name, attribute: Names.language, value: language, text: text.isEmpty ? nil : text)
        case .literal(let text, nil, let datatype):
            try writer.writeLeaf(name, attribute: datatype == nil ? nil : Names.datatype,
                                 value: datatype ?? UnsafeBufferPointer(start: nil, count: 0), text: text.isEmpty ? nil : text)
        }
    }
}
