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
    public static let reservedNames = RDFXMLSyntax.reservedNames

    /// How much output to gather before handing it to the sink.
    public static let drainThreshold = RDFXMLSyntax.drainThreshold

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
                if terms.kind(s) == .iri && RDFXMLSyntax.mayHaveDotSegment(terms.bytes(s))
                    || terms.kind(objectAttribute) == .iri && RDFXMLSyntax.mayHaveDotSegment(terms.bytes(objectAttribute)) {
                    try RDFXMLSyntax.checkAttributeIRIs(triple())
                }
                attributeChecked[TermStore.index(s)] = true
                attributeChecked[TermStore.index(objectAttribute)] = true
            }
            if !clean {
                let triple = triple()
                try TermChecks.check(triple, format: "RDF/XML")
                try RDFXMLSyntax.checkCharacters(triple)
                for id in [s, p, o] { checks.markClean(id) }
            }
            if predicateSplits[p] == nil {
                let split = try RDFXMLSyntax.propertyName(triple(), &names)
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
                        split = RDFXMLSyntax.mayNameNodeElement(iri) ? names.split(iri) : nil
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
                elementNames.append(PreparedXMLName(try RDFXMLSyntax.qualifiedName(split, names)))
            }
            var typeNames: [TermID: PreparedXMLName] = [:]
            for (type, split) in typeSplits { if let split { typeNames[type] = PreparedXMLName(try RDFXMLSyntax.qualifiedName(split, names)) } }
            let plan = DocumentPlan(layout: layout, nodeTypes: nodeTypes, elementNames: elementNames, typeNames: typeNames,
                                    xsdString: terms.find(.iri, Vocabulary.xsdString.value))
            try stream(plan, names: names, to: sink)
        } catch {
            throw .xmlWriting(error, output: "RDF/XML output")
        }
    }

    /// What pass 3 needs: the order, the typed node elements and the prepared element names.
    private struct DocumentPlan {
        let layout: CanonicalLayout
        /// The triple index of each subject's typed node element, or -1.
        let nodeTypes: [Int32]
        /// Element name of each predicate, by the layout's predicate rank.
        let elementNames: [PreparedXMLName]
        let typeNames: [TermID: PreparedXMLName]
        let xsdString: TermID?
    }

    private func stream(_ plan: DocumentPlan, names: XMLQualifiedNames, to sink: some ByteSink) throws {
        let layout = plan.layout, terms = layout.terms, table = layout.table
        let writer = try XMLStreamWriter(indent: indent)
        try RDFXMLSyntax.startDocument(declaring: names, writer)
        try writer.drain(into: sink)
        for group in 0..<layout.subjects.count {
            let subject = layout.subjects[group]
            let typeIndex = Int(plan.nodeTypes[group])
            let typeName = typeIndex >= 0 ? plan.typeNames[table.object(typeIndex)] : nil
            if terms.kind(subject) == .blank {
                try layout.blankLabel(subject).withUnsafeBufferPointer { label throws(XMLWriteError) in
                    try RDFXMLSyntax.startNodeElement(typeName, about: .nodeID(label), writer)
                }
            } else {
                try RDFXMLSyntax.startNodeElement(typeName, about: .iri(terms.bytes(subject)), writer)
            }
            for position in layout.groupStarts[group]..<layout.groupStarts[group + 1] {
                let index = Int(layout.order[position])
                if index == typeIndex { continue }
                let name = plan.elementNames[Int(layout.predicateRank[TermStore.index(table.predicate(index))])]
                let object = table.object(index)
                switch terms.kind(object) {
                case .iri, .languageTag:
                    try RDFXMLSyntax.writePropertyElement(name, .node(.iri(terms.bytes(object))), writer)
                case .blank:
                    try layout.blankLabel(object).withUnsafeBufferPointer { label throws(XMLWriteError) in
                        try RDFXMLSyntax.writePropertyElement(name, .node(.nodeID(label)), writer)
                    }
                case .languageLiteral:
                    try RDFXMLSyntax.writePropertyElement(
                        name, .literal(terms.bytes(object), language: terms.bytes(terms.extra(object)), datatype: nil), writer)
                case .typedLiteral:
                    let datatype = terms.extra(object)
                    try RDFXMLSyntax.writePropertyElement(
                        name, .literal(terms.bytes(object), language: nil,
                                       datatype: datatype != plan.xsdString ? terms.bytes(datatype) : nil), writer)
                }
            }
            try writer.endElement()
            if writer.pendingByteCount >= RDFXMLSyntax.drainThreshold { try writer.drain(into: sink) }
        }
        try writer.endDocument()
        try writer.drain(into: sink)
    }
}
