public import KnowledgeGraph

/// Prefixes every dataset may use without declaring them: the W3C vocabularies and the public
/// ones the ontology aligns with. A dataset's own `prefixes:` may rebind any of these.
public enum WellKnownPrefixes {
    /// `rdf`, `rdfs`, `xsd`, `owl`, then the others in alphabetical order (``PrefixMap/wellKnown``).
    public static let all: PrefixMap = .wellKnown
}
