#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import KnowledgeGraph
public import RDFFormats
import XMLSupport

/// Converts N-Triples to plain GraphML in bounded memory, whatever the size of the input.
///
/// The document has the keys, nodes, attributes and edges of ``GraphMLWriter``'s output for the
/// same graph (the projection's rules for key names, types, lists, labels; networkx and igraph
/// read the same nodes, edges and values), with two differences that a bounded memory imposes:
/// - **node ids** are the whole IRI made an XML name (every byte other than ASCII letters,
///   digits, `.`, `-` and `:` written `_` and two hexadecimal digits; blank nodes `_:` and their
///   label so escaped), because the projection's short ids (local names, prefixed on a clash)
///   need every node in memory; the `iri` attribute is the same;
/// - **edges** are numbered in input order, not in sorted order.
///
/// How: the input is read three times. First every triple is checked and what makes nodes
/// (types, literals, mentions) goes to an external sort (``ExternalSorter``: sorted runs in
/// temporary files beside the output, merged), while the keys' vocabulary is counted; a merge
/// then finds which keys hold several values on some node, so every `<key>` can be written
/// first; a second merge writes the nodes in IRI order; a last pass over the input writes the
/// edges. Memory: the sort buffer (4 MiB), 32 KiB per run while merging, one node's values,
/// and the distinct properties, datatypes, languages and type sets.
///
/// Refused, before anything is written: what the projection refuses (a character XML 1.0
/// forbids), naming the first such triple in input order. Values that do not fit their
/// GraphML type make their key a string, with the projection's note.
public struct StreamingGraphMLWriter {
    /// Where the sort's temporary files go (the output's folder, so they use its disk).
    public var temporaryFolder: String
    /// The sort buffer's size.
    public var sortMemory: Int

    public init(temporaryFolder: String, sortMemory: Int = 4 << 20) {
        self.temporaryFolder = temporaryFolder
        self.sortMemory = sortMemory
    }

    /// Converts the N-Triples file at `path` into `sink`; returns the projection's notes.
    /// - Parameter progress: called after each chunk of input with the pass (1: checking and
    ///   sorting, 2: edges) and the bytes read; once with pass 2 and 0 bytes when the first pass
    ///   ends (the merges and the nodes follow, then the edges).
    public func convert(nTriplesAt path: String, to sink: some ByteSink, chunkSize: Int = 1 << 20,
                        progress: ((_ pass: Int, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil) throws(StreamingError) -> [Diagnostic] {
        let projection = PropertyGraphProjection()
        let prefixes = projection.prefixes(for: Graph())
        let sorter = ExternalSorter(folder: temporaryFolder, memoryLimit: sortMemory)
        var census = Census()
        let stream = NTriplesStream(path: path, chunkSize: chunkSize)

        // Pass 1: check; sort what makes nodes; count the vocabulary.
        try stream.forEach(progress: { progress?(1, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
            try census.add(s, p, o, sorter: sorter)
        }
        progress?(2, 0, nil)

        do {
            // Which keys some node has several values of, and whether some node has several types.
            try sorter.forEachSorted { record in census.noteForLists(record) }
            census.finishNode()
            let plan = try census.plan(projection: projection, prefixes: prefixes)

            let xml = try XMLStreamWriter(indent: true)
            try GraphMLWriter.startDocument(keys: plan.keys, xml)

            // Nodes, in the sort's order (IRIs by bytes, then blank nodes).
            var nodeWriter = NodeWriter(plan: plan, xml: xml)
            try sorter.forEachSorted { record in try nodeWriter.add(record, sink: sink) }
            try nodeWriter.finish(sink: sink)

            // Edges, in input order.
            var edgeWriter = EdgeWriter(plan: plan, xml: xml)
            try stream.forEach(progress: { progress?(2, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
                do { try edgeWriter.add(s, p, o, sink: sink) } catch { throw Self.writeError(error) }
            }
            try xml.endDocument()
            try xml.drain(into: sink)
            return plan.notes
        } catch let error as StreamingError {
            throw error
        } catch {
            throw .write(Self.writeError(error))
        }
    }

    static func writeError(_ error: any Error) -> WriteError { .xmlWriting(error, output: "GraphML output") }

    /// The node id of an IRI or blank node label: an XML name, one per term.
    static func appendNodeID(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        if kind == Record.blank { output.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":")]) }
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A:
                output.append(byte)
            default:
                output.append(UInt8(ascii: "_"))
                output.append(NTriplesSyntax.hexDigit(byte >> 4))
                output.append(NTriplesSyntax.hexDigit(byte & 0xF))
            }
        }
    }
}

/// The sorted records: a node key — kind (1 IRI, 2 blank node), the term's bytes, 0 — then a
/// tag and its payload: 0 the node is mentioned; 1 a type IRI; 2 a literal: predicate, 0,
/// 1 (datatype) or 2 (language), the datatype or tag, 0, the lexical form. (No part holds a 0:
/// IRIs and tags cannot, and a literal with U+0000 is refused as XML-forbidden first.)
enum Record {
    static let iri: UInt8 = 1
    static let blank: UInt8 = 2
    static let mention: UInt8 = 0
    static let type: UInt8 = 1
    static let literal: UInt8 = 2

