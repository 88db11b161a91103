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
/// (Graphs that colour refinement cannot tell apart from a different graph, such as some
/// regular structures, may still depend on labels; they do not occur in practice.)
enum BlankNodeRelabeling {
    /// The graph's triples with every blank node renamed, in no particular order (renaming is
    /// one-to-one, so they stay distinct).
    static func relabelledTriples(_ graph: Graph, prefix: String = "b") -> [Triple] {
        let names = canonicalNames(graph, prefix: prefix)
        if names.isEmpty { return graph.triples }
        func rename(_ term: Term) -> Term {
            guard let node = term.blankNode, let name = names[node] else { return term }
            return .blank(BlankNode(name))
        }
        return graph.triples.map { triple in
            guard triple.subject.blankNode != nil || triple.object.blankNode != nil else { return triple }
            return Triple(subject: rename(triple.subject), predicate: triple.predicate, object: rename(triple.object))
        }
    }

    /// The blank nodes of `graph` in their canonical order (the new label of the node at
    /// position `k` is `prefix` + `k + 1`, zero-padded).
    static func canonicalOrder(_ graph: Graph) -> [BlankNode] {
        var refinement = ColourRefinement(graph)
        return refinement.canonicalOrder()
    }

    /// The new label of every blank node of `graph`.
    static func canonicalNames(_ graph: Graph, prefix: String) -> [BlankNode: String] {
        let order = canonicalOrder(graph)
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
    ///
    /// Colours only flow along blank-to-blank edges, so each connected group of blank nodes is
    /// refined on its own (a symmetric group costs in proportion to its own size, not the
    /// graph's). Groups are then ordered by their sorted colours; groups with equal colours are
    /// the same shape, so their order does not change the output.
    mutating func canonicalOrder() -> [BlankNode] {
        var groups: [(key: [UInt64], first: BlankNode, members: [Int])] = []
        for component in connectedComponents() {
            refineUntilStable(component)
            while let chosen = nodeToSingleOut(component) {
                var hasher = StableHasher()
                hasher.combine(colours[chosen])
                hasher.combine("singled out")
                colours[chosen] = hasher.finalize()
                refineUntilStable(component)
            }
            let ordered = component.sorted { (colours[$0], nodes[$0]) < (colours[$1], nodes[$1]) }
            let first = component.map { nodes[$0] }.min() ?? BlankNode("")
            groups.append((ordered.map { colours[$0] }, first, ordered))
        }
        groups.sort { lhs, rhs in
            lhs.key == rhs.key ? lhs.first < rhs.first : lhs.key.lexicographicallyPrecedes(rhs.key)
        }
        return groups.flatMap { group in group.members.map { nodes[$0] } }
    }

    /// The groups of blank nodes linked by triples between blank nodes.
    private func connectedComponents() -> [[Int]] {
        var parent = Array(nodes.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for (position, list) in edges.enumerated() {
            for edge in list {
                let a = root(position), b = root(edge.neighbour)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int: [Int]] = [:]
        for position in nodes.indices { members[root(position), default: []].append(position) }
        return members.keys.sorted().compactMap { members[$0] }
    }

    private mutating func refineUntilStable(_ component: [Int]) {
        var classes = Set(component.map { colours[$0] }).count
        while true {
            let next = component.map { position -> UInt64 in
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
            for (position, colour) in zip(component, next) { colours[position] = colour }
            let nextClasses = Set(next).count
            if nextClasses == classes { return }
            classes = nextClasses
        }
    }

    /// A node of the lowest-coloured tied class of the group, when the group has more than one
    /// node (a single node without blank neighbours is interchangeable with its twins, if any).
    private func nodeToSingleOut(_ component: [Int]) -> Int? {
        guard component.count > 1 else { return nil }
        var members: [UInt64: [Int]] = [:]
        for position in component { members[colours[position], default: []].append(position) }
        let tied = members.filter { $0.value.count > 1 }
        guard let colour = tied.keys.min(), let group = tied[colour] else { return nil }
        return group.min { nodes[$0] < nodes[$1] }
    }
}
