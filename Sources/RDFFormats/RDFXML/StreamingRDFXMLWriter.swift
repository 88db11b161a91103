public import KnowledgeGraph
import XMLSupport

/// Converts N-Triples to RDF/XML in bounded memory, whatever the size of the input.
///
/// Unlike ``RDFXMLWriter``, it neither sorts nor groups across the file: it reads the file
/// twice — first to check every triple and find the namespaces the root element must declare,
/// then to write — and groups only **consecutive** triples of the same subject into one node
/// element (at most ``maximumGroupSize`` triples each; a subject whose triples are not
/// consecutive gets several node elements). The document is valid RDF/XML and the same graph
/// as the input, but its layout follows the input's order, so two inputs with the same triples
/// in different orders give different bytes; use ``RDFXMLWriter`` for canonical output.
///
/// Otherwise the document follows ``RDFXMLWriter``'s rules: prefixes are declared once on
/// `rdf:RDF` (`ns1`, `ns2`, … for namespaces without a preferred prefix), the first `rdf:type`
/// of a group whose IRI splits names the node element, literals carry `xml:lang` or
/// `rdf:datatype`, and the same graphs are refused with the same messages, before anything is
/// written. Blank nodes are `rdf:nodeID="b…"` followed by the hexadecimal UTF-8 of the input's
/// label: unique, always an XML name, and needing no table of labels.
public struct StreamingRDFXMLWriter: Sendable {
    /// Prefixes to prefer; `rdf`, `rdfs`, `xsd` and `owl` are added when missing.
    public var prefixes: PrefixMap
    /// Whether elements go on their own, indented lines.
    public var indent: Bool

    /// The most triples one node element holds; longer runs of one subject are split.
    public static let maximumGroupSize = 4_096

    public init(prefixes: PrefixMap = PrefixMap(), indent: Bool = true) {
        self.prefixes = prefixes
        self.indent = indent
    }

