public import KnowledgeGraph

/// A deterministic, news-shaped synthetic graph that conforms to the bundled ontology, for
/// benchmarks and property tests.
///
/// Eight classes in turn (person, state, party, article, endorsement, statement, visit, support
/// tally); every node has a type, a label with non-ASCII letters, a comment with `&`, `<` and quotes,
/// two more typed literals (dates, integers, alternative names) and four edges to earlier or later nodes whose
/// classes satisfy the properties' domains and ranges: about 9 triples and 4 edges a node. About
/// 5% of the edges repeat the source and target of the edge before them with another property
/// (parallel edges in a property graph). The same `nodes` and `seed` give the same triples.
public struct SyntheticNewsGraph: Sendable {
    /// How many nodes to generate (at least 8, so every class is present, and at most
    /// ``maximumNodes``).
    public let nodes: Int
    /// The most nodes a graph may have: a trillion (about nine trillion triples), far beyond any
    /// benchmark, and small enough that no index arithmetic overflows.
    public static let maximumNodes = 1_000_000_000_000
    /// The random seed.
    public let seed: UInt64
    /// The namespace of instance IRIs.
    public let base: String

    static let ng = "https://kgexport.example.org/ns/newsgraph#"
    static let schema = "http://schema.org/"
    static let prov = "http://www.w3.org/ns/prov#"

    /// - Parameter nodes: clamped to 8…``maximumNodes``.
    public init(nodes: Int, seed: UInt64, base: String = "https://kgexport.example.org/id/synthetic/") {
        self.nodes = min(max(nodes, 8), Self.maximumNodes)
        self.seed = seed
        self.base = base
    }

    // Within a node, no two edges share both property and target kind, so no triple repeats.

    /// The kinds of node, in the order they take turns.
    enum Kind: Int, CaseIterable {
        case person, state, party, article, endorsement, statement, visit, tally

        var className: String {
            switch self {
            case .person: return "Person"
            case .state: return "State"
            case .party: return "PoliticalParty"
            case .article: return "NewsArticle"
            case .endorsement: return "Endorsement"
            case .statement: return "Statement"
            case .visit: return "Visit"
            case .tally: return "SupportTally"
            }
        }
    }

    /// Calls `emit` with every triple, node by node.
    public func generate<Failure: Error>(_ emit: (Triple) throws(Failure) -> Void) throws(Failure) {
        var random = SplitMix64(seed: seed)
        let kinds = Kind.allCases.count
        for index in 0..<nodes {
            let kind = Kind(rawValue: index % kinds) ?? .person
            let subject = node(index)
            let p = Predicates.self
            try emit(Triple(subject: subject, predicate: Vocabulary.rdfType, object: .iri(IRI(unchecked: Self.ng + kind.className))))
            try emit(Triple(subject: subject, predicate: Vocabulary.rdfsLabel, object: .literal(Literal(name(kind, index, &random)))))
            try emit(Triple(subject: subject, predicate: p.comment, object: .literal(Literal(text(index, &random)))))
            var edges: [(IRI, Kind)] = []
            switch kind {
            case .person:
                try emit(Triple(subject: subject, predicate: p.altLabel, object: .literal(Literal(altName(index, &random)))))
                try emit(Triple(subject: subject, predicate: p.altLabel, object: .literal(Literal("\(altName(index, &random)) alt"))))
                edges = [(p.memberOfParty, .party), (p.seeAlso, .party), (p.sameAs, .person), (p.seeAlso, .person)]
            case .state, .party:
                try emit(Triple(subject: subject, predicate: p.altLabel, object: .literal(Literal(altName(index, &random)))))
                try emit(Triple(subject: subject, predicate: p.altLabel, object: .literal(Literal("\(altName(index, &random)) alt"))))
                edges = [(p.sameAs, kind), (p.seeAlso, kind), (p.seeAlso, .article), (p.seeAlso, kind == .state ? .person : .state)]
            case .article:
                try emit(Triple(subject: subject, predicate: p.datePublished, object: date(&random)))
                try emit(Triple(subject: subject, predicate: p.headline, object: .literal(Literal(text(index, &random)))))
                edges = [(p.derivedFrom, .article), (p.seeAlso, .article), (p.seeAlso, .state), (p.publisher, .party)]
            case .endorsement:
                try emit(Triple(subject: subject, predicate: p.date, object: date(&random)))
                try emit(Triple(subject: subject, predicate: p.summary, object: .literal(Literal(text(index, &random)))))
                edges = [(p.endorser, .state), (p.endorsee, .person), (p.place, .state), (p.derivedFrom, .article)]
            case .statement:
                try emit(Triple(subject: subject, predicate: p.date, object: date(&random)))
                try emit(Triple(subject: subject, predicate: p.summary, object: .literal(Literal(text(index, &random)))))
                edges = [(p.speaker, .person), (p.about, .person), (p.place, .state), (p.derivedFrom, .article)]
            case .visit:
                try emit(Triple(subject: subject, predicate: p.date, object: date(&random)))
                try emit(Triple(subject: subject, predicate: p.summary, object: .literal(Literal(text(index, &random)))))
                edges = [(p.visitor, .person), (p.host, .state), (p.place, .state), (p.derivedFrom, .article)]
            case .tally:
                let total = 2 + Int(random.next() % 60)
                try emit(Triple(subject: subject, predicate: p.count, object: integer(Int(random.next() % UInt64(total + 1)))))
                try emit(Triple(subject: subject, predicate: p.total, object: integer(total)))
                edges = [(p.derivedFrom, .article), (p.seeAlso, .article), (p.seeAlso, .state), (p.seeAlso, .person)]
            }
            // Six of the eight kinds have two consecutive edges to the same kind; making the first
            // such pair parallel in 27% of those nodes gives about 5% parallel edges overall.
            let makeParallel = random.next() % 100 < 27
            var previous: (target: Int, kind: Kind)?
            var parallelMade = false
            for (predicate, targetKind) in edges {
                let target: Int
                if makeParallel, !parallelMade, let previous, previous.kind == targetKind {
                    target = previous.target
                    parallelMade = true
                } else {
                    target = pick(targetKind, avoiding: index, &random)
                }
                previous = (target, targetKind)
                try emit(Triple(subject: subject, predicate: predicate, object: node(target)))
            }
        }
    }

