import KnowledgeGraph
import XMLSupport

/// Remembers which terms of a graph already passed the writers' checks, so each distinct term
/// is checked once, however many triples use it.
///
/// The fast checks here work on bytes and only ever say "clean" for terms that the full checks
/// (``TermChecks``, and for XML formats ``XMLCharacters``) accept; anything else goes through
/// the full checks on the `Triple`, which produce the same refusals as before.
struct TermCheckCache {
    private let terms: TermStore
    private let xml: Bool
    private var clean: [UInt64]
    private var wellFormedTags: [TermID: Bool] = [:]
    private let langString = Array(Vocabulary.rdfLangString.value.utf8)

    /// - Parameter xml: whether characters XML 1.0 forbids make a term unclean.
    init(_ terms: TermStore, xml: Bool) {
        self.terms = terms
        self.xml = xml
        clean = [UInt64](repeating: 0, count: terms.count / 64 + 1)
    }

    @inline(__always)
    func isKnownClean(_ id: TermID) -> Bool {
        let index = TermStore.index(id)
        return clean[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    mutating func markClean(_ id: TermID) {
        let index = TermStore.index(id)
        clean[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Checks the term by its bytes and remembers it when it is clean; false means "ask the full checks".
    mutating func checkFast(_ id: TermID) -> Bool {
        if isKnownClean(id) { return true }
        let ok: Bool
        switch terms.kind(id) {
        case .iri, .languageTag:
            ok = isCleanIRI(id)
        case .blank:
            ok = true
        case .typedLiteral:
            let datatype = terms.extra(id)
            ok = isCleanIRI(datatype) && !bytesEqual(langString, terms.bytes(datatype)) && isCleanText(terms.bytes(id))
        case .languageLiteral:
            let tag = terms.extra(id)
            ok = isWellFormedTag(tag) && isCleanText(terms.bytes(tag)) && isCleanText(terms.bytes(id))
        }
        if ok { markClean(id) }
        return ok
    }

    private func isCleanIRI(_ id: TermID) -> Bool {
        let bytes = terms.bytes(id)
        return IRIBytes.isValidAbsolute(bytes) && isCleanText(bytes)
    }

    private mutating func isWellFormedTag(_ id: TermID) -> Bool {
        if let known = wellFormedTags[id] { return known }
        let result = LanguageTag.isWellFormed(terms.string(id))
        wellFormedTags[id] = result
        return result
    }

    /// No character XML 1.0 forbids (when checking for XML): C0 controls other than TAB, LF,
    /// CR, and U+FFFE, U+FFFF (EF BF BE, EF BF BF). Valid UTF-8 holds no surrogates.
    @inline(__always)
    private func isCleanText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard xml else { return true }
        return XMLCharacters.isAllowed(utf8: bytes)
    }
}
