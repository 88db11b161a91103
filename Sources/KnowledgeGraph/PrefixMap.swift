/// Namespace prefixes (e.g. `ng` → `https://example.org/ng#`) that writers use for readable output.
///
/// The map keeps the order prefixes were added in; lookups pick the longest matching namespace.
public struct PrefixMap: Hashable, Sendable {
    /// Prefix and namespace pairs, in the order they were added.
    public private(set) var entries: [(prefix: String, namespace: String)] = []

    public init() {}

    /// A map pre-filled with `rdf`, `rdfs`, `xsd` and `owl`.
    public static var standard: PrefixMap {
        var map = PrefixMap()
        map.add(prefix: "rdf", namespace: Vocabulary.rdfNamespace)
        map.add(prefix: "rdfs", namespace: Vocabulary.rdfsNamespace)
        map.add(prefix: "xsd", namespace: Vocabulary.xsdNamespace)
        map.add(prefix: "owl", namespace: Vocabulary.owlNamespace)
        return map
    }

    /// Adds a prefix unless the prefix or the namespace is already present.
    public mutating func add(prefix: String, namespace: String) {
        guard !entries.contains(where: { $0.prefix == prefix || $0.namespace == namespace }) else { return }
        entries.append((prefix, namespace))
    }

    /// The namespace bound to `prefix`.
    public func namespace(for prefix: String) -> String? {
        entries.first(where: { $0.prefix == prefix })?.namespace
    }

    /// The prefix bound to exactly `namespace`.
    public func prefix(for namespace: String) -> String? {
        entries.first(where: { $0.namespace == namespace })?.prefix
    }

    public static func == (lhs: PrefixMap, rhs: PrefixMap) -> Bool {
        lhs.entries.elementsEqual(rhs.entries, by: { $0.prefix == $1.prefix && $0.namespace == $1.namespace })
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.prefix)
            hasher.combine(entry.namespace)
        }
    }
}
