extension Graph {
    /// Whether the two graphs are the same up to renaming blank nodes (RDF graph isomorphism).
    ///
    /// Language tags compare case-insensitively. Blank nodes are matched by iterated colour
    /// refinement and then a backtracking search among nodes of the same colour.
    public func isIsomorphic(to other: Graph) -> Bool {
        let left = Set(triples.map(Self.normalised))
        let right = Set(other.triples.map(Self.normalised))
        guard left.count == right.count else { return false }
        let leftGround = left.filter { !$0.hasBlankNode }
        let rightGround = right.filter { !$0.hasBlankNode }
        guard leftGround == rightGround else { return false }
        let leftBlank = Array(left.filter(\.hasBlankNode))
        let rightBlank = Array(right.filter(\.hasBlankNode))
        guard leftBlank.count == rightBlank.count else { return false }
        if leftBlank.isEmpty { return true }
        var matcher = BlankNodeMatcher(left: leftBlank, right: rightBlank)
        return matcher.match()
    }

    static func normalised(_ triple: Triple) -> Triple {
        guard case .literal(let literal) = triple.object, let language = literal.language,
              language != language.lowercased() else { return triple }
        let lowered = Literal(unchecked: literal.lexicalForm, datatype: literal.datatype, language: language.lowercased())
        return Triple(subject: triple.subject, predicate: triple.predicate, object: .literal(lowered))
    }
}

extension Triple {
    var hasBlankNode: Bool { subject.blankNode != nil || object.blankNode != nil }
}

private struct BlankNodeMatcher {
    let left: [Triple]
    let right: [Triple]
    let rightSet: Set<Triple>
    let leftColours: [BlankNode: Int]
    let rightColours: [BlankNode: Int]
    let leftNodes: [BlankNode]

    init(left: [Triple], right: [Triple]) {
        self.left = left
        self.right = right
        self.rightSet = Set(right)
        self.leftColours = Self.colours(left)
        self.rightColours = Self.colours(right)
        self.leftNodes = leftColours.keys.sorted()
    }

    /// Colour refinement: a blank node's colour is a hash of its neighbourhood, iterated.
    static func colours(_ triples: [Triple]) -> [BlankNode: Int] {
        var colour: [BlankNode: Int] = [:]
        for triple in triples {
            if let node = triple.subject.blankNode { colour[node] = 0 }
            if let node = triple.object.blankNode { colour[node] = 0 }
        }
        func termHash(_ term: Term, _ current: [BlankNode: Int]) -> Int {
            if let node = term.blankNode { return current[node] ?? 0 &* 31 &+ 7 }
            return term.hashValue
        }
        for _ in 0..<4 {
            var next: [BlankNode: [Int]] = [:]
            for triple in triples {
                if let node = triple.subject.blankNode {
                    var hasher = Hasher()
                    hasher.combine(1)
                    hasher.combine(triple.predicate)
                    hasher.combine(termHash(triple.object, colour))
                    next[node, default: []].append(hasher.finalize())
                }
                if let node = triple.object.blankNode {
                    var hasher = Hasher()
                    hasher.combine(2)
                    hasher.combine(triple.predicate)
                    hasher.combine(termHash(triple.subject, colour))
                    next[node, default: []].append(hasher.finalize())
                }
            }
            var refined: [BlankNode: Int] = [:]
            for (node, parts) in next {
                var hasher = Hasher()
                hasher.combine(colour[node] ?? 0)
                for part in parts.sorted() { hasher.combine(part) }
                refined[node] = hasher.finalize()
            }
            colour = refined
        }
        return colour
    }

    mutating func match() -> Bool {
        let leftHistogram = Dictionary(leftColours.values.map { ($0, 1) }, uniquingKeysWith: +)
        let rightHistogram = Dictionary(rightColours.values.map { ($0, 1) }, uniquingKeysWith: +)
        guard leftHistogram == rightHistogram else { return false }
        var candidates: [Int: [BlankNode]] = [:]
        for (node, colour) in rightColours { candidates[colour, default: []].append(node) }
        for key in candidates.keys { candidates[key]?.sort() }
        // Most constrained nodes first.
        let order = leftNodes.sorted { (leftHistogram[leftColours[$0] ?? 0] ?? 0, $0) < (leftHistogram[leftColours[$1] ?? 0] ?? 0, $1) }
        var mapping: [BlankNode: BlankNode] = [:]
        var used: Set<BlankNode> = []
        var budget = 1_000_000
        return search(order, 0, &mapping, &used, candidates, &budget)
    }

    private func search(_ order: [BlankNode], _ index: Int, _ mapping: inout [BlankNode: BlankNode],
                        _ used: inout Set<BlankNode>, _ candidates: [Int: [BlankNode]], _ budget: inout Int) -> Bool {
        if index == order.count { return verify(mapping) }
        budget -= 1
        if budget < 0 { return false }
        let node = order[index]
        for candidate in candidates[leftColours[node] ?? 0] ?? [] where !used.contains(candidate) {
            mapping[node] = candidate
            used.insert(candidate)
            if consistent(node, mapping), search(order, index + 1, &mapping, &used, candidates, &budget) {
                return true
            }
            used.remove(candidate)
            mapping[node] = nil
        }
        return false
    }

    /// Checks the triples whose blank nodes are all mapped and that mention `node`.
    private func consistent(_ node: BlankNode, _ mapping: [BlankNode: BlankNode]) -> Bool {
        for triple in left where triple.subject.blankNode == node || triple.object.blankNode == node {
            guard let mapped = map(triple, mapping) else { continue }
            if !rightSet.contains(mapped) { return false }
        }
        return true
    }

    private func verify(_ mapping: [BlankNode: BlankNode]) -> Bool {
        left.allSatisfy { triple in map(triple, mapping).map(rightSet.contains) ?? false }
    }

    private func map(_ triple: Triple, _ mapping: [BlankNode: BlankNode]) -> Triple? {
        func mapTerm(_ term: Term) -> Term? {
            guard let node = term.blankNode else { return term }
            return mapping[node].map(Term.blank)
        }
        guard let subject = mapTerm(triple.subject), let object = mapTerm(triple.object) else { return nil }
        return Triple(subject: subject, predicate: triple.predicate, object: object)
    }
}