    /// The node part and the rest of a record.
    static func split(_ record: UnsafeBufferPointer<UInt8>) -> (kind: UInt8, node: UnsafeBufferPointer<UInt8>, tag: UInt8, payload: UnsafeBufferPointer<UInt8>) {
        var end = 1
        while record[end] != 0 { end += 1 }
        let node = UnsafeBufferPointer(rebasing: record[1..<end])
        let tag = record[end + 1]
        return (record[0], node, tag, UnsafeBufferPointer(rebasing: record[(end + 2)...]))
    }

    /// A literal payload's parts.
    static func literal(_ payload: UnsafeBufferPointer<UInt8>) -> (predicate: UnsafeBufferPointer<UInt8>, tagged: Bool,
                                                                   qualifier: UnsafeBufferPointer<UInt8>, lexical: UnsafeBufferPointer<UInt8>) {
        var first = 0
        while payload[first] != 0 { first += 1 }
        var second = first + 2
        while payload[second] != 0 { second += 1 }
        return (UnsafeBufferPointer(rebasing: payload[0..<first]), payload[first + 1] == 2,
                UnsafeBufferPointer(rebasing: payload[(first + 2)..<second]), UnsafeBufferPointer(rebasing: payload[(second + 1)...]))
    }

    /// The key of a literal's attribute group: predicate, 0, 1 and the datatype, or 2 and the
    /// lowercased language tag (tags compare case-insensitively).
    static func appendGroupKey(predicate: UnsafeBufferPointer<UInt8>, tagged: Bool, qualifier: UnsafeBufferPointer<UInt8>,
                               to output: inout [UInt8]) {
        output.append(contentsOf: predicate)
        output.append(0)
        output.append(tagged ? 2 : 1)
        if tagged {
            for byte in qualifier { output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        } else {
            output.append(contentsOf: qualifier)
        }
    }
}

/// The keys, labels and values every node and edge needs, worked out before writing.
struct StreamPlan {
    var keys: [AttributeKey]
    var notes: [Diagnostic]
    var reserved: [String]
    /// Attribute (index into the literal keys, in key order) of each group, by group key.
    var attributeOfGroup: BytesMapBox<Int>
    var literalKeys: [AttributeKey]
    var typeList: Bool
    var edgeLabels: BytesMapBox<[UInt8]>
}

/// A ``BytesMap`` in a class, so plans can share it.
final class BytesMapBox<Value> {
    var map = BytesMap<Value>(limit: Int.max)
}

/// Pass 1 and the first merge: checks, sort records, vocabulary.
private struct Census {
    struct Group {
        var literalGroup: PropertyGraphProjection.LiteralGroup
        var count = 0
        var preferred: AttributeKey.ValueType
        var multiValued = false
        /// The smallest value that does not fit the preferred type, if any.
        var worst: Literal?
    }

    var groups: [Group] = []
    var groupIndex = BytesMap<Int>(limit: Int.max)
    var linkPredicates = BytesMap<Int>(limit: Int.max)
    var linkPredicateList: [[UInt8]] = []
    var typed = false
    var anyIRINode = false
    var typeList = false
    private var lastSubject: [UInt8] = []
    private var lastSubjectKind: UInt8 = 0
    private var scratch: [UInt8] = []
    static let rdfType = Array(Vocabulary.rdfType.value.utf8)

