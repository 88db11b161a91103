/// A set of triples that remembers the order they were added in.
///
/// Duplicates are ignored. Writers ask for ``sortedDescriptions()`` to get a stable,
/// input-order-independent walk subject by subject.
public struct Graph: Sendable, Sequence {
    /// The triples in insertion order.
    public private(set) var triples: [Triple] = []
    private var members: Set<Triple> = []
    /// Prefixes that readers found or that the caller wants writers to use.
    public var prefixes: PrefixMap = PrefixMap()

    public init() {}

    public init<S: Sequence>(_ triples: S) where S.Element == Triple {
        for triple in triples { insert(triple) }
    }

    /// Adds a triple; returns false when it was already present.
    @discardableResult
    public mutating func insert(_ triple: Triple) -> Bool {
        guard members.insert(triple).inserted else { return false }
        triples.append(triple)
        return true
    }

    /// Adds a triple made of its parts.
    @discardableResult
    public mutating func insert(_ subject: Term, _ predicate: IRI, _ object: Term) -> Bool {
        insert(Triple(subject: subject, predicate: predicate, object: object))
    }

    public var count: Int { triples.count }
    public var isEmpty: Bool { triples.isEmpty }

    public func contains(_ triple: Triple) -> Bool { members.contains(triple) }

    public func makeIterator() -> IndexingIterator<[Triple]> { triples.makeIterator() }

    /// All triples sorted by subject, predicate, object.
    public func sortedTriples() -> [Triple] { triples.sorted() }

    /// The triples grouped by subject, subjects in sorted order and each group sorted.
    public func sortedDescriptions() -> [SubjectDescription] {
        var groups: [Term: [Triple]] = [:]
        for triple in triples { groups[triple.subject, default: []].append(triple) }
        return groups.keys.sorted().map { subject in
            SubjectDescription(subject: subject, triples: (groups[subject] ?? []).sorted())
        }
    }

    /// Objects of triples with the given subject and predicate, in insertion order.
    public func objects(of subject: Term, _ predicate: IRI) -> [Term] {
        triples.filter { $0.subject == subject && $0.predicate == predicate }.map(\.object)
    }

    /// Subjects of triples with the given predicate and object, in insertion order.
    public func subjects(_ predicate: IRI, _ object: Term) -> [Term] {
        triples.filter { $0.predicate == predicate && $0.object == object }.map(\.subject)
    }
}

/// One subject and all the triples it is the subject of.
public struct SubjectDescription: Sendable, Hashable {
    public let subject: Term
    public let triples: [Triple]

    public init(subject: Term, triples: [Triple]) {
        self.subject = subject
        self.triples = triples
    }
}
