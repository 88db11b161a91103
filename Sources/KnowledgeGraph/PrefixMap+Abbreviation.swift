extension PrefixMap {
    /// `prefix:local` for an IRI in one of the map's namespaces (the longest that matches),
    /// or nil. Meant for messages, where `ng:Person` reads better than the full IRI.
    public func abbreviate(_ iri: IRI) -> String? {
        var best: (prefix: String, namespace: String)?
        for entry in entries where iri.value.hasPrefix(entry.namespace) {
            if entry.namespace.utf8.count > (best?.namespace.utf8.count ?? -1) { best = entry }
        }
        guard let best else { return nil }
        let local = iri.value.dropFirst(best.namespace.count)
        guard !local.isEmpty, !local.contains(where: { "/#?".contains($0) }) else { return nil }
        return "\(best.prefix):\(local)"
    }

    /// The abbreviated form when there is one, else `<IRI>`.
    public func display(_ iri: IRI) -> String {
        abbreviate(iri) ?? "<\(iri.value)>"
    }
}
