public import KnowledgeGraph

/// Prefixes every dataset may use without declaring them: the W3C vocabularies and the public
/// ones the ontology aligns with. A dataset's own `prefixes:` may rebind any of these.
public enum WellKnownPrefixes {
    /// `rdf`, `rdfs`, `xsd`, `owl`, then the others in alphabetical order.
    public static let all: PrefixMap = {
        var map = PrefixMap.standard
        let others: [(String, String)] = [
            ("dcterms", "http://purl.org/dc/terms/"),
            ("foaf", "http://xmlns.com/foaf/0.1/"),
            ("org", "http://www.w3.org/ns/org#"),
            ("prov", Vocabulary.provNamespace),
            ("schema", "http://schema.org/"),
            ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
            ("skos", Vocabulary.skosNamespace),
            ("time", "http://www.w3.org/2006/time#"),
            ("wd", "http://www.wikidata.org/entity/"),
        ]
        for (prefix, namespace) in others { map.add(prefix: prefix, namespace: namespace) }
        return map
    }()
}
