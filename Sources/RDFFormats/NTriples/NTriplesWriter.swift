public import KnowledgeGraph

/// Writes a graph as canonical N-Triples: one triple per line, sorted, blank nodes relabelled.
///
/// The output is the same bytes for the same graph whatever the order of its triples or the
/// labels of its blank nodes (they become `_:b1`, `_:b2`, … in an order derived from the
/// graph's content). Escaping follows ``NTriplesSyntax``; lines end with LF.
///
/// Everything is checked before the first byte is written: invalid or relative IRIs,
/// ill-formed language tags and `rdf:langString` literals without a language are refused
/// with ``WriteError/unrepresentable(_:)`` naming the triple. The lines are made from the
/// graph's stored bytes (``CanonicalLayout``), without a `String` per triple.
public struct NTriplesWriter: GraphSerializer {
    public init() {}

    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        try TermChecks.checkEveryTriple(of: graph, format: "N-Triples")
        let terms = graph.termStore, table = graph.tripleTable
        let layout = CanonicalLayout(graph)
        let xsdString = terms.find(.iri, Vocabulary.xsdString.value)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.blockSize + 4096)
        func append(_ id: TermID) {
            switch terms.kind(id) {
            case .iri, .languageTag:
                buffer.append(0x3C)
                buffer.append(contentsOf: terms.bytes(id))
                buffer.append(0x3E)
            case .blank:
                buffer.append(contentsOf: [0x5F, 0x3A])
                buffer.append(contentsOf: layout.blankLabel(id))
            case .typedLiteral:
                appendQuoted(terms.bytes(id))
                let datatype = terms.extra(id)
                if datatype != xsdString {
                    buffer.append(contentsOf: [0x5E, 0x5E, 0x3C])
                    buffer.append(contentsOf: terms.bytes(datatype))
                    buffer.append(0x3E)
                }
            case .languageLiteral:
                appendQuoted(terms.bytes(id))
                buffer.append(0x40)
                buffer.append(contentsOf: terms.bytes(terms.extra(id)))
            }
        }
        func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
            buffer.append(0x22)
            if text.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
                NTriplesSyntax.appendEscaped(text, to: &buffer)
            } else {
                buffer.append(contentsOf: text)
            }
            buffer.append(0x22)
        }
        func flush() throws(OutputError) {
            // withUnsafeBufferPointer, unlike withUnsafeBytes, passes the typed error through.
            try buffer.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) in
                try sink.write(UnsafeRawBufferPointer(bytes))
            }
            buffer.removeAll(keepingCapacity: true)
        }
        do throws(OutputError) {
            for position in layout.order {
                let index = Int(position)
                append(table.subject(index))
                buffer.append(0x20)
                append(table.predicate(index))
                buffer.append(0x20)
                append(table.object(index))
                buffer.append(contentsOf: [0x20, 0x2E, 0x0A])
                if buffer.count >= Self.blockSize { try flush() }
            }
            try flush()
        } catch {
            throw .output(error)
        }
    }

    static let blockSize = 1 << 18
}
