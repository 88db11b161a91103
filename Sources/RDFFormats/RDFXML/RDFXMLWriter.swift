public import KnowledgeGraph
import XMLSupport

/// Writes a graph as RDF/XML that Raptor, rdflib, Jena and kgexport's own reader read back as
/// the same graph — or refuses, before writing anything, when RDF/XML cannot express it.
///
/// The document is one `rdf:RDF` element declaring every prefix it uses, then one node element
/// per subject, subjects in sorted order (``Graph/sortedDescriptions()``):
/// - a subject with an `rdf:type` whose IRI splits into a qualified name is written as a typed
///   node element (`<ex:Person rdf:about="…">`), using its first such type; other types are
///   `rdf:type` properties (as are types in the RDF namespace other than its own classes
///   `rdf:Bag`, `rdf:Seq`, `rdf:Alt`, `rdf:List`, `rdf:Statement`, `rdf:Property`);
/// - IRIs are absolute (`rdf:about`, `rdf:resource`); blank nodes are `rdf:nodeID="b1"`, `b2`, …,
///   generated from the graph's content, never copied from input labels; nothing is nested;
/// - literals are property elements with text, `xml:lang` for a language tag, `rdf:datatype`
///   unless the datatype is `xsd:string`; `rdf:XMLLiteral` values too are escaped text with a
///   datatype, never `rdf:parseType="Literal"`;
/// - no `rdf:ID`, no property attributes, no `rdf:li`.
///
/// Refused, with ``WriteError/unrepresentable(_:)`` naming the triple: a predicate IRI that
/// does not end in an NCName (`…/2019`, `…/rel/`); a reserved RDF/XML name as predicate
/// (`rdf:li`, `rdf:about`, `rdf:Description`, …; container members `rdf:_1`… are fine); a
/// character XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF)
/// in any IRI, literal or language tag; a subject, object or datatype IRI with dot segments
/// (`http://example.org/a/../b`), which readers would resolve to another IRI; and whatever
/// ``NTriplesWriter`` refuses too.
///
/// The whole graph is checked first (each distinct term once); then the document is streamed,
/// the XML buffer drained into the sink every 256 KiB. The order is computed on the graph's
/// term ids (``CanonicalLayout``): no `Triple` or `String` is made per triple.
public struct RDFXMLWriter: GraphSerializer {
    /// Prefixes to use; nil means the graph's own ``Graph/prefixes``. `rdf`, `rdfs`, `xsd` and
    /// `owl` are added when missing; other namespaces get `ns1`, `ns2`, … in sorted order.
    public var prefixes: PrefixMap?
    /// Whether elements go on their own, indented lines.
    public var indent: Bool

    public init(prefixes: PrefixMap? = nil, indent: Bool = true) {
        self.prefixes = prefixes
        self.indent = indent
    }

    /// The RDF/XML syntax names that may not be written as a property element or node element
    /// name: the core syntax terms, `rdf:Description`, `rdf:li` (read back as `rdf:_n`), the
    /// old terms and the RDF 1.2 additions.
    public static let reservedNames: Set<String> = [
        "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description", "li",
        "aboutEach", "aboutEachPrefix", "bagID", "annotation", "annotationNodeID", "version",
    ]

    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        var preferred = prefixes ?? graph.prefixes
        for entry in PrefixMap.standard.entries { preferred.add(prefix: entry.prefix, namespace: entry.namespace) }
        var names = XMLQualifiedNames(preferred: preferred)
        let terms = graph.termStore, table = graph.tripleTable

