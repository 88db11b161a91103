public import KnowledgeGraph

extension PrefixMap {
    /// The standard prefixes plus the vocabularies knowledge graphs commonly use, so that graphs
    /// read from N-Triples (which declares no prefixes) still get readable node ids and names.
    /// (The dataset loader has its own list for what datasets may use undeclared; this one also
    /// knows the project's `ng` namespace.)
    public static var wellKnown: PrefixMap {
        var map = PrefixMap.standard
        let entries: [(String, String)] = [
            ("skos", Vocabulary.skosNamespace),
            ("prov", Vocabulary.provNamespace),
            ("schema", "http://schema.org/"),
            ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
            ("org", "http://www.w3.org/ns/org#"),
            ("time", "http://www.w3.org/2006/time#"),
            ("dcterms", "http://purl.org/dc/terms/"),
            ("dc", "http://purl.org/dc/elements/1.1/"),
            ("foaf", "http://xmlns.com/foaf/0.1/"),
            ("wd", "http://www.wikidata.org/entity/"),
            ("ng", "https://kgexport.example.org/ns/newsgraph#"),
        ]
        for (prefix, namespace) in entries { map.add(prefix: prefix, namespace: namespace) }
        return map
    }
}