    /// Converts the N-Triples file at `path` (a file: it is read twice) into `sink`.
    /// - Parameter progress: called after each chunk with the pass (1 or 2), the bytes read in
    ///   that pass and the file's size; and once with pass 2 and 0 bytes when the first pass ends.
    /// - Throws: ``StreamingError/input(_:)`` for malformed input (nothing is written then),
    ///   ``StreamingError/write(_:)`` for a graph RDF/XML cannot express (also before anything
    ///   is written) or a failing sink.
    public func convert(nTriplesAt path: String, to sink: some ByteSink, chunkSize: Int = LineChunkReader.defaultChunkSize,
                        progress: ((_ pass: Int, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil) throws(StreamingError) {
        var preferred = prefixes
        for entry in PrefixMap.standard.entries { preferred.add(prefix: entry.prefix, namespace: entry.namespace) }
        var plan = ElementNamePlanner(names: XMLQualifiedNames(preferred: preferred))
        let stream = NTriplesStream(path: path, chunkSize: chunkSize)

        // Pass 1: check every triple; collect the namespaces of element names.
        try stream.forEach(progress: { progress?(1, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
            try plan.check(s, p, o)
        }
        plan.names.assignPrefixes()

        // Pass 2: write.
        progress?(2, 0, nil)
        do {
            let writer = try XMLStreamWriter(indent: indent)
            var output = GroupWriter(writer: writer, plan: plan)
            try RDFXMLSyntax.startDocument(declaring: plan.names, writer)
            try stream.forEach(progress: { progress?(2, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
                do { try output.add(s, p, o, sink: sink) } catch { throw Self.writeError(error) }
            }
            try output.flush(sink: sink)
            try writer.endDocument()
            try writer.drain(into: sink)
        } catch let error as StreamingError {
            throw error
        } catch {
            throw .write(Self.writeError(error))
        }
    }

    static func writeError(_ error: any Error) -> WriteError { .xmlWriting(error, output: "RDF/XML output") }
}

/// Pass 1: checks and element-name planning, with the grouping pass 2 will use.
private struct ElementNamePlanner {
    var names: XMLQualifiedNames
    var predicateSplits = BytesMap<XMLQualifiedNames.Split>()
    var typeSplits = BytesMap<XMLQualifiedNames.Split?>()
    private var group = GroupTracker()
    static let rdfType = Array(Vocabulary.rdfType.value.utf8)

    init(names: XMLQualifiedNames) {
        self.names = names
    }

    mutating func check(_ s: RawTerm, _ p: RawTerm, _ o: RawTerm) throws(WriteError) {
        if !(isXMLClean(s.bytes) && isXMLClean(p.bytes) && isXMLClean(o.bytes) && isXMLClean(o.datatype) && isXMLClean(o.language)) {
            try RDFXMLSyntax.checkCharacters(Triple(subject: s.term, predicate: IRI(unchecked: String(decoding: p.bytes, as: UTF8.self)),
                                                    object: o.term))
        }
        if predicateSplits.value(for: p.bytes) == nil {
            let triple = Triple(subject: s.term, predicate: IRI(unchecked: String(decoding: p.bytes, as: UTF8.self)), object: o.term)
            let split = try RDFXMLSyntax.propertyName(triple, &names)
            names.use(split.namespace)
            predicateSplits.set(split, for: p.bytes)
        }
        if group.startsNewGroup(s) { group.typed = false }
        if !group.typed, o.kind == .iri, bytesEqual(Self.rdfType, p.bytes), let split = typeSplit(o.bytes) {
            names.use(split.namespace)
            group.typed = true
        }
    }

    /// The split of a type IRI that may name a node element, or nil.
    mutating func typeSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> XMLQualifiedNames.Split? {
        if let known = typeSplits.value(for: bytes) { return known }
        let iri = IRI(unchecked: String(decoding: bytes, as: UTF8.self))
        let split = RDFXMLSyntax.mayNameNodeElement(iri) ? names.split(iri) : nil
        typeSplits.set(split, for: bytes)
        return split
    }

    @inline(__always)
    private func isXMLClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        XMLCharacters.isAllowed(utf8: bytes)
    }
}

/// Where one group (a run of triples of one subject) ends; the same in both passes.
private struct GroupTracker {
    private var subject: [UInt8] = []
    private var subjectKind = TermKind.iri
    private var size = 0
    private var started = false
    /// Whether the group already has its node element's type (pass 1).
    var typed = false

    /// Notes the triple's subject; true when it starts a new group.
    mutating func startsNewGroup(_ s: RawTerm) -> Bool {
        if started && size < StreamingRDFXMLWriter.maximumGroupSize && s.kind == subjectKind && bytesEqual(subject, s.bytes) {
            size += 1
            return false
        }
        started = true
        subject.removeAll(keepingCapacity: true)
        subject.append(contentsOf: s.bytes)
        subjectKind = s.kind
        size = 1
        return true
    }
}

/// Pass 2: buffers one group and writes it as a node element.
private struct GroupWriter {
    let writer: XMLStreamWriter
    var plan: ElementNamePlanner
    private var tracker = GroupTracker()
    /// The group's subject and triples, as bytes: each part is (start, end) in `bytes`.
    private var subject: (kind: TermKind, start: Int, end: Int) = (.iri, 0, 0)
    private var triples: [(predicate: Range<Int>, kind: TermKind, object: Range<Int>, datatype: Range<Int>, language: Range<Int>)] = []
    private var bytes: [UInt8] = []
    private var typeIndex = -1
    private var elementNames = BytesMap<PreparedXMLName>()
    private var typeNames = BytesMap<PreparedXMLName>()
    /// The `rdf:nodeID` of the blank node being written.
    private var nodeID: [UInt8] = []
    private static let xsdString = Array(Vocabulary.xsdString.value.utf8)

    init(writer: XMLStreamWriter, plan: ElementNamePlanner) {
        self.writer = writer
        self.plan = plan
    }

    private mutating func store(_ part: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: part)
        return start..<bytes.count
    }

    mutating func add(_ s: RawTerm, _ p: RawTerm, _ o: RawTerm, sink: some ByteSink) throws {
        if tracker.startsNewGroup(s) {
            try flush(sink: sink)
            let range = store(s.bytes)
            subject = (s.kind, range.lowerBound, range.upperBound)
        }
        if typeIndex < 0, o.kind == .iri, bytesEqual(ElementNamePlanner.rdfType, p.bytes), plan.typeSplit(o.bytes) != nil {
            typeIndex = triples.count
        }
        triples.append((store(p.bytes), o.kind, store(o.bytes), store(o.datatype), store(o.language)))
    }

    mutating func flush(sink: some ByteSink) throws {
        guard !triples.isEmpty else { return }
        let writer = self.writer
        try bytes.withUnsafeBufferPointer { buffer in
            func part(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[range]) }
            let typeName = typeIndex >= 0 ? try typeName(part(triples[typeIndex].object)) : nil
            let subjectBytes = part(subject.start..<subject.end)
            if subject.kind == .blank {
                try withNodeID(subjectBytes) { label throws(XMLWriteError) in
                    try RDFXMLSyntax.startNodeElement(typeName, about: .nodeID(label), writer)
                }
            } else {
                try RDFXMLSyntax.startNodeElement(typeName, about: .iri(subjectBytes), writer)
            }
            for (index, triple) in triples.enumerated() where index != typeIndex {
                let name = try elementName(part(triple.predicate))
                let object = part(triple.object)
                switch triple.kind {
                case .iri, .languageTag:
                    try RDFXMLSyntax.writePropertyElement(name, .node(.iri(object)), writer)
                case .blank:
                    try withNodeID(object) { label throws(XMLWriteError) in
                        try RDFXMLSyntax.writePropertyElement(name, .node(.nodeID(label)), writer)
                    }
                case .languageLiteral:
                    try RDFXMLSyntax.writePropertyElement(name, .literal(object, language: part(triple.language), datatype: nil), writer)
                case .typedLiteral:
                    let datatype = part(triple.datatype)
                    let written = datatype.isEmpty || bytesEqual(Self.xsdString, datatype) ? nil : datatype
                    try RDFXMLSyntax.writePropertyElement(name, .literal(object, language: nil, datatype: written), writer)
                }
            }
            try writer.endElement()
        }
        triples.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        typeIndex = -1
        if writer.pendingByteCount >= RDFXMLSyntax.drainThreshold { try writer.drain(into: sink) }
    }

    private mutating func elementName(_ predicate: UnsafeBufferPointer<UInt8>) throws -> PreparedXMLName {
        if let known = elementNames.value(for: predicate) { return known }
        let iri = IRI(unchecked: String(decoding: predicate, as: UTF8.self))
        guard let split = plan.predicateSplits.value(for: predicate) ?? plan.names.split(iri) else {
            throw XMLWriteError("the input changed between the two passes: no element name for <\(iri.value)>")
        }
        let name = PreparedXMLName(try RDFXMLSyntax.qualifiedName(split, plan.names))
        elementNames.set(name, for: predicate)
        return name
    }

    private mutating func typeName(_ type: UnsafeBufferPointer<UInt8>) throws -> PreparedXMLName? {
        if let known = typeNames.value(for: type) { return known }
        guard let split = plan.typeSplit(type) else { return nil }
        let name = PreparedXMLName(try RDFXMLSyntax.qualifiedName(split, plan.names))
        typeNames.set(name, for: type)
        return name
    }

    /// Calls `body` with the `rdf:nodeID` of a blank node: `b` and the hexadecimal UTF-8 of the
    /// input's label, an NCName, one per label.
    private mutating func withNodeID(_ label: UnsafeBufferPointer<UInt8>,
                                     _ body: (UnsafeBufferPointer<UInt8>) throws(XMLWriteError) -> Void) throws(XMLWriteError) {
        nodeID.removeAll(keepingCapacity: true)
        nodeID.append(UInt8(ascii: "b"))
        for byte in label {
            nodeID.append(NTriplesSyntax.hexDigit(byte >> 4) | 0x20)
            nodeID.append(NTriplesSyntax.hexDigit(byte & 0xF) | 0x20)
        }
        try nodeID.withUnsafeBufferPointer(body)
    }
}
