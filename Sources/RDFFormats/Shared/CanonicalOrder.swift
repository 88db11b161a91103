import KnowledgeGraph

/// The order writers put triples in: exactly `Triple`'s `<` (subject, predicate, object; IRIs,
/// then blank nodes, then literals; text compared byte by byte in UTF-8), computed on the
/// strings' contiguous UTF-8 storage, which is several times faster on large graphs.
enum CanonicalOrder {
    /// The triples sorted, grouped by subject: what ``Graph/sortedDescriptions()`` gives.
    static func descriptions(_ triples: [Triple]) -> [SubjectDescription] {
        let sorted = self.sorted(triples)
        var result: [SubjectDescription] = []
        var start = sorted.startIndex
        while start < sorted.endIndex {
            var end = start + 1
            while end < sorted.endIndex && sorted[end].subject == sorted[start].subject { end += 1 }
            result.append(SubjectDescription(subject: sorted[start].subject, triples: Array(sorted[start..<end])))
            start = end
        }
        return result
    }

    static func sorted(_ triples: [Triple]) -> [Triple] {
        triples.sorted(by: less)
    }

    static func less(_ lhs: Triple, _ rhs: Triple) -> Bool {
        let subject = compare(lhs.subject, rhs.subject)
        if subject != 0 { return subject < 0 }
        let predicate = compare(lhs.predicate.value, rhs.predicate.value)
        if predicate != 0 { return predicate < 0 }
        return compare(lhs.object, rhs.object) < 0
    }

    static func compare(_ lhs: Term, _ rhs: Term) -> Int {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)):
            return compare(a.value, b.value)
        case (.blank(let a), .blank(let b)):
            return compare(a.id, b.id)
        case (.literal(let a), .literal(let b)):
            let lexical = compare(a.lexicalForm, b.lexicalForm)
            if lexical != 0 { return lexical }
            let datatype = compare(a.datatype.value, b.datatype.value)
            if datatype != 0 { return datatype }
            return compare(a.language ?? "", b.language ?? "")
        default:
            return rank(lhs) - rank(rhs)
        }
    }

    private static func rank(_ term: Term) -> Int {
        switch term {
        case .iri: return 0
        case .blank: return 1
        case .literal: return 2
        }
    }

    /// Three-way comparison of the UTF-8 bytes.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
                    index += 1
                }
                return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
            }
        }
    }
}
