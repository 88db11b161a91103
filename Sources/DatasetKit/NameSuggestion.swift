public import KnowledgeGraph

/// Finds the declared term a misspelt one was probably meant to be, for "did you mean …?" hints.
public enum NameSuggestion {
    /// The candidate whose local name is closest to `iri`'s (case-insensitive edit distance of
    /// at most 2, and less than half the name's length), or nil. Ties go to the smallest IRI.
    /// Candidates in the misspelt term's own namespace are preferred (`ng:Persn` → `ng:Person`,
    /// not `schema:Person`).
    public static func closest<C: Collection>(to iri: IRI, among candidates: C) -> IRI? where C.Element == IRI {
        let wanted = String(localName(iri))
        let namespace = iri.value.dropLast(wanted.count)
        let others = candidates.filter { $0 != iri }
        for group in [others.filter { $0.value.dropLast(localName($0).count) == namespace }, others] {
            var byLocalName: [String: IRI] = [:]
            for candidate in group.sorted() {
                let local = String(localName(candidate))
                if byLocalName[local] == nil { byLocalName[local] = candidate }
            }
            if let match = closest(to: wanted, among: byLocalName.keys).flatMap({ byLocalName[$0] }) { return match }
        }
        return nil
    }

    /// The candidate closest to `name` by the same measure (for node ids and other plain names).
    public static func closest<C: Collection>(to name: String, among candidates: C) -> String? where C.Element == String {
        let wanted = Array(name.lowercased().unicodeScalars)
        guard !wanted.isEmpty else { return nil }
        let limit = min(2, (wanted.count - 1) / 2)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = editDistance(wanted, Array(candidate.lowercased().unicodeScalars))
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.name < candidate) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// The part after the last `#` or `/`.
    static func localName(_ iri: IRI) -> Substring {
        let value = iri.value
        guard let cut = value.lastIndex(where: { $0 == "#" || $0 == "/" }) else { return value[...] }
        return value[value.index(after: cut)...]
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
