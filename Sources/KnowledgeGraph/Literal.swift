/// An RDF literal: a lexical form with either a datatype or a language tag.
///
/// A literal with a language tag has the datatype `rdf:langString`; a plain literal has
/// `xsd:string`. The language tag is kept as written (BCP 47 tags compare case-insensitively,
/// which ``Graph/isIsomorphic(to:)`` honours).
public struct Literal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The lexical form, exactly as written.
    public let lexicalForm: String
    /// The datatype IRI; `rdf:langString` when ``language`` is set.
    public let datatype: IRI
    /// The BCP 47 language tag, or nil.
    public let language: String?

    /// A plain (`xsd:string`) literal.
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.xsdString
        self.language = nil
    }

    /// A typed literal. A typed literal may not use `rdf:langString` (that needs a language).
    public init(_ lexicalForm: String, datatype: IRI) throws(LiteralError) {
        guard datatype != Vocabulary.rdfLangString else {
            throw LiteralError(lexicalForm: lexicalForm, reason: "has datatype rdf:langString but no language tag")
        }
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged literal; the tag must be well-formed BCP 47.
    public init(_ lexicalForm: String, language: String) throws(LiteralError) {
        guard LanguageTag.isWellFormed(language) else {
            throw LiteralError(lexicalForm: lexicalForm, reason: "has the invalid language tag '\(language)'")
        }
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.rdfLangString
        self.language = language
    }

    /// Creates a literal without checking the language tag. For constants and tests.
    public init(unchecked lexicalForm: String, datatype: IRI, language: String?) {
        self.lexicalForm = lexicalForm
        self.datatype = language == nil ? datatype : Vocabulary.rdfLangString
        self.language = language
    }

    public var description: String {
        var text = "\"\(lexicalForm)\""
        if let language {
            text += "@\(language)"
        } else if datatype != Vocabulary.xsdString {
            text += "^^<\(datatype.value)>"
        }
        return text
    }

    /// Equal when lexical forms, datatypes and language tags have the same code points (Swift's
    /// `==` on strings would equate `"é"` and `"e\u{301}"`, which RDF keeps apart).
    public static func == (lhs: Literal, rhs: Literal) -> Bool {
        sameCodePoints(lhs.lexicalForm, rhs.lexicalForm) && lhs.datatype == rhs.datatype
            && sameCodePoints(lhs.language ?? "", rhs.language ?? "") && (lhs.language == nil) == (rhs.language == nil)
    }

    public static func < (lhs: Literal, rhs: Literal) -> Bool {
        if !sameCodePoints(lhs.lexicalForm, rhs.lexicalForm) {
            return lhs.lexicalForm.utf8.lexicographicallyPrecedes(rhs.lexicalForm.utf8)
        }
        if lhs.datatype != rhs.datatype {
            return lhs.datatype < rhs.datatype
        }
        return (lhs.language ?? "").utf8.lexicographicallyPrecedes((rhs.language ?? "").utf8)
    }
}

/// A literal that cannot be built as given.
public struct LiteralError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The lexical form concerned.
    public let lexicalForm: String
    /// What is wrong, as a phrase following "the literal …".
    public let reason: String

    public init(lexicalForm: String, reason: String) {
        self.lexicalForm = lexicalForm
        self.reason = reason
    }

    public var description: String { "the literal \"\(lexicalForm)\" \(reason)" }
}
