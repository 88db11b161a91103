/// A set of triples that remembers the order they were added in.
///
/// Duplicates are ignored. Writers ask for ``sortedDescriptions()`` to get a stable,
/// input-order-independent walk subject by subject.
///
/// Inside, every distinct term is stored once (a term dictionary with integer ids) and a
/// triple is three ids, so a graph of millions of triples takes tens of bytes per triple
/// rather than hundreds. The graph is a value: copies share storage until one changes.
public struct Graph: Sendable, Sequence {
    private var storage: GraphStorage
    /// Prefixes that readers found or that the caller wants writers to use.
    public var prefixes: PrefixMap = PrefixMap()

    public init() {
        storage = GraphStorage()
    }

    public init<S: Sequence>(_ triples: S) where S.Element == Triple {
        storage = GraphStorage()
        for triple in triples { insert(triple) }
    }

    /// The triples in insertion order (made on each call; iterate the graph itself to avoid
    /// building the array).
    public var triples: [Triple] {
        var result: [Triple] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(triple(at: index)) }
        return result
    }

    /// Adds a triple; returns false when it was already present.
    @discardableResult
    public mutating func insert(_ triple: Triple) -> Bool {
        makeUnique()
        let terms = storage.terms
        let s = terms.intern(triple.subject)
        let p = terms.intern(.iri, triple.predicate.value)
        let o = terms.intern(triple.object)
        return storage.triples.insert(s, p, o)
    }

    /// Adds a triple made of its parts.
    @discardableResult
    public mutating func insert(_ subject: Term, _ predicate: IRI, _ object: Term) -> Bool {
        insert(Triple(subject: subject, predicate: predicate, object: object))
    }

    public var count: Int { storage.triples.count }
    public var isEmpty: Bool { count == 0 }

    public func contains(_ triple: Triple) -> Bool {
        let terms = storage.terms
        guard let s = terms.find(triple.subject), let p = terms.find(.iri, triple.predicate.value),
              let o = terms.find(triple.object) else { return false }
        return storage.triples.find(s, p, o) != nil
    }

    /// Iterates the triples in insertion order.
    public struct Iterator: IteratorProtocol {
        private let storage: GraphStorage
        private var index = 0

        init(_ storage: GraphStorage) { self.storage = storage }

        public mutating func next() -> Triple? {
            guard index < storage.triples.count else { return nil }
            defer { index += 1 }
            return storage.triple(at: index)
        }
    }

    public func makeIterator() -> Iterator { Iterator(storage) }

    public var underestimatedCount: Int { count }

    /// All triples sorted by subject, predicate, object.
    public func sortedTriples() -> [Triple] { triples.sorted() }

    /// The triples grouped by subject, subjects in sorted order and each group sorted.
    public func sortedDescriptions() -> [SubjectDescription] {
        var groups: [Term: [Triple]] = [:]
        for triple in self { groups[triple.subject, default: []].append(triple) }
        return groups.keys.sorted().map { subject in
            SubjectDescription(subject: subject, triples: (groups[subject] ?? []).sorted())
        }
    }

    /// Objects of triples with the given subject and predicate, in insertion order.
    public func objects(of subject: Term, _ predicate: IRI) -> [Term] {
        let terms = storage.terms, table = storage.triples
        guard let s = terms.find(subject), let p = terms.find(.iri, predicate.value) else { return [] }
        var result: [Term] = []
        for index in 0..<table.count where table.subject(index) == s && table.predicate(index) == p {
            result.append(terms.term(table.object(index)))
        }
        return result
    }

    /// Subjects of triples with the given predicate and object, in insertion order.
    public func subjects(_ predicate: IRI, _ object: Term) -> [Term] {
        let terms = storage.terms, table = storage.triples
        guard let p = terms.find(.iri, predicate.value), let o = terms.find(object) else { return [] }
        var result: [Term] = []
        for index in 0..<table.count where table.predicate(index) == p && table.object(index) == o {
            result.append(terms.term(table.subject(index)))
        }
        return result
    }

    private func triple(at index: Int) -> Triple { storage.triple(at: index) }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    // MARK: - Id-level access for readers and writers in this package

    /// The term dictionary. Read it only; it is valid as long as the graph is not changed.
    package var termStore: TermStore { storage.terms }

    /// The triples as ids. Read it only; it is valid as long as the graph is not changed.
    package var tripleTable: TripleTable { storage.triples }

    /// Stores a term given as bytes (see ``TermStore/intern(_:_:extra:)``).
    package mutating func intern(_ kind: TermKind, _ bytes: UnsafeRawBufferPointer, extra: TermID = 0) -> TermID {
        makeUnique()
        return storage.terms.intern(kind, bytes, extra: extra)
    }

    /// Adds a triple of stored term ids; returns false when it was already present.
    @discardableResult
    package mutating func insert(ids subject: TermID, _ predicate: TermID, _ object: TermID) -> Bool {
        makeUnique()
        return storage.triples.insert(subject, predicate, object)
    }

    /// Gives back spare capacity once the graph is complete.
    package mutating func shrinkToFit() {
        makeUnique()
        storage.terms.shrinkToFit()
        storage.triples.shrinkToFit()
    }

    /// Bytes held by the term dictionary and the triple table, for measurements.
    package var memoryFootprint: Int { storage.terms.memoryFootprint + storage.triples.memoryFootprint }
}

/// The shared, copy-on-write storage of a ``Graph``.
final class GraphStorage: @unchecked Sendable {
    let terms: TermStore
    let triples: TripleTable

    init() {
        terms = TermStore()
        triples = TripleTable()
    }

    private init(terms: TermStore, triples: TripleTable) {
        self.terms = terms
        self.triples = triples
    }

    func copy() -> GraphStorage { GraphStorage(terms: terms.copy(), triples: triples.copy()) }

    func triple(at index: Int) -> Triple {
        Triple(subject: terms.term(triples.subject(index)), predicate: terms.iri(triples.predicate(index)),
               object: terms.term(triples.object(index)))
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