    mutating func add(_ s: RawTerm, _ p: RawTerm, _ o: RawTerm, sorter: ExternalSorter) throws(WriteError) {
        if !(GraphMLConventions.isXMLClean(s.bytes) && GraphMLConventions.isXMLClean(p.bytes)
             && (o.kind == .blank || GraphMLConventions.isXMLClean(o.bytes))) {
            try GraphMLConventions.checkCharacters(Triple(subject: s.term, predicate: IRI(unchecked: String(decoding: p.bytes, as: UTF8.self)),
                                                               object: o.term))
        }
        let subjectKind = s.kind == .blank ? Record.blank : Record.iri
        if subjectKind == Record.iri { anyIRINode = true }
        do throws(OutputError) {
            if subjectKind != lastSubjectKind || !bytesEqual(lastSubject, s.bytes) {
                lastSubject.removeAll(keepingCapacity: true)
                lastSubject.append(contentsOf: s.bytes)
                lastSubjectKind = subjectKind
                try sorter.add { Self.appendKey(subjectKind, s.bytes, tag: Record.mention, to: &$0) }
            }
            switch o.kind {
            case .typedLiteral, .languageLiteral:
                let tagged = o.kind == .languageLiteral
                if tagged || !o.datatype.isEmpty {
                    try addLiteral(subjectKind, s, p, o, qualifier: tagged ? o.language : o.datatype, sorter: sorter)
                } else {
                    try Self.xsdString.withUnsafeBufferPointer { (qualifier: UnsafeBufferPointer<UInt8>) throws(OutputError) in
                        try addLiteral(subjectKind, s, p, o, qualifier: qualifier, sorter: sorter)
                    }
                }
            case .iri where bytesEqual(Self.rdfType, p.bytes):
                typed = true
                try sorter.add { output in
                    Self.appendKey(subjectKind, s.bytes, tag: Record.type, to: &output)
                    output.append(contentsOf: o.bytes)
                }
            default:
                let objectKind = o.kind == .blank ? Record.blank : Record.iri
                if objectKind == Record.iri { anyIRINode = true }
                try sorter.add { Self.appendKey(objectKind, o.bytes, tag: Record.mention, to: &$0) }
                if linkPredicates.value(for: p.bytes) == nil {
                    linkPredicates.set(linkPredicateList.count, for: p.bytes)
                    linkPredicateList.append(Array(p.bytes))
                }
            }
        } catch {
            throw .output(error)
        }
    }

    static let xsdString = Array(Vocabulary.xsdString.value.utf8)

    private mutating func addLiteral(_ subjectKind: UInt8, _ s: RawTerm, _ p: RawTerm, _ o: RawTerm,
                                     qualifier: UnsafeBufferPointer<UInt8>, sorter: ExternalSorter) throws(OutputError) {
        let tagged = o.kind == .languageLiteral
        try noteLiteral(predicate: p.bytes, tagged: tagged, qualifier: qualifier, lexical: o.bytes)
        try sorter.add { output in
            Self.appendKey(subjectKind, s.bytes, tag: Record.literal, to: &output)
            output.append(contentsOf: p.bytes)
            output.append(0)
            output.append(tagged ? 2 : 1)
            output.append(contentsOf: qualifier)
            output.append(0)
            output.append(contentsOf: o.bytes)
        }
    }

    static func appendKey(_ kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, tag: UInt8, to output: inout [UInt8]) {
        output.append(kind)
        output.append(contentsOf: bytes)
        output.append(0)
        output.append(tag)
    }

    private mutating func noteLiteral(predicate: UnsafeBufferPointer<UInt8>, tagged: Bool, qualifier: UnsafeBufferPointer<UInt8>,
                                      lexical: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        scratch.removeAll(keepingCapacity: true)
        Record.appendGroupKey(predicate: predicate, tagged: tagged, qualifier: qualifier, to: &scratch)
        let index: Int = scratch.withUnsafeBufferPointer { key in
            if let known = groupIndex.value(for: key) { return known }
            let iri = IRI(unchecked: String(decoding: predicate, as: UTF8.self))
            let text = String(decoding: qualifier, as: UTF8.self)
            let group = tagged
                ? PropertyGraphProjection.LiteralGroup(iri, Literal(unchecked: "", datatype: Vocabulary.rdfLangString, language: text))
                : PropertyGraphProjection.LiteralGroup(iri, datatype: IRI(unchecked: text))
            groups.append(Group(literalGroup: group, preferred: group.datatype.map(LiteralTyping.preferredType) ?? .string))
            groupIndex.set(groups.count - 1, for: key)
            return groups.count - 1
        }
        groups[index].count += 1
        let preferred = groups[index].preferred
        if preferred != .string {
            let literal = Literal(unchecked: String(decoding: lexical, as: UTF8.self),
                                  datatype: IRI(unchecked: String(decoding: qualifier, as: UTF8.self)), language: nil)
            if LiteralTyping.text(of: literal, as: preferred) == nil, groups[index].worst.map({ literal < $0 }) ?? true {
                groups[index].worst = literal
            }
        }
    }

