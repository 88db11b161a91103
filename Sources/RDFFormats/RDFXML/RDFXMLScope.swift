import KnowledgeGraph

/// What an element inherits from its ancestors: the base IRI (`xml:base`) and the language (`xml:lang`).
struct RDFXMLScope {
    /// nil when neither the caller nor the document gave a base.
    var base: IRI?
    /// nil when no language applies (`xml:lang=""` also resets it).
    var language: String?
}