        // Pass 1, in insertion order so that a refusal names the first triple at fault, with
        // the input's own blank node labels. Each distinct term is checked once.
        var checks = TermCheckCache(terms, xml: true)
        var predicateSplits: [TermID: XMLQualifiedNames.Split] = [:]
        var splitKnown = [Bool](repeating: false, count: terms.count)
        // Subject, object and datatype IRIs read back through rdf:about/resource/datatype: checked
        // once each, on their bytes (a literal object stands for its datatype, so the millions of
        // distinct literals cost nothing); only a suspect IRI gets the full check.
        var attributeChecked = [Bool](repeating: false, count: terms.count)
        for index in 0..<table.count {
            let s = table.subject(index), p = table.predicate(index), o = table.object(index)
            let clean = checks.checkFast(s) && checks.checkFast(p) && checks.checkFast(o)
            let objectAttribute: TermID
            switch terms.kind(o) {
            case .typedLiteral: objectAttribute = terms.extra(o)
            case .iri: objectAttribute = o
            default: objectAttribute = s  // nothing more to check: a language tag or rdf:nodeID
            }
            let attributesKnown = attributeChecked[TermStore.index(s)] && attributeChecked[TermStore.index(objectAttribute)]
            if clean && splitKnown[TermStore.index(p)] && attributesKnown { continue }
            func triple() -> Triple { Triple(subject: terms.term(s), predicate: terms.iri(p), object: terms.term(o)) }
            if !attributesKnown {
                if terms.kind(s) == .iri && Self.mayHaveDotSegment(terms.bytes(s))
                    || terms.kind(objectAttribute) == .iri && Self.mayHaveDotSegment(terms.bytes(objectAttribute)) {
                    try Self.checkAttributeIRIs(triple())
                }
                attributeChecked[TermStore.index(s)] = true
                attributeChecked[TermStore.index(objectAttribute)] = true
            }
            if !clean {
                let triple = triple()
                try TermChecks.check(triple, format: "RDF/XML")
                try Self.checkCharacters(triple)
                for id in [s, p, o] { checks.markClean(id) }
            }
            if predicateSplits[p] == nil {
                let split = try Self.propertyName(triple(), &names)
                predicateSplits[p] = split
                splitKnown[TermStore.index(p)] = true
                names.use(split.namespace)
            }
        }
        splitKnown = []

        // Pass 2: the order of the document, and the typed node element of each subject.
        let layout = CanonicalLayout(graph)
        let rdfType = terms.find(.iri, Vocabulary.rdfType.value)
        var typeSplits: [TermID: XMLQualifiedNames.Split?] = [:]
        var nodeTypes = [Int32](repeating: -1, count: layout.subjects.count)
        if let rdfType {
            for group in 0..<layout.subjects.count {
                for position in layout.groupStarts[group]..<layout.groupStarts[group + 1] {
                    let index = Int(layout.order[position])
                    guard table.predicate(index) == rdfType else { continue }
                    let type = table.object(index)
                    guard terms.kind(type) == .iri else { continue }
                    let split: XMLQualifiedNames.Split?
                    if let known = typeSplits[type] {
                        split = known
                    } else {
                        let iri = terms.iri(type)
                        split = Self.mayNameNodeElement(iri) ? names.split(iri) : nil
                        typeSplits[type] = split
                    }
                    guard let split else { continue }
                    names.use(split.namespace)
                    nodeTypes[group] = Int32(index)
                    break
                }
            }
        }
        names.assignPrefixes()

