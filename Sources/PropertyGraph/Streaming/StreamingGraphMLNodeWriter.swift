import KnowledgeGraph
import RDFFormats
import XMLSupport

extension StreamingGraphMLWriter {
    /// The second merge: one `<node>` per node key, with its values.
    struct NodeWriter {
        let plan: Plan
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

        init(plan: Plan, xml: XMLStreamWriter) {
            self.plan = plan
            self.xml = xml
            keyBytes = plan.literalKeys.map { Array($0.id.utf8) }
        }

        mutating func add(_ record: UnsafeBufferPointer<UInt8>, sink: some ByteSink) throws {
            let parts = NodeRecord.split(record)
            if !started || parts.kind != kind || !bytesEqual(node, parts.node) {
                try finish(sink: sink)
                started = true
                kind = parts.kind
                node.removeAll(keepingCapacity: true)
                node.append(contentsOf: parts.node)
            }
            switch parts.tag {
            case NodeRecord.type:
                // Records arrive sorted, so types come in IRI order; the same type twice is one type.
                if types.last.map({ !bytesEqual($0, parts.payload) }) ?? true { types.append(Array(parts.payload)) }
            case NodeRecord.literal:
                let literal = NodeRecord.literal(parts.payload)
                scratch.removeAll(keepingCapacity: true)
                NodeRecord.appendGroupKey(predicate: literal.predicate, tagged: literal.tagged, qualifier: literal.qualifier, to: &scratch)
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
            node.withUnsafeBufferPointer { NodeRecord.appendNodeID(kind: kind, $0, to: &id) }
            xml.beginRecord(Names.node)
            try id.withUnsafeBufferPointer { try xml.recordAttribute(Names.id, utf8: $0) }
            let texts = types.isEmpty ? nil : typeTexts(for: types)
            let isIRI = kind == NodeRecord.iri
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
                                GraphMLConventions.appendJSONString(NodeRecord.literal($0).lexical, to: &scratch)
                            }
                        }
                        scratch.append(UInt8(ascii: "]"))
                    } else {
                        let payload = literals[position].payload
                        if key.type == .string {
                            payload.withUnsafeBufferPointer { scratch.append(contentsOf: NodeRecord.literal($0).lexical) }
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
                let parts = NodeRecord.literal(buffer)
                let lexical = String(decoding: parts.lexical, as: UTF8.self), qualifier = String(decoding: parts.qualifier, as: UTF8.self)
                return parts.tagged ? Literal(unchecked: lexical, datatype: Vocabulary.rdfLangString, language: qualifier)
                    : Literal(unchecked: lexical, datatype: IRI(unchecked: qualifier), language: nil)
            }
        }

        /// ``GraphMLConventions/literalPrecedes(_:_:)`` on two literal payloads.
        private static func literalPrecedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    let la = NodeRecord.literal(pa), lb = NodeRecord.literal(pb)
                    return GraphMLConventions.literalPrecedes(
                        GraphMLConventions.LiteralBytes(lexical: la.lexical, qualifier: la.qualifier, tagged: la.tagged),
                        GraphMLConventions.LiteralBytes(lexical: lb.lexical, qualifier: lb.qualifier, tagged: lb.tagged))
                }
            }
        }
    }
}