    // MARK: - First merge

    private var currentNode: [UInt8] = []
    private var currentKind: UInt8 = 0
    private var typesOfNode = 0
    private var groupsOfNode: [Int] = []

    /// Notes, node by node, which groups have several values on one node and whether one has several types.
    mutating func noteForLists(_ record: UnsafeBufferPointer<UInt8>) {
        let parts = Record.split(record)
        if parts.kind != currentKind || !bytesEqual(currentNode, parts.node) {
            finishNode()
            currentKind = parts.kind
            currentNode.removeAll(keepingCapacity: true)
            currentNode.append(contentsOf: parts.node)
        }
        switch parts.tag {
        case Record.type:
            typesOfNode += 1
        case Record.literal:
            let literal = Record.literal(parts.payload)
            scratch.removeAll(keepingCapacity: true)
            Record.appendGroupKey(predicate: literal.predicate, tagged: literal.tagged, qualifier: literal.qualifier, to: &scratch)
            if let group = scratch.withUnsafeBufferPointer({ groupIndex.value(for: $0) }) { groupsOfNode.append(group) }
        default:
            break
        }
    }

    mutating func finishNode() {
        if typesOfNode > 1 { typeList = true }
        if groupsOfNode.count > 1 {
            groupsOfNode.sort()
            for index in 1..<groupsOfNode.count where groupsOfNode[index] == groupsOfNode[index - 1] {
                groups[groupsOfNode[index]].multiValued = true
            }
        }
        typesOfNode = 0
        groupsOfNode.removeAll(keepingCapacity: true)
    }

    /// The keys, in the projection's order and with its names, and what writing needs.
    func plan(projection: PropertyGraphProjection, prefixes: PrefixMap) throws -> StreamPlan {
        let order = groups.indices.sorted { groups[$0].literalGroup < groups[$1].literalGroup }
        let sortedGroups = order.map { groups[$0].literalGroup }
        var counts: [PropertyGraphProjection.LiteralGroup: Int] = [:]
        for group in groups { counts[group.literalGroup] = group.count }
        let naming = projection.attributeNaming(groups: sortedGroups, counts: counts, prefixes: prefixes)
        var notes: [Diagnostic] = []
        var types: [PropertyGraphProjection.LiteralGroup: AttributeKey.ValueType] = [:]
        for (position, index) in order.enumerated() {
            let group = groups[index]
            if let worst = group.worst {
                notes.append(Diagnostic(
                    .warning, code: "attribute-as-text",
                    message: "the value \"\(worst.lexicalForm)\" does not fit GraphML's \(group.preferred.rawValue) type unchanged, "
                        + "so the attribute '\(naming.names[position])' is written as text",
                    subject: "property <\(group.literalGroup.predicate.value)>"))
                types[group.literalGroup] = .string
            } else {
                types[group.literalGroup] = group.preferred
            }
        }
        let attributes = projection.attributeKeys(groups: sortedGroups, naming: naming,
                                                  multiValued: Set(groups.filter(\.multiValued).map(\.literalGroup)),
                                                  types: types, prefixes: prefixes)
        let reserved = GraphMLConventions.reservedNodeKeys(anyIRINode: anyIRINode, typed: typed, typeList: typeList)
        let attributeOfGroup = BytesMapBox<Int>()
        var position: [PropertyGraphProjection.LiteralGroup: Int] = [:]
        for (index, attribute) in attributes.enumerated() { position[attribute.group] = index }
        var key: [UInt8] = []
        for group in groups {
            key.removeAll(keepingCapacity: true)
            let group = group.literalGroup
            let qualifier = Array((group.language ?? group.datatype?.value ?? "").utf8)
            qualifier.withUnsafeBufferPointer { qualifier in
                Array(group.predicate.value.utf8).withUnsafeBufferPointer { predicate in
                    Record.appendGroupKey(predicate: predicate, tagged: group.language != nil, qualifier: qualifier, to: &key)
                }
            }
            key.withUnsafeBufferPointer { attributeOfGroup.map.set(position[group] ?? 0, for: $0) }
        }
        let edgeLabels = BytesMapBox<[UInt8]>()
        var edgeKeys: [AttributeKey] = []
        if !linkPredicateList.isEmpty {
            let predicates = linkPredicateList.map { IRI(unchecked: String(decoding: $0, as: UTF8.self)) }
            let labels = PropertyGraphProjection.edgeLabels(for: predicates, prefixes: prefixes)
            for (bytes, iri) in zip(linkPredicateList, predicates) {
                bytes.withUnsafeBufferPointer { edgeLabels.map.set(Array((labels[iri] ?? "").utf8), for: $0) }
            }
            edgeKeys = GraphMLConventions.edgeKeys
        }
        return StreamPlan(keys: reserved + attributes.map(\.key) + edgeKeys, notes: notes, reserved: reserved.map(\.id),
                          attributeOfGroup: attributeOfGroup, literalKeys: attributes.map(\.key), typeList: typeList,
                          edgeLabels: edgeLabels)
    }
}

/// The second merge: one `<node>` per node key, with its values.
private struct NodeWriter {
    let plan: StreamPlan
    let xml: XMLStreamWriter
    private var node: [UInt8] = []
    private var kind: UInt8 = 0
    private var started = false
    private var types: [[UInt8]] = []
    /// The node's literals: attribute index, then the record's literal payload.
    private var literals: [(attribute: Int, payload: [UInt8])] = []
    private var typeTexts = BytesMap<GraphMLConventions.TypeTexts>(limit: 1 << 16)
    private var scratch: [UInt8] = []
    private var id: [UInt8] = []
    private let keyBytes: [[UInt8]]
    private typealias Names = GraphMLConventions.Names

