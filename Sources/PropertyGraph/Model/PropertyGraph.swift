public import KnowledgeGraph

/// A labelled property graph made from an RDF graph by ``PropertyGraphProjection``.
///
/// Nodes are the graph's IRIs and blank nodes, edges its triples between them, and attributes
/// its literals; everything is in a deterministic order, so writers only walk it.
public struct PropertyGraph: Sendable {
    /// The node attributes, in the order GraphML declares them.
    public var nodeKeys: [AttributeKey]
    /// The edge attributes, in the order GraphML declares them (`label` first).
    public var edgeKeys: [AttributeKey]
    /// Nodes in sorted term order.
    public var nodes: [PropertyGraphNode]
    /// Edges in sorted triple order.
    public var edges: [PropertyGraphEdge]
    /// What the projection wants the user to know (warnings: e.g. values that did not parse as
    /// their datatype and are written as strings). Never errors: those are thrown.
    public var notes: [Diagnostic]

    public init(nodeKeys: [AttributeKey] = [], edgeKeys: [AttributeKey] = [], nodes: [PropertyGraphNode] = [],
                edges: [PropertyGraphEdge] = [], notes: [Diagnostic] = []) {
        self.nodeKeys = nodeKeys
        self.edgeKeys = edgeKeys
        self.nodes = nodes
        self.edges = edges
        self.notes = notes
    }

    /// All keys: node keys, then edge keys.
    public var keys: [AttributeKey] { nodeKeys + edgeKeys }

    /// The categories that occur among the nodes, in palette order (for legends).
    public var categoriesInUse: [NodeCategory] {
        let used = Set(nodes.map(\.category))
        return NodeCategory.allCases.filter(used.contains)
    }
}
