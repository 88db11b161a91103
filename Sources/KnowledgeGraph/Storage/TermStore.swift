#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of a term in one graph's ``TermStore``: its kind in the top three bits (so a
/// term's kind is known without touching memory), its index in the store in the others.
package typealias TermID = UInt32

/// What a stored term is.
package enum TermKind: UInt8, Sendable {
    case iri = 0
    case blank = 1
    /// A literal with a datatype (`xsd:string` for plain literals); `extra` is the datatype's id.
    case typedLiteral = 2
    /// A literal with a language tag (datatype `rdf:langString`); `extra` is the tag's id.
    case languageLiteral = 3
    /// A language tag, stored once and referred to by literals; never a term of a triple.
    case languageTag = 4
}

/// The terms of one graph, each stored once: UTF-8 bytes in one arena, a 16-byte entry per
/// term, and an open-addressing table from content to id.
///
/// Terms are equal when their kinds, bytes and datatype or language are: exactly RDF's term
/// equality (code points, not Swift's canonical equivalence of strings).
package final class TermStore: @unchecked Sendable {
    /// Offset and length in the arena, and the datatype or language tag id of a literal.
    package struct Entry: BitwiseCopyable {
        var offset: Int
        var length: UInt32
        var extra: TermID
    }

    private let arena: GrowableBuffer<UInt8>
    private let entries: GrowableBuffer<Entry>
    /// The lookup table, behind a pointer so that hot loops pay no exclusivity checks.
    /// Slot: low 32 bits of the hash in the high half, id + 1 in the low half; 0 is empty.
    private struct Table {
        var hash: HashSlots
        var blankCount = 0
    }

    private let table: UnsafeMutablePointer<Table>

    package init() {
        arena = GrowableBuffer(capacity: 1 << 12)
        entries = GrowableBuffer(capacity: 256)
        table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        table.initialize(to: Table(hash: HashSlots(count: 512)))
    }

    private init(copying other: TermStore) {
        arena = other.arena.copy()
        entries = other.entries.copy()
        table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        table.initialize(to: Table(hash: HashSlots(copying: other.table.pointee.hash), blankCount: other.table.pointee.blankCount))
    }

    deinit {
        table.pointee.hash.release()
        table.deallocate()
    }

    package func copy() -> TermStore { TermStore(copying: self) }

    /// How many terms (and language tags) are stored: term indexes are `0..<count`.
    package var count: Int { entries.count }

    /// How many blank nodes are stored.
    package var blankNodeCount: Int { table.pointee.blankCount }

    // MARK: - Reading

    @inline(__always)
    package func kind(_ id: TermID) -> TermKind {
        Self.kind(id)
    }

    @inline(__always)
    package static func kind(_ id: TermID) -> TermKind {
        TermKind(rawValue: UInt8(truncatingIfNeeded: id >> 29)) ?? .iri
    }

    /// The position of the term in the store, `0..<count`: for arrays indexed by term.
    @inline(__always)
    package static func index(_ id: TermID) -> Int {
        Int(id & 0x1FFF_FFFF)
    }

    @inline(__always)
    private static func makeID(_ kind: TermKind, _ index: Int) -> TermID {
        UInt32(kind.rawValue) << 29 | UInt32(index)
    }

    /// The datatype id of a typed literal, or the tag id of a language-tagged literal.
    @inline(__always)
    package func extra(_ id: TermID) -> TermID {
        entries[Self.index(id)].extra
    }

    /// The term's UTF-8 bytes (an IRI, a blank node label, a lexical form or a language tag).
    /// Valid until the store next changes.
    @inline(__always)
    package func bytes(_ id: TermID) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[Self.index(id)]
        return UnsafeBufferPointer(start: arena.base + entry.offset, count: Int(entry.length))
    }

    package func string(_ id: TermID) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    /// The term as a ``Term``.
    package func term(_ id: TermID) -> Term {
        switch kind(id) {
        case .iri, .languageTag:
            return .iri(IRI(unchecked: string(id)))
        case .blank:
            return .blank(BlankNode(string(id)))
        case .typedLiteral:
            return .literal(Literal(unchecked: string(id), datatype: IRI(unchecked: string(extra(id))), language: nil))
        case .languageLiteral:
            return .literal(Literal(unchecked: string(id), datatype: Vocabulary.rdfLangString, language: string(extra(id))))
        }
    }

    package func iri(_ id: TermID) -> IRI { IRI(unchecked: string(id)) }

    // MARK: - Lookup and interning

    @inline(__always)
    private static func hash(_ kind: TermKind, _ bytes: UnsafeRawBufferPointer, _ extra: UInt32) -> UInt64 {
        FastHash.hash(bytes, seed: UInt64(kind.rawValue) << 32 | UInt64(extra))
    }

    /// The id of a term with these parts, if stored.
    package func find(_ kind: TermKind, _ bytes: UnsafeRawBufferPointer, extra: TermID = 0) -> TermID? {
        let hash = Self.hash(kind, bytes, extra)
        let tag = hash & 0xFFFF_FFFF
        let slots = table.pointee.hash.slots, mask = table.pointee.hash.mask
        var position = Int(tag) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            if slot >> 32 == tag {
                let id = TermID(truncatingIfNeeded: slot) &- 1
                if matches(id, kind, bytes, extra) { return id }
            }
            position = (position + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ id: TermID, _ kind: TermKind, _ bytes: UnsafeRawBufferPointer, _ extra: TermID) -> Bool {
        guard Self.kind(id) == kind else { return false }
        let entry = entries[Self.index(id)]
        guard entry.extra == extra, Int(entry.length) == bytes.count else { return false }
        guard let source = bytes.baseAddress, bytes.count > 0 else { return true }
        return memcmp(arena.base + entry.offset, source, bytes.count) == 0
    }

    /// The id of the term with these parts, storing it when new.
    @inline(__always)
    package func intern(_ kind: TermKind, _ bytes: UnsafeRawBufferPointer, extra: TermID = 0) -> TermID {
        let hash = Self.hash(kind, bytes, extra)
        let tag = hash & 0xFFFF_FFFF
        let slots = table.pointee.hash.slots, mask = table.pointee.hash.mask
        var position = Int(tag) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { break }
            if slot >> 32 == tag {
                let id = TermID(truncatingIfNeeded: slot) &- 1
                if matches(id, kind, bytes, extra) { return id }
            }
            position = (position + 1) & mask
        }
        precondition(entries.count < 0x1FFF_FFFF, "too many distinct terms for one graph")
        let id = Self.makeID(kind, entries.count)
        if kind == .blank { table.pointee.blankCount += 1 }
        let offset = arena.append(contentsOf: bytes.bindMemory(to: UInt8.self))
        entries.append(Entry(offset: offset, length: UInt32(bytes.count), extra: extra))
        slots[position] = tag << 32 | UInt64(id + 1)
        if entries.count * 10 > (mask + 1) * 7 { growSlots() }
        return id
    }

    private func growSlots() { table.pointee.hash.double() }

    /// Stores `term` (with its datatype or language tag) and returns its id.
    package func intern(_ term: Term) -> TermID {
        switch term {
        case .iri(let iri): return intern(.iri, iri.value)
        case .blank(let node): return intern(.blank, node.id)
        case .literal(let literal):
            if let language = literal.language {
                let tag = intern(.languageTag, language)
                return intern(.languageLiteral, literal.lexicalForm, extra: tag)
            }
            let datatype = intern(.iri, literal.datatype.value)
            return intern(.typedLiteral, literal.lexicalForm, extra: datatype)
        }
    }

    /// The id of `term`, if stored.
    package func find(_ term: Term) -> TermID? {
        switch term {
        case .iri(let iri): return find(.iri, iri.value)
        case .blank(let node): return find(.blank, node.id)
        case .literal(let literal):
            if let language = literal.language {
                guard let tag = find(.languageTag, language) else { return nil }
                return find(.languageLiteral, literal.lexicalForm, extra: tag)
            }
            guard let datatype = find(.iri, literal.datatype.value) else { return nil }
            return find(.typedLiteral, literal.lexicalForm, extra: datatype)
        }
    }

    package func intern(_ kind: TermKind, _ text: String, extra: TermID = 0) -> TermID {
        var text = text
        return text.withUTF8 { intern(kind, UnsafeRawBufferPointer($0), extra: extra) }
    }

    package func find(_ kind: TermKind, _ text: String, extra: TermID = 0) -> TermID? {
        var text = text
        return text.withUTF8 { find(kind, UnsafeRawBufferPointer($0), extra: extra) }
    }

    /// Gives back spare capacity once the graph is complete.
    package func shrinkToFit() {
        arena.shrinkToFit()
        entries.shrinkToFit()
    }

    /// Bytes held (arena, entries and table), for measurements.
    package var memoryFootprint: Int {
        arena.capacity + entries.capacity * MemoryLayout<Entry>.stride + (table.pointee.hash.mask + 1) * 8
    }
}