        // Pass 3: stream.
        do {
            // Element names by predicate rank (the layout's numbering of predicates).
            var elementNames: [PreparedXMLName] = []
            for predicate in layout.predicates {
                guard let split = predicateSplits[predicate] else {
                    throw XMLWriteError("no element name was planned for <\(terms.string(predicate))>")
                }
                elementNames.append(PreparedXMLName(try Self.qualifiedName(split, names)))
            }
            var typeNames: [TermID: PreparedXMLName] = [:]
            for (type, split) in typeSplits { if let split { typeNames[type] = PreparedXMLName(try Self.qualifiedName(split, names)) } }
            let plan = StreamPlan(layout: layout, nodeTypes: nodeTypes, elementNames: elementNames, typeNames: typeNames,
                                  xsdString: terms.find(.iri, Vocabulary.xsdString.value))
            try stream(plan, names: names, to: sink)
        } catch {
            throw .xmlWriting(error, output: "RDF/XML output")
        }
    }

    /// What pass 3 needs: the order, the typed node elements and the prepared element names.
    private struct StreamPlan {
        let layout: CanonicalLayout
        /// The triple index of each subject's typed node element, or -1.
        let nodeTypes: [Int32]
        /// Element name of each predicate, by the layout's predicate rank.
        let elementNames: [PreparedXMLName]
        let typeNames: [TermID: PreparedXMLName]
        let xsdString: TermID?
    }

    /// Names of the RDF/XML syntax, prepared once.
    enum Syntax {
        static let description = PreparedXMLName("rdf:Description")
        static let about = PreparedXMLName("rdf:about")
        static let nodeID = PreparedXMLName("rdf:nodeID")
        static let resource = PreparedXMLName("rdf:resource")
        static let datatype = PreparedXMLName("rdf:datatype")
        static let language = PreparedXMLName("xml:lang")
    }

    /// How much output to gather before handing it to the sink.
    public static let drainThreshold = 1 << 18

    private func stream(_ plan: StreamPlan, names: XMLQualifiedNames, to sink: some ByteSink) throws {
        let layout = plan.layout, terms = layout.terms, table = layout.table
        let writer = try XMLStreamWriter(indent: indent)
        try writer.startDocument()
        try writer.startElement("rdf:RDF")
        for declaration in names.declarations {
            try writer.writeAttribute("xmlns:" + declaration.prefix, declaration.namespace)
        }
        try writer.drain(into: sink)
        for group in 0..<layout.subjects.count {
            let subject = layout.subjects[group]
            let typeIndex = Int(plan.nodeTypes[group])
            if typeIndex >= 0, let name = plan.typeNames[table.object(typeIndex)] {
                try writer.startElement(name)
            } else {
                try writer.startElement(Syntax.description)
            }
            if terms.kind(subject) == .blank {
                try layout.blankLabel(subject).withUnsafeBufferPointer { label throws(XMLWriteError) in
                    try writer.writeAttribute(Syntax.nodeID, utf8: label)
                }
            } else {
                try writer.writeAttribute(Syntax.about, utf8: terms.bytes(subject))
            }
            for position in layout.groupStarts[group]..<layout.groupStarts[group + 1] {
                let index = Int(layout.order[position])
                if index == typeIndex { continue }
                // Each property element is one leaf: written in one piece (same bytes).
                let name = plan.elementNames[Int(layout.predicateRank[TermStore.index(table.predicate(index))])]
                let object = table.object(index)
                switch terms.kind(object) {
                case .iri, .languageTag:
                    try writer.writeLeaf(name, attribute: Syntax.resource, value: terms.bytes(object), text: nil)
                case .blank:
                    try layout.blankLabel(object).withUnsafeBufferPointer { label throws(XMLWriteError) in
                        try writer.writeLeaf(name, attribute: Syntax.nodeID, value: label, text: nil)
                    }
                case .languageLiteral:
                    let text = terms.bytes(object)
                    try writer.writeLeaf(name, attribute: Syntax.language, value: terms.bytes(terms.extra(object)),
                                         text: text.isEmpty ? nil : text)
                case .typedLiteral:
                    let datatype = terms.extra(object)
                    let text = terms.bytes(object)
                    try writer.writeLeaf(name, attribute: datatype != plan.xsdString ? Syntax.datatype : nil,
                                         value: datatype != plan.xsdString ? terms.bytes(datatype) : UnsafeBufferPointer(start: nil, count: 0),
                                         text: text.isEmpty ? nil : text)
                }
            }
            try writer.endElement()
            if writer.pendingByteCount >= Self.drainThreshold { try writer.drain(into: sink) }
        }
        try writer.endDocument()
        try writer.drain(into: sink)
    }

    static func qualifiedName(_ split: XMLQualifiedNames.Split, _ names: XMLQualifiedNames) throws(XMLWriteError) -> String {
        guard let name = names.qualifiedName(split) else {
            throw XMLWriteError("no prefix was declared for the namespace <\(split.namespace)>")
        }
        return name
    }

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

    /// Refuses IRIs that would not read back as themselves from `rdf:about`, `rdf:resource` or
    /// `rdf:datatype`: readers resolve those attributes against the base IRI (RFC 3986 section
    /// 5.2), and resolving even an absolute reference removes its dot segments, so
    /// `http://example.org/a/../b` would come back as `http://example.org/b`.
    private static func checkAttributeIRIs(_ triple: Triple) throws(WriteError) {
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
}