    init(plan: StreamPlan, xml: XMLStreamWriter) {
        self.plan = plan
        self.xml = xml
        keyBytes = plan.literalKeys.map { Array($0.id.utf8) }
    }

    mutating func add(_ record: UnsafeBufferPointer<UInt8>, sink: some ByteSink) throws {
        let parts = Record.split(record)
        if !started || parts.kind != kind || !bytesEqual(node, parts.node) {
            try finish(sink: sink)
            started = true
            kind = parts.kind
            node.removeAll(keepingCapacity: true)
            node.append(contentsOf: parts.node)
        }
        switch parts.tag {
        case Record.type:
            // Records arrive sorted, so types come in IRI order; the same type twice is one type.
            if types.last.map({ !bytesEqual($0, parts.payload) }) ?? true { types.append(Array(parts.payload)) }
        case Record.literal:
            let literal = Record.literal(parts.payload)
            scratch.removeAll(keepingCapacity: true)
            Record.appendGroupKey(predicate: literal.predicate, tagged: literal.tagged, qualifier: literal.qualifier, to: &scratch)
            let attribute = scratch.withUnsafeBufferPointer { plan.attributeOfGroup.map.value(for: $0) } ?? 0
            literals.append((attribute, Array(parts.payload)))
        default:
            break
        }
    }

    mutating func finish(sink: some ByteSink) throws {
        guard started else { return }
        started = false
        id.removeAll(keepingCapacity: true)
        node.withUnsafeBufferPointer { StreamingGraphMLWriter.appendNodeID(kind: kind, $0, to: &id) }
        xml.beginRecord(Names.node)
        try id.withUnsafeBufferPointer { try xml.recordAttribute(Names.id, utf8: $0) }
        let texts = types.isEmpty ? nil : typeTexts(for: types)
        let isIRI = kind == Record.iri
        try node.withUnsafeBufferPointer { (node: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) in
            try GraphMLConventions.recordReservedData(plan.reserved[...], types: texts, iri: isIRI ? node : nil, xml)
        }
        if !literals.isEmpty {
            literals.sort { a, b in
                if a.attribute != b.attribute { return a.attribute < b.attribute }
                return Self.literalPrecedes(a.payload, b.payload)
            }
            var position = 0
            while position < literals.count {
                let attribute = literals[position].attribute
                var end = position + 1
                while end < literals.count && literals[end].attribute == attribute { end += 1 }
                let key = plan.literalKeys[attribute]
                scratch.removeAll(keepingCapacity: true)
                if key.isList {
                    scratch.append(UInt8(ascii: "["))
                    for index in position..<end {
                        if index > position { scratch.append(UInt8(ascii: ",")) }
                        let payload = literals[index].payload
                        payload.withUnsafeBufferPointer {
                            GraphMLConventions.appendJSONString(Record.literal($0).lexical, to: &scratch)
                        }
                    }
                    scratch.append(UInt8(ascii: "]"))
                } else {
                    let payload = literals[position].payload
                    if key.type == .string {
                        payload.withUnsafeBufferPointer { scratch.append(contentsOf: Record.literal($0).lexical) }
                    } else {
                        let literal = Self.literal(payload)
                        scratch.append(contentsOf: (LiteralTyping.text(of: literal, as: key.type) ?? literal.lexicalForm).utf8)
                    }
                }
                try GraphMLConventions.recordData(keyBytes[attribute], scratch, xml)
                position = end
            }
        }
        try xml.endRecord(Names.node)
        if xml.shouldDrain(threshold: GraphMLConventions.drainThreshold) { try xml.drain(into: sink) }
        types.removeAll(keepingCapacity: true)
        literals.removeAll(keepingCapacity: true)
    }

