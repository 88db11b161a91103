import KnowledgeGraph
import RDFFormats

extension StreamingGraphMLWriter {
    /// The records of the external sort, one fact about one node each, so that sorting gathers
    /// a node's facts: a node key — kind (1 IRI, 2 blank node), the term's bytes, 0 — then a
    /// tag and its payload: 0 the node is mentioned; 1 a type IRI; 2 a literal: predicate, 0,
    /// 1 (datatype) or 2 (language), the datatype or tag, 0, the lexical form. (No part holds a 0:
    /// IRIs and tags cannot, and a literal with U+0000 is refused as XML-forbidden first.)
    enum NodeRecord {
        static let iri: UInt8 = 1
        static let blank: UInt8 = 2
        static let mention: UInt8 = 0
        static let type: UInt8 = 1
        static let literal: UInt8 = 2

        /// Starts a record: the node key, then the tag.
        static func appendNodeKey(_ kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, tag: UInt8, to output: inout [UInt8]) {
            output.append(kind)
            output.append(contentsOf: bytes)
            output.append(0)
            output.append(tag)
        }

        /// The node part and the rest of a record.
        static func split(_ record: UnsafeBufferPointer<UInt8>) -> (kind: UInt8, node: UnsafeBufferPointer<UInt8>, tag: UInt8, payload: UnsafeBufferPointer<UInt8>) {
            var end = 1
            while record[end] != 0 { end += 1 }
            let node = UnsafeBufferPointer(rebasing: record[1..<end])
            let tag = record[end + 1]
            return (record[0], node, tag, UnsafeBufferPointer(rebasing: record[(end + 2)...]))
        }

        /// Appends a literal's payload (after ``appendNodeKey(_:_:tag:to:)`` with ``literal``).
        static func appendLiteral(predicate: UnsafeBufferPointer<UInt8>, tagged: Bool, qualifier: UnsafeBufferPointer<UInt8>,
                                  lexical: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            output.append(contentsOf: predicate)
            output.append(0)
            output.append(tagged ? 2 : 1)
            output.append(contentsOf: qualifier)
            output.append(0)
            output.append(contentsOf: lexical)
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

        /// The `id` of the node with this key (kind and bytes): the whole IRI or blank node label
        /// made an XML name, one per term, so that it needs no table of nodes.
        static func appendNodeID(kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            if kind == blank { output.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":")]) }
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

    /// The keys, labels and values every node and edge needs, worked out before writing.
    struct Plan {
        /// Every `<key>`, in document order.
        var keys: [AttributeKey]
        /// The projection's notes (a key written as text).
        var notes: [Diagnostic]
        /// The ids of the reserved node keys declared, in order.
        var reserved: [String]
        /// Attribute (index into the literal keys, in key order) of each group, by group key.
        var attributeOfGroup: SharedBytesMap<Int>
        /// The keys made from literals, in key order.
        var literalKeys: [AttributeKey]
        /// Whether `types` is a JSON list (some node has several types).
        var typeList: Bool
        /// Each link predicate's edge label, by the predicate's bytes.
        var edgeLabels: SharedBytesMap<[UInt8]>
    }

    /// A ``BytesMap`` in a class, so that the copies of a plan (one per writer) share one table.
    final class SharedBytesMap<Value> {
        var map = BytesMap<Value>(limit: Int.max)
    }
}
