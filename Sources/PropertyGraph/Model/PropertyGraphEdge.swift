public import KnowledgeGraph

/// An edge of the property graph: one triple whose object is an IRI or a blank node.
public struct PropertyGraphEdge: Hashable, Sendable {
    /// The edge id, unique in the graph (`e1`, `e2`, … in sorted triple order).
    public let id: String
    /// The source node's id.
    public let source: String
    /// The target node's id.
    public let target: String
    /// The relationship name: the property's local name (qualified when two namespaces share it).
    public let label: String
    /// The property.
    public let predicate: IRI
    /// The edge's attribute values, in key order (`label` first).
    public let values: [AttributeValue]

    public init(id: String, source: String, target: String, label: String, predicate: IRI, values: [AttributeValue]) {
        self.id = id
        self.source = source
        self.target = target
        self.label = label
        self.predicate = predicate
        self.values = values
    }
}