    private mutating func typeTexts(for types: [[UInt8]]) -> GraphMLConventions.TypeTexts {
        var key: [UInt8] = []
        for type in types {
            key.append(contentsOf: type)
            key.append(0)
        }
        if let known = key.withUnsafeBufferPointer({ typeTexts.value(for: $0) }) { return known }
        let iris = types.map { IRI(unchecked: String(decoding: $0, as: UTF8.self)) }
        let result = GraphMLConventions.typeTexts(of: iris, typeList: plan.typeList)
        key.withUnsafeBufferPointer { typeTexts.set(result, for: $0) }
        return result
    }

    private static func literal(_ payload: [UInt8]) -> Literal {
        payload.withUnsafeBufferPointer { buffer in
            let parts = Record.literal(buffer)
            let lexical = String(decoding: parts.lexical, as: UTF8.self), qualifier = String(decoding: parts.qualifier, as: UTF8.self)
            return parts.tagged ? Literal(unchecked: lexical, datatype: Vocabulary.rdfLangString, language: qualifier)
                : Literal(unchecked: lexical, datatype: IRI(unchecked: qualifier), language: nil)
        }
    }

    /// ``GraphMLConventions/literalPrecedes(_:_:)`` on two literal payloads.
    private static func literalPrecedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let la = Record.literal(pa), lb = Record.literal(pb)
                return GraphMLConventions.literalPrecedes(
                    GraphMLConventions.LiteralBytes(lexical: la.lexical, qualifier: la.qualifier, tagged: la.tagged),
                    GraphMLConventions.LiteralBytes(lexical: lb.lexical, qualifier: lb.qualifier, tagged: lb.tagged))
            }
        }
    }
}

/// The last pass: one `<edge>` per triple whose object is a node, in input order.
private struct EdgeWriter {
    let plan: StreamPlan
    let xml: XMLStreamWriter
    private var count = 0
    private var id: [UInt8] = []
    private var source: [UInt8] = []
    private var target: [UInt8] = []
    private typealias Names = GraphMLConventions.Names
    private static let rdfType = Array(Vocabulary.rdfType.value.utf8)

    init(plan: StreamPlan, xml: XMLStreamWriter) {
        self.plan = plan
        self.xml = xml
    }

    mutating func add(_ s: RawTerm, _ p: RawTerm, _ o: RawTerm, sink: some ByteSink) throws {
        switch o.kind {
        case .typedLiteral, .languageLiteral: return
        case .iri where bytesEqual(Self.rdfType, p.bytes): return
        default: break
        }
        count += 1
        id.removeAll(keepingCapacity: true)
        id.append(UInt8(ascii: "e"))
        id.append(contentsOf: String(count).utf8)
        source.removeAll(keepingCapacity: true)
        StreamingGraphMLWriter.appendNodeID(kind: s.kind == .blank ? Record.blank : Record.iri, s.bytes, to: &source)
        target.removeAll(keepingCapacity: true)
        StreamingGraphMLWriter.appendNodeID(kind: o.kind == .blank ? Record.blank : Record.iri, o.bytes, to: &target)
        xml.beginRecord(Names.edge)
        try id.withUnsafeBufferPointer { try xml.recordAttribute(Names.id, utf8: $0) }
        try source.withUnsafeBufferPointer { try xml.recordAttribute(Names.source, utf8: $0) }
        try target.withUnsafeBufferPointer { try xml.recordAttribute(Names.target, utf8: $0) }
        try GraphMLConventions.recordEdgeData(label: plan.edgeLabels.map.value(for: p.bytes) ?? [], predicate: p.bytes, xml)
        try xml.endRecord(Names.edge)
        if xml.shouldDrain(threshold: GraphMLConventions.drainThreshold) { try xml.drain(into: sink) }
    }
}
