import KnowledgeGraph
import XMLSupport

/// Splits IRIs into an XML namespace and a local name, as RDF/XML element names need, and
/// chooses the prefixes that the document declares.
///
/// An IRI splits after the last character that cannot be part of an NCName; the local name
/// then starts at the first character of that tail that may start an NCName (a letter or `_`),
/// as Jena and rdflib do: `…/rel/p2` is `…/rel/` + `p2`, `…/12abc` is `…/12` + `abc`, and
/// `…/2019` or `…/rel/` have no local name at all. A namespace from the preferred prefixes wins
/// when the rest of the IRI is an NCName, so the ontology's own prefixes are used.
struct XMLQualifiedNames {
    /// A split IRI.
    struct Split: Hashable {
        var namespace: String
        var localName: String
    }

    private let preferred: [(prefix: String, namespace: String)]
    private var cache: [IRI: Split?] = [:]
    /// Namespaces used by the element names written so far (planning pass).
    private(set) var usedNamespaces: Set<String> = [Vocabulary.rdfNamespace]
    /// Prefix of each used namespace, after ``assignPrefixes()``.
    private(set) var prefixes: [String: String] = [:]

    /// - Parameter preferred: prefixes to use where they fit; invalid ones (not an NCName,
    ///   starting with `xml`, binding `rdf` elsewhere, or binding the reserved XML namespaces)
    ///   are ignored. `rdf` is always bound to the RDF namespace.
    init(preferred map: PrefixMap) {
        var entries: [(prefix: String, namespace: String)] = [("rdf", Vocabulary.rdfNamespace)]
        for entry in map.entries where Self.isUsablePrefix(entry.prefix)
            && Self.isDeclarable(entry.namespace) && !entries.contains(where: {
                $0.prefix == entry.prefix || $0.namespace == entry.namespace
            }) {
            entries.append(entry)
        }
        preferred = entries.sorted { $0.namespace.utf8.count > $1.namespace.utf8.count }
    }

    /// Whether `prefix` may be declared: an NCName not starting with `xml` (reserved by
    /// Namespaces in XML).
    static func isUsablePrefix(_ prefix: String) -> Bool {
        XMLCharacters.isNCName(prefix) && !prefix.lowercased().hasPrefix("xml")
    }

    /// Whether a namespace may be bound to an ordinary prefix (the XML and XMLNS namespaces may not).
    static func isDeclarable(_ namespace: String) -> Bool {
        namespace != Vocabulary.xmlNamespace && namespace != "http://www.w3.org/2000/xmlns/"
    }

    /// Splits `iri`, or returns nil when it has no NCName tail or its namespace cannot be declared.
    mutating func split(_ iri: IRI) -> Split? {
        if let known = cache[iri] { return known }
        let result = Self.computeSplit(iri.value, preferred: preferred)
        cache[iri] = result
        return result
    }

    private static func computeSplit(_ value: String, preferred: [(prefix: String, namespace: String)]) -> Split? {
        for entry in preferred where value.hasPrefix(entry.namespace) {
            let rest = String(value.dropFirst(entry.namespace.count))
            if XMLCharacters.isNCName(rest) { return Split(namespace: entry.namespace, localName: rest) }
        }
        return naturalSplit(value)
    }

    /// The split after the last character that cannot be in an NCName, at the first character
    /// that may start one; nil when there is none or the namespace cannot be declared.
    static func naturalSplit(_ value: String) -> Split? {
        let scalars = value.unicodeScalars
        var tailStart = scalars.endIndex
        while tailStart > scalars.startIndex {
            let previous = scalars.index(before: tailStart)
            guard XMLCharacters.isNameChar(scalars[previous]) else { break }
            tailStart = previous
        }
        guard let localStart = scalars[tailStart...].firstIndex(where: XMLCharacters.isNameStart) else { return nil }
        let namespace = String(scalars[..<localStart])
        guard !namespace.isEmpty, isDeclarable(namespace) else { return nil }
        return Split(namespace: namespace, localName: String(scalars[localStart...]))
    }

    /// Records that an element name in `namespace` will be written.
    mutating func use(_ namespace: String) {
        usedNamespaces.insert(namespace)
    }

    /// Binds a prefix to every used namespace: the preferred prefix where there is one, else
    /// `ns1`, `ns2`, … in the sorted order of the namespaces (skipping taken names).
    mutating func assignPrefixes() {
        prefixes = [:]
        for namespace in usedNamespaces {
            if let entry = preferred.first(where: { $0.namespace == namespace }) {
                prefixes[namespace] = entry.prefix
            }
        }
        let unprefixed = usedNamespaces.filter { prefixes[$0] == nil }
        for generated in Self.generatedPrefixes(for: unprefixed, avoiding: Set(preferred.map(\.prefix))) {
            prefixes[generated.namespace] = generated.prefix
        }
    }

    /// `ns1`, `ns2`, … for `namespaces` in their sorted order (by bytes), skipping the names in
    /// `taken`: how the RDF/XML and Turtle writers name namespaces that no prefix covers.
    static func generatedPrefixes(for namespaces: some Sequence<String>,
                                  avoiding taken: Set<String>) -> [(prefix: String, namespace: String)] {
        var taken = taken
        var counter = 0
        return namespaces.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { namespace in
            var candidate: String
            repeat {
                counter += 1
                candidate = "ns\(counter)"
            } while taken.contains(candidate)
            taken.insert(candidate)
            return (candidate, namespace)
        }
    }

    /// The declarations for the root element: `rdf` first, then by prefix.
    var declarations: [(prefix: String, namespace: String)] {
        prefixes.map { (prefix: $0.value, namespace: $0.key) }.sorted { lhs, rhs in
            if (lhs.prefix == "rdf") != (rhs.prefix == "rdf") { return lhs.prefix == "rdf" }
            return lhs.prefix.utf8.lexicographicallyPrecedes(rhs.prefix.utf8)
        }
    }

    /// `prefix:local`, or nil when the split's namespace was not used before ``assignPrefixes()``.
    func qualifiedName(_ split: Split) -> String? {
        prefixes[split.namespace].map { $0 + ":" + split.localName }
    }
}
