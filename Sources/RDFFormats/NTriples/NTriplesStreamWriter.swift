public import KnowledgeGraph

/// Writes triples as N-Triples lines in the order they are given, without holding them:
/// for generators and streaming conversions whose output need not be sorted.
///
/// Terms are spelled as ``NTriplesSyntax`` spells them; blank nodes keep their labels (the
/// caller hands in labels that are valid N-Triples labels). Each triple is checked as
/// ``NTriplesWriter`` checks it. Output is buffered and handed to the sink in large blocks;
/// call ``finish()`` at the end.
public final class NTriplesStreamWriter {
    private let sink: any ByteSink
    private var buffer: [UInt8] = []
    private let blockSize = 1 << 18
    /// Bytes handed to the sink or waiting in the buffer.
    public private(set) var bytesWritten = 0

    public init(sink: any ByteSink) {
        self.sink = sink
        buffer.reserveCapacity(blockSize + 4096)
    }

    /// Writes one triple as one line.
    /// - Throws: ``WriteError/unrepresentable(_:)`` for a triple N-Triples cannot hold;
    ///   ``WriteError/output(_:)`` when the sink fails.
    public func write(_ triple: Triple) throws(WriteError) {
        try TermChecks.check(triple, format: "N-Triples")
        let before = buffer.count
        append(triple.subject)
        buffer.append(0x20)
        appendIRI(triple.predicate.value)
        buffer.append(0x20)
        append(triple.object)
        buffer.append(contentsOf: [0x20, 0x2E, 0x0A])
        bytesWritten += buffer.count - before
        if buffer.count >= blockSize { try flush() }
    }

    /// Hands the rest of the buffer to the sink.
    public func finish() throws(WriteError) {
        try flush()
    }

    private func flush() throws(WriteError) {
        guard !buffer.isEmpty else { return }
        do throws(OutputError) {
            // withUnsafeBufferPointer, unlike withUnsafeBytes, passes the typed error through.
            try buffer.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) in
                try sink.write(UnsafeRawBufferPointer(bytes))
            }
        } catch {
            throw .output(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ term: Term) {
        switch term {
        case .iri(let iri):
            appendIRI(iri.value)
        case .blank(let node):
            buffer.append(contentsOf: [0x5F, 0x3A])
            buffer.append(contentsOf: node.id.utf8)
        case .literal(let literal):
            buffer.append(0x22)
            NTriplesSyntax.appendEscaped(literal.lexicalForm.utf8, to: &buffer)
            buffer.append(0x22)
            if let language = literal.language {
                buffer.append(0x40)
                buffer.append(contentsOf: language.utf8)
            } else if literal.datatype != Vocabulary.xsdString {
                buffer.append(contentsOf: [0x5E, 0x5E])
                appendIRI(literal.datatype.value)
            }
        }
    }

    private func appendIRI(_ value: String) {
        buffer.append(0x3C)
        buffer.append(contentsOf: value.utf8)
        buffer.append(0x3E)
    }
}
