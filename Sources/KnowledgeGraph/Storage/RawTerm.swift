/// A term as a reader found it, before it is stored: its kind and UTF-8 bytes (escapes already
/// decoded), pointing into the reader's buffers and valid only during the call that hands it out.
package struct RawTerm {
    package var kind: TermKind
    /// An IRI, a blank node label (as written in the input) or a lexical form.
    package var bytes: UnsafeBufferPointer<UInt8>
    /// The datatype IRI of a typed literal; empty for `xsd:string`.
    package var datatype: UnsafeBufferPointer<UInt8>
    /// The language tag of a language-tagged literal.
    package var language: UnsafeBufferPointer<UInt8>

    package init(kind: TermKind, bytes: UnsafeBufferPointer<UInt8>,
                 datatype: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
                 language: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.kind = kind
        self.bytes = bytes
        self.datatype = datatype
        self.language = language
    }

    /// The term as a ``Term`` (for messages and slow paths).
    package var term: Term {
        let text = String(decoding: bytes, as: UTF8.self)
        switch kind {
        case .iri, .languageTag: return .iri(IRI(unchecked: text))
        case .blank: return .blank(BlankNode(text))
        case .typedLiteral:
            let datatype = self.datatype.isEmpty ? Vocabulary.xsdString : IRI(unchecked: String(decoding: self.datatype, as: UTF8.self))
            return .literal(Literal(unchecked: text, datatype: datatype, language: nil))
        case .languageLiteral:
            return .literal(Literal(unchecked: text, datatype: Vocabulary.rdfLangString,
                                    language: String(decoding: language, as: UTF8.self)))
        }
    }
}
