import KnowledgeGraph

/// Renames the blank nodes of a graph to `b1`, `b2`, … (zero-padded, so text order is number
/// order) in an order derived from the graph's content, never from the input's labels.
///
/// Writers must give the same bytes for the same graph however its blank nodes were labelled
/// (a reader labels them in document order, so shuffled input means different labels). The
/// order comes from colour refinement: a blank node's colour starts as a stable hash of its
/// triples with IRIs and literals and is refined, round by round, with its blank neighbours'
/// colours. Nodes still tied afterwards are either interchangeable (same ground triples, no
/// blank neighbours: any order gives the same output) or get one of them singled out and the
/// refinement repeated, so symmetric structures such as cycles still come out the same.
enum BlankNodeRelabeling {
    /// The graph with every blank node renamed; prefixes are kept. Triples are in no particular order.
    static func relabel(_ graph: Graph, prefix: String = "b") -> Graph {
        let names = canonicalNames(graph, prefix: prefix)
        if names.isEmpty { return graph }
        func rename(_ term: Term) -> Term {
            guard let node = term.blankNode, let name = names[node] else { return term }
            return .blank(BlankNode(name))
        }
        var result = Graph(graph.triples.map { triple in
            Triple(subject: rename(triple.subject), predicate: triple.predicate, object: rename(triple.object))
        })
        result.prefixes = graph.prefixes
        return result
    }

    /// The new label of every blank node of `graph`.
    static func canonicalNames(_ graph: Graph, prefix: String) -> [BlankNode: String] {
        var refinement = ColourRefinement(graph)
        let order = refinement.canonicalOrder()
        let width = String(order.count).count
        var names: [BlankNode: String] = [:]
        for (position, node) in order.enumerated() {
            let number = String(position + 1)
            names[node] = prefix + String(repeating: "0", count: width - number.count) + number
        }
        return names
    }
}

/// Colour refinement over the blank nodes of one graph, with stable hashes.
private struct ColourRefinement {
    /// An edge between two blank nodes, seen from one of them.
    struct BlankEdge {
        var outgoing: Bool
        var predicate: UInt64
        var neighbour: Int
    }

    let nodes: [BlankNode]
    var colours: [UInt64]
    let edges: [[BlankEdge]]

    init(_ graph: Graph) {
        var index: [BlankNode: Int] = [:]
        var nodes: [BlankNode] = []
        func indexOf(_ node: BlankNode) -> Int {
            if let known = index[node] { return known }
            index[node] = nodes.count
            nodes.append(node)
            return nodes.count - 1
        }
        var ground: [[UInt64]] = []
        var edges: [[BlankEdge]] = []
        func grow(_ position: Int) {
            while ground.count <= position {
                ground.append([])
                edges.append([])
            }
        }
        for triple in graph.triples {
            let subject = triple.subject.blankNode.map(indexOf)
            let object = triple.object.blankNode.map(indexOf)
            if subject == nil && object == nil { continue }
            var predicateHasher = StableHasher()
            predicateHasher.combine(triple.predicate.value)
            let predicate = predicateHasher.finalize()
            switch (subject, object) {
            case (let s?, let o?):
                grow(max(s, o))
                edges[s].append(BlankEdge(outgoing: true, predicate: predicate, neighbour: o))
                edges[o].append(BlankEdge(outgoing: false, predicate: predicate, neighbour: s))
            case (let s?, nil):
                grow(s)
                var hasher = StableHasher()
                hasher.combine(UInt8(ascii: ">"))
                hasher.combine(predicate)
                hasher.combine(triple.object)
                ground[s].append(hasher.finalize())
            case (nil, let o?):
                grow(o)
                var hasher = StableHasher()
                hasher.combine(UInt8(ascii: "<"))
                hasher.combine(predicate)
                hasher.combine(triple.subject)
                ground[o].append(hasher.finalize())
            case (nil, nil):
                break
            }
        }
        self.nodes = nodes
        self.edges = edges
        self.colours = ground.map { parts in
            var hasher = StableHasher()
            for part in parts.sorted() { hasher.combine(part) }
            return hasher.finalize()
        }
    }

    /// Blank nodes in an order that depends only on the graph's content (up to automorphism).
    mutating func canonicalOrder() -> [BlankNode] {
        refineUntilStable()
        while let chosen = nodeToSingleOut() {
            var hasher = StableHasher()
            hasher.combine(colours[chosen])
            hasher.combine("singled out")
            colours[chosen] = hasher.finalize()
            refineUntilStable()
        }
        return colours.indices
            .sorted { (colours[$0], nodes[$0]) < (colours[$1], nodes[$1]) }
            .map { nodes[$0] }
    }

    private func distinctCount(_ values: [UInt64]) -> Int { Set(values).count }

    private mutating func refineUntilStable() {
        var classes = distinctCount(colours)
        while true {
            let next = colours.indices.map { position -> UInt64 in
                let parts = edges[position].map { edge -> UInt64 in
                    var hasher = StableHasher()
                    hasher.combine(UInt8(edge.outgoing ? 1 : 0))
                    hasher.combine(edge.predicate)
                    hasher.combine(colours[edge.neighbour])
                    return hasher.finalize()
                }
                var hasher = StableHasher()
                hasher.combine(colours[position])
                for part in parts.sorted() { hasher.combine(part) }
                return hasher.finalize()
            }
            let nextClasses = distinctCount(next)
            colours = next
            if nextClasses == classes { return }
            classes = nextClasses
        }
    }

    /// A node of the lowest-coloured tied class whose members have blank neighbours (only
    /// those can be told apart by position); nil when no such tie is left.
    private func nodeToSingleOut() -> Int? {
        var members: [UInt64: [Int]] = [:]
        for position in colours.indices where !edges[position].isEmpty {
            members[colours[position], default: []].append(position)
        }
        let tied = members.filter { $0.value.count > 1 }
        guard let colour = tied.keys.min(), let group = tied[colour] else { return nil }
        return group.min { nodes[$0] < nodes[$1] }
    }
}
