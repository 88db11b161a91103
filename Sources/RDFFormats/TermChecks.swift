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

    private static func checkIRI(_ iri: IRI?, _ triple: Triple, role: String, format: String) throws(WriteError) {
        guard let iri else { return }
        do {
            try IRI.check(iri.value)
        } catch {
            throw refusal(code: "invalid-iri", triple, "\(format) cannot write the \(role) IRI: \(error.description)")
        }
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