    /// Generates the whole graph in memory (for tests and small sizes).
    public func graph() -> Graph {
        var graph = Graph()
        generate { (triple: Triple) throws(Never) in graph.insert(triple) }
        graph.prefixes = Self.prefixes
        return graph
    }

    /// The prefixes to write the synthetic graph with.
    public static var prefixes: PrefixMap {
        var map = PrefixMap.standard
        map.add(prefix: "ng", namespace: ng)
        map.add(prefix: "schema", namespace: schema)
        map.add(prefix: "prov", namespace: prov)
        map.add(prefix: "skos", namespace: "http://www.w3.org/2004/02/skos/core#")
        return map
    }

    func node(_ index: Int) -> Term { .iri(IRI(unchecked: base + "n\(index)")) }

    /// A node of the given kind other than `index`, chosen at random.
    func pick(_ kind: Kind, avoiding index: Int, _ random: inout SplitMix64) -> Int {
        let kinds = Kind.allCases.count
        let count = (nodes - kind.rawValue + kinds - 1) / kinds
        var candidate = kind.rawValue + Int(random.next() % UInt64(max(count, 1))) * kinds
        if candidate == index { candidate = (candidate + kinds) < nodes ? candidate + kinds : kind.rawValue }
        return candidate
    }

    static let firstNames = ["Gitanas", "Krišjānis", "Kaja", "Margus", "Klaus", "Julianne", "Mark", "Ērika", "Ōtsu", "Zoë", "Łukasz", "Søren"]
    static let lastNames = ["Nausėda", "Kariņš", "Kallas", "Tsahkna", "Iohannis", "Smith", "Rutte", "Dvořák", "Müller", "Ørsted"]
    static let places = ["Vilnius", "Tallinn", "Rīga", "București", "Den Haag", "Kraków", "Tórshavn", "Zürich"]

    func name(_ kind: Kind, _ index: Int, _ random: inout SplitMix64) -> String {
        switch kind {
        case .person:
            return "\(Self.firstNames[Int(random.next() % 12)]) \(Self.lastNames[Int(random.next() % 10)]) \(index)"
        case .state: return "State of \(Self.places[Int(random.next() % 8)]) \(index)"
        case .party: return "Party \"\(Self.lastNames[Int(random.next() % 10)])\" & Co \(index)"
        case .article: return "Report <\(index)> from \(Self.places[Int(random.next() % 8)])"
        case .endorsement: return "Endorsement \(index)"
        case .statement: return "Statement \(index)"
        case .visit: return "Visit to \(Self.places[Int(random.next() % 8)]) \(index)"
        case .tally: return "Tally \(index)"
        }
    }

    func altName(_ index: Int, _ random: inout SplitMix64) -> String {
        "\(Self.lastNames[Int(random.next() % 10)]) (\(index))"
    }

    func text(_ index: Int, _ random: inout SplitMix64) -> String {
        "Said \"we back \(Self.lastNames[Int(random.next() % 10)])\" & more < \(random.next() % 1000) 'ok' #\(index)"
    }

    func date(_ random: inout SplitMix64) -> Term {
        let year = 2020 + Int(random.next() % 6)
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return .literal(Literal(unchecked: text, datatype: Vocabulary.xsdDate, language: nil))
    }

    func integer(_ value: Int) -> Term {
        .literal(Literal(unchecked: String(value), datatype: Vocabulary.xsdNonNegativeInteger, language: nil))
    }

    enum Predicates {
        static let altLabel = IRI(unchecked: "http://www.w3.org/2004/02/skos/core#altLabel")
        static let comment = Vocabulary.rdfsComment
        static let seeAlso = IRI(unchecked: Vocabulary.rdfsNamespace + "seeAlso")
        static let sameAs = Vocabulary.owlSameAs
        static let memberOfParty = IRI(unchecked: ng + "memberOfParty")
        static let datePublished = IRI(unchecked: schema + "datePublished")
        static let headline = IRI(unchecked: schema + "headline")
        static let publisher = IRI(unchecked: schema + "publisher")
        static let date = IRI(unchecked: ng + "date")
        static let summary = IRI(unchecked: ng + "summary")
        static let endorser = IRI(unchecked: ng + "endorser")
        static let endorsee = IRI(unchecked: ng + "endorsee")
        static let place = IRI(unchecked: ng + "place")
        static let derivedFrom = IRI(unchecked: prov + "wasDerivedFrom")
        static let speaker = IRI(unchecked: ng + "speaker")
        static let about = IRI(unchecked: ng + "about")
        static let visitor = IRI(unchecked: ng + "visitor")
        static let host = IRI(unchecked: ng + "host")
        static let count = IRI(unchecked: ng + "count")
        static let total = IRI(unchecked: ng + "total")
    }
}

/// SplitMix64: a tiny, fast, well-distributed generator; the same seed gives the same sequence
/// on every platform (unlike `SystemRandomNumberGenerator`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
