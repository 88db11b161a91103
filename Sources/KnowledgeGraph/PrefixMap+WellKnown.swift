extension PrefixMap {
    /// The W3C vocabularies and the public ones knowledge graphs (and the project's ontology)
    /// align with: `rdf`, `rdfs`, `xsd`, `owl`, then the others in alphabetical order.
    ///
    /// Datasets may use these without declaring them, and the property-graph writers name things
    /// with them when a graph (read from N-Triples, say) declares no prefixes of its own.
    public static let wellKnown: PrefixMap = {
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
