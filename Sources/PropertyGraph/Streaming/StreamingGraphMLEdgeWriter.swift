import KnowledgeGraph
import RDFFormats
import XMLSupport

extension StreamingGraphMLWriter {
    /// The last pass: one `<edge>` per triple whose object is a node, in input order.
    struct EdgeWriter {
        let plan: Plan
        let xml: XMLStreamWriter
        private var count = 0
        private var id: [UInt8] = []
        private var source: [UInt8] = []
        private var target: [UInt8] = []
        private typealias Names = GraphMLConventions.Names
        private static let rdfType = Array(Vocabulary.rdfType.value.utf8)

        init(plan: Plan, xml: XMLStreamWriter) {
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
            NodeRecord.appendNodeID(kind: s.kind == .blank ? NodeRecord.blank : NodeRecord.iri, s.bytes, to: &source)
            target.removeAll(keepingCapacity: true)
            NodeRecord.appendNodeID(kind: o.kind == .blank ? NodeRecord.blank : NodeRecord.iri, o.bytes, to: &target)
            xml.beginRecord(Names.edge)
            try id.withUnsafeBufferPointer { try xml.recordAttribute(Names.id, utf8: $0) }
            try source.withUnsafeBufferPointer { try xml.recordAttribute(Names.source, utf8: $0) }
            try target.withUnsafeBufferPointer { try xml.recordAttribute(Names.target, utf8: $0) }
            try GraphMLConventions.recordEdgeData(label: plan.edgeLabels.map.value(for: p.bytes) ?? [], predicate: p.bytes, xml)
            try xml.endRecord(Names.edge)
            if xml.shouldDrain(threshold: GraphMLConventions.drainThreshold) { try xml.drain(into: sink) }
        }
    }
}
