import KnowledgeGraph
import XMLSupport

/// The rules every GraphML writer follows, written once.
///
/// Three writers produce GraphML: the projection with ``GraphMLWriter`` (on terms),
/// ``TermIDGraphMLWriter`` (on a graph's term ids) and ``StreamingGraphMLWriter`` (on sorted
/// records). They take from here the reserved key ids and their declarations, the texts made
/// from a node's types, the order of a node's literals, the JSON of list values and the check
/// for characters XML 1.0 forbids, so that they cannot drift apart.
enum GraphMLConventions {
    // MARK: - Reserved keys

    /// The key ids (and attribute names) the projection gives its own attributes.
    enum KeyID {
        /// A node's types as Neo4j labels (`:Agent:Person`).
        static let labels = "labels"
        /// The most specific type's local name, TinkerPop's vertex label.
        static let vertexLabel = "labelV"
        /// A node's IRI.
        static let iri = "iri"
        /// A node's `rdf:type` IRIs.
        static let types = "types"
        /// An edge's property name, the Neo4j relationship type.
        static let edgeLabel = "label"
        /// The edge's property name again, TinkerPop's edge label.
        static let tinkerPopEdgeLabel = "labelE"
        /// An edge's property IRI.
        static let predicate = "predicate"
        /// yEd's node graphics.
        static let yEdNodeGraphics = "ng"
        /// yEd's edge graphics.
        static let yEdEdgeGraphics = "eg"
    }

    /// The key ids as UTF-8, for the writers that assemble records from bytes.
    enum KeyBytes {
        static let labels = Array(KeyID.labels.utf8)
        static let vertexLabel = Array(KeyID.vertexLabel.utf8)
        static let iri = Array(KeyID.iri.utf8)
        static let types = Array(KeyID.types.utf8)
        static let edgeLabel = Array(KeyID.edgeLabel.utf8)
        static let tinkerPopEdgeLabel = Array(KeyID.tinkerPopEdgeLabel.utf8)
        static let predicate = Array(KeyID.predicate.utf8)
    }

    /// Node attribute names the projection uses itself (`id` is GraphML's own).
    static let reservedNodeAttributes: Set<String> = ["id", KeyID.iri, KeyID.labels, KeyID.vertexLabel, KeyID.types]
    /// The key ids of yEd's node and edge graphics.
    static let yEdKeyIDs: Set<String> = [KeyID.yEdNodeGraphics, KeyID.yEdEdgeGraphics]
    /// Key ids the projection and the yEd style use.
    static let reservedKeyIDs = Set([KeyID.labels, KeyID.vertexLabel, KeyID.iri, KeyID.types,
                                     KeyID.edgeLabel, KeyID.tinkerPopEdgeLabel, KeyID.predicate]).union(yEdKeyIDs)

    /// The keys of every edge, in the order its values are written.
    static let edgeKeys: [AttributeKey] = [
        AttributeKey(id: KeyID.edgeLabel, name: KeyID.edgeLabel, domain: .edge, type: .string,
                     summary: "the property's name (the Neo4j relationship type; local name, or prefix_local when two "
                         + "namespaces share it)"),
        AttributeKey(id: KeyID.tinkerPopEdgeLabel, name: KeyID.tinkerPopEdgeLabel, domain: .edge, type: .string,
                     summary: "the property's name again, as TinkerPop's edge label"),
        AttributeKey(id: KeyID.predicate, name: KeyID.predicate, domain: .edge, type: .string,
                     summary: "the property's full IRI"),
    ]

    /// The node keys the projection declares before the literals' keys: `labels` and `labelV`
    /// when some node has a type, `iri` when some node is an IRI, `types` when some node has a
    /// type (a JSON list when some node has several).
    static func reservedNodeKeys(anyIRINode: Bool, typed: Bool, typeList: Bool) -> [AttributeKey] {
        var keys: [AttributeKey] = []
        if typed {
            keys.append(AttributeKey(
                id: KeyID.labels, name: KeyID.labels, domain: .node, type: .string,
                summary: "the node's types as Neo4j labels: local names of the rdf:type classes and, with an "
                    + "ontology, their super-classes, sorted, each after a colon"))
            keys.append(AttributeKey(
                id: KeyID.vertexLabel, name: KeyID.vertexLabel, domain: .node, type: .string,
                summary: "the most specific rdf:type's local name (TinkerPop's vertex label)"))
        }
        if anyIRINode {
            keys.append(AttributeKey(id: KeyID.iri, name: KeyID.iri, domain: .node, type: .string, summary: "the node's IRI"))
        }
        if typed {
            keys.append(AttributeKey(
                id: KeyID.types, name: KeyID.types, domain: .node, type: .string, isList: typeList,
                summary: "the rdf:type IRIs" + (typeList ? ", as a JSON array, sorted" : ""),
                property: Vocabulary.rdfType))
        }
        return keys
    }

