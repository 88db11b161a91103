import KnowledgeGraph

extension PropertyGraph {
    /// The graph drawn by class, for pictures of graphs too large to draw node by node: one node
    /// per most specific type (`labelV`; untyped nodes together), labelled with how many nodes
    /// it stands for, and one edge per property between two such classes, labelled with how many
    /// edges it stands for. Deterministic: classes in name order, edges in (source, property,
    /// target) order.
    public func summaryByClass() -> PropertyGraph {
        struct Group {
            var name: String
            var category: NodeCategory
            var count = 0
        }
        var groupIndex: [String: Int] = [:]
        var groups: [Group] = []
        var groupOfNode: [String: Int] = [:]
        for node in nodes {
            let name = node.vertexLabel ?? "(no type)"
            let index: Int
            if let known = groupIndex[name] {
                index = known
            } else {
                index = groups.count
                groupIndex[name] = index
                groups.append(Group(name: name, category: node.category))
            }
            groups[index].count += 1
            groupOfNode[node.id] = index
        }
        let order = groups.indices.sorted { groups[$0].name.utf8.lexicographicallyPrecedes(groups[$1].name.utf8) }
        var rank = [Int](repeating: 0, count: groups.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        func id(_ group: Int) -> String { "class-\(rank[group] + 1)" }

        struct EdgeKey: Hashable {
            var source: Int
            var target: Int
            var label: String
            var predicate: IRI
        }
        var edgeCounts: [EdgeKey: Int] = [:]
        for edge in edges {
            guard let source = groupOfNode[edge.source], let target = groupOfNode[edge.target] else { continue }
            edgeCounts[EdgeKey(source: rank[source], target: rank[target], label: edge.label, predicate: edge.predicate), default: 0] += 1
        }
        let summaryNodes = order.map { index in
            let group = groups[index]
            return PropertyGraphNode(
                id: id(index), term: .literal(Literal(group.name)),
                displayLabel: "\(group.name) (\(group.count) node\(group.count == 1 ? "" : "s"))",
                category: group.category, labels: [], vertexLabel: group.name, values: [])
        }
        let summaryEdges = edgeCounts.keys.sorted { a, b in
            (a.source, a.target) != (b.source, b.target) ? (a.source, a.target) < (b.source, b.target)
                : a.predicate.value.utf8.lexicographicallyPrecedes(b.predicate.value.utf8)
        }.enumerated().map { position, key in
            let count = edgeCounts[key] ?? 0
            return PropertyGraphEdge(id: "e\(position + 1)", source: "class-\(key.source + 1)", target: "class-\(key.target + 1)",
                                     label: "\(key.label) (\(count))", predicate: key.predicate, values: [])
        }
        return PropertyGraph(nodes: summaryNodes, edges: summaryEdges)
    }
}
