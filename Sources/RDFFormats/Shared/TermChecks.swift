import KnowledgeGraph

/// Checks shared by every RDF writer: what no RDF syntax can write faithfully.
///
/// A ``Graph`` built by a reader never fails them; a graph built by code (with `unchecked`
/// initialisers) might, and writing it would produce a document that reads back differently.
enum TermChecks {
    /// Throws unless the triple's IRIs are valid absolute IRIs and its literal is well-formed:
    /// a language tag must be well-formed BCP 47, and `rdf:langString` needs a language tag.
    static func check(_ triple: Triple, format: String) throws(WriteError) {
        try checkIRI(triple.subject.iri, triple, role: "subject", format: format)
        try checkIRI(triple.predicate, triple, role: "predicate", format: format)
        switch triple.object {
        case .iri(let iri):
            try checkIRI(iri, triple, role: "object", format: format)
        case .blank:
            break
        case .literal(let literal):
            try checkIRI(literal.datatype, triple, role: "datatype", format: format)
            if let language = literal.language {
                guard LanguageTag.isWellFormed(language) else {
                    throw refusal(code: "invalid-language-tag", triple,
                                  "\(format) cannot write the literal's language tag '\(language)': it is not a well-formed BCP 47 tag")
                }
            } else if literal.datatype == Vocabulary.rdfLangString {
                throw refusal(code: "langstring-without-language", triple,
                              "\(format) cannot write a literal of datatype rdf:langString without a language tag (no such RDF literal exists)")
            }
        }
    }

    /// Checks every triple of `graph` as ``check(_:format:)`` does, each distinct term once
    /// (``TermCheckCache``): what the N-Triples and Turtle writers check before writing.
    static func checkEveryTriple(of graph: Graph, format: String) throws(WriteError) {
        let terms = graph.termStore, table = graph.tripleTable
        var checks = TermCheckCache(terms, xml: false)
        for index in 0..<table.count {
            let s = table.subject(index), p = table.predicate(index), o = table.object(index)
            guard !(checks.checkFast(s) && checks.checkFast(p) && checks.checkFast(o)) else { continue }
            try check(Triple(subject: terms.term(s), predicate: terms.iri(p), object: terms.term(o)), format: format)
            for id in [s, p, o] { checks.markClean(id) }
        }
    }

    private static func checkIRI(_ iri: IRI?, _ triple: Triple, role: String, format: String) throws(WriteError) {
        guard let iri, !isPlainAbsoluteIRI(iri.value) else { return }
        do {
            try IRI.check(iri.value)
        } catch {
            throw refusal(code: "invalid-iri", triple, "\(format) cannot write the \(role) IRI: \(error.description)")
        }
    }

    /// A fast path for the common case, equivalent to passing `IRI.check` for the strings it
    /// accepts: a scheme, then only printable ASCII that IRIs allow, without `%` (non-ASCII
    /// and percent-encoded IRIs go through the full check).
    static func isPlainAbsoluteIRI(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard let first = bytes.first, isLetter(first) else { return false }
            var index = 1
            while index < bytes.count && bytes[index] != UInt8(ascii: ":") {
                let byte = bytes[index]
                guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E else {
                    return false
                }
                index += 1
            }
            guard index < bytes.count else { return false }
            for byte in bytes[index...] {
                guard (0x21...0x7E).contains(byte) else { return false }
                switch byte {
                case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60, 0x25: return false
                default: continue
                }
            }
            return true
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A ``WriteError/unrepresentable(_:)`` naming `triple` (in escaped N-Triples form).
    static func refusal(code: String, _ triple: Triple, _ message: String) -> WriteError {
        .unrepresentable(Diagnostic(code: code, message: message, subject: describe(triple)))
    }

    /// The triple for a message: N-Triples spelling (so control characters show as escapes),
    /// long literals shortened, no final dot.
    static func describe(_ triple: Triple) -> String {
        func shortened(_ term: Term) -> String {
            guard case .literal(let literal) = term, literal.lexicalForm.count > 60 else {
                return NTriplesSyntax.term(term)
            }
            let head = Literal(unchecked: String(literal.lexicalForm.prefix(57)) + "...",
                               datatype: literal.datatype, language: literal.language)
            return NTriplesSyntax.literal(head)
        }
        return shortened(triple.subject) + " " + NTriplesSyntax.iri(triple.predicate) + " " + shortened(triple.object)
    }
}