    // MARK: - Texts made from a node's types

    /// The labels of a node with these classes: their local names, each once, sorted by bytes.
    static func labels(of classes: some Sequence<IRI>) -> [String] {
        Set(classes.map(Naming.localToken)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The `labels` value: each label after a colon (`:Agent:Person`).
    static func labelsText(_ labels: [String]) -> String {
        labels.map { ":" + $0 }.joined()
    }

    /// Without an ontology, the type that gives the vertex label: the first by local name.
    static func firstByLocalName(_ types: [IRI]) -> IRI? {
        types.min { Naming.localToken(of: $0).utf8.lexicographicallyPrecedes(Naming.localToken(of: $1).utf8) }
    }

    /// The `types` value of a node whose types are `types` (sorted): a JSON array when the key
    /// is a list, else the one IRI.
    static func typesText(_ types: [IRI], asList: Bool) -> String {
        asList ? jsonArray(types.map(\.value)) : types[0].value
    }

    /// The reserved values that depend only on a node's types, as UTF-8.
    struct TypeTexts {
        var labels: [UInt8]
        var vertexLabel: [UInt8]
        var types: [UInt8]
    }

    /// The texts for a node whose types are `types` (sorted by bytes, at least one), without an
    /// ontology: as the projection makes them.
    static func typeTexts(of types: [IRI], typeList: Bool) -> TypeTexts {
        let vertex = firstByLocalName(types).map(Naming.localToken) ?? ""
        return TypeTexts(labels: Array(labelsText(labels(of: types)).utf8), vertexLabel: Array(vertex.utf8),
                         types: Array(typesText(types, asList: typeList).utf8))
    }

    // MARK: - The order of a node's literals

    /// A literal's parts as stored: the lexical form, and the datatype or (when `tagged`) the
    /// language tag.
    struct LiteralBytes {
        var lexical: UnsafeBufferPointer<UInt8>
        var qualifier: UnsafeBufferPointer<UInt8>
        var tagged: Bool
    }

    /// ``Literal``'s `<` on stored bytes: lexical form, then datatype (`rdf:langString` for a
    /// tagged literal), then language tag (none for an untagged one), each by bytes.
    @inline(__always)
    static func literalPrecedes(_ a: LiteralBytes, _ b: LiteralBytes) -> Bool {
        let lexical = TermSorting.compare(a.lexical, b.lexical)
        if lexical != 0 { return lexical < 0 }
        return langString.withUnsafeBufferPointer { langString in
            let datatype = TermSorting.compare(a.tagged ? langString : a.qualifier, b.tagged ? langString : b.qualifier)
            if datatype != 0 { return datatype < 0 }
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            return TermSorting.compare(a.tagged ? a.qualifier : none, b.tagged ? b.qualifier : none) < 0
        }
    }

    private static let langString = Array(Vocabulary.rdfLangString.value.utf8)

    // MARK: - List values

    /// `["a","b"]`, with no spaces, so the same values always give the same bytes.
    static func jsonArray(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var string = string
            string.withUTF8 { appendJSONString($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string holding `text`, escaped as RFC 8259 requires.
    @inline(__always)
    static func appendJSONString(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        QuotedString.append(text, syntax: .json, to: &output)
    }

    // MARK: - Characters XML forbids

    /// No character XML 1.0 forbids: C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF.
    @inline(__always)
    static func isXMLClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        XMLCharacters.isAllowed(utf8: bytes)
    }

    /// Refuses a triple with a character XML 1.0 forbids, naming the node and the property.
    static func checkCharacters(_ triple: Triple) throws(WriteError) {
        func refuse(_ scalar: Unicode.Scalar, _ what: String) -> WriteError {
            .unrepresentable(Diagnostic(
                code: "forbidden-character",
                message: "\(what) contains the control character \(XMLCharacters.describe(scalar)), which XML 1.0 "
                    + "forbids, so it can be neither written as GraphML nor drawn as SVG",
                subject: "node \(triple.subject), property <\(triple.predicate.value)>"))
        }
        for term in [triple.subject, .iri(triple.predicate), triple.object] {
            switch term {
            case .iri(let iri):
                if let scalar = XMLCharacters.firstForbidden(in: iri.value) { throw refuse(scalar, "the IRI <\(iri.value)>") }
            case .blank:
                break
            case .literal(let literal):
                if let scalar = XMLCharacters.firstForbidden(in: literal.lexicalForm) { throw refuse(scalar, "the value") }
            }
        }
    }

    // MARK: - Records

    /// Element and attribute names of nodes, edges and values, prepared once.
    enum Names {
        static let node = PreparedXMLName("node"), edge = PreparedXMLName("edge"), data = PreparedXMLName("data")
        static let id = PreparedXMLName("id"), key = PreparedXMLName("key")
        static let source = PreparedXMLName("source"), target = PreparedXMLName("target")
    }

    /// How much output the record writers gather before handing it to the sink.
    static let drainThreshold = 1 << 18

    /// `<data key="…">text</data>` in the current record, as ``GraphMLWriter`` writes a value
    /// (text written even when empty, as there).
    @inline(__always)
    static func recordData(_ key: [UInt8], _ text: [UInt8], _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try text.withUnsafeBufferPointer { (text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) in try recordData(key, text, xml) }
    }

    @inline(__always)
    static func recordData(_ key: [UInt8], _ text: UnsafeBufferPointer<UInt8>, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try key.withUnsafeBufferPointer { (key: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) in
            try xml.recordLeaf(Names.data, attribute: Names.key, value: key, text: text)
        }
    }

    /// A node's reserved values among `keyIDs`, in their order: those made from its types
    /// (when it has some) and its IRI (when it is an IRI and `iri` is given).
    static func recordReservedData(_ keyIDs: ArraySlice<String>, types: TypeTexts?, iri: UnsafeBufferPointer<UInt8>?,
                                   _ xml: XMLStreamWriter) throws(XMLWriteError) {
        for key in keyIDs {
            switch key {
            case KeyID.labels: if let types { try recordData(KeyBytes.labels, types.labels, xml) }
            case KeyID.vertexLabel: if let types { try recordData(KeyBytes.vertexLabel, types.vertexLabel, xml) }
            case KeyID.iri: if let iri { try recordData(KeyBytes.iri, iri, xml) }
            case KeyID.types: if let types { try recordData(KeyBytes.types, types.types, xml) }
            default: break
            }
        }
    }

    /// An edge's values, in ``edgeKeys`` order: its label twice, then its property IRI.
    @inline(__always)
    static func recordEdgeData(label: [UInt8], predicate: UnsafeBufferPointer<UInt8>, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try recordData(KeyBytes.edgeLabel, label, xml)
        try recordData(KeyBytes.tinkerPopEdgeLabel, label, xml)
        try recordData(KeyBytes.predicate, predicate, xml)
    }
}

/// Double-quoted strings with backslash escapes, the string syntax JSON (GraphML's list
/// values) and DOT share.
enum QuotedString {
    /// Which escapes a string syntax needs besides `\"`, `\\`, `\n` and `\r`.
    enum Syntax {
        /// RFC 8259: also `\t`, `\b`, `\f`, and `\u00xx` for every other C0 control.
        case json
        /// Graphviz: other control characters as they are.
        case dot
    }

    /// `"text"`, escaped for `syntax`, from UTF-8 bytes (so every other byte is copied as it is).
    @inline(__always)
    static func append(_ text: UnsafeBufferPointer<UInt8>, syntax: Syntax, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20 where syntax == .json:
                switch byte {
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `"text"`, escaped for `syntax`.
    static func quoted(_ text: String, syntax: Syntax) -> String {
        var text = text
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        text.withUTF8 { append($0, syntax: syntax, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
