public import KnowledgeGraph

/// A node of the property graph: one IRI or blank node of the RDF graph.
public struct PropertyGraphNode: Hashable, Sendable {
    /// The node id: the local name, the prefixed name or a token of the IRI (see <doc:Projection>).
    public let id: String
    /// The RDF term the node stands for.
    public let term: Term
    /// A name for people: the preferred label, else the label, else the short form of the IRI.
    public let displayLabel: String
    /// The class family that decides the node's colour and shape in diagrams.
    public let category: NodeCategory
    /// The label names (types and, with a schema, their super-classes), sorted.
    public let labels: [String]
    /// The most specific type's label name, or nil for a node without a type.
    public let vertexLabel: String?
    /// The node's attribute values, in key order.
    public let values: [AttributeValue]

    public init(id: String, term: Term, displayLabel: String, category: NodeCategory, labels: [String],
                vertexLabel: String?, values: [AttributeValue]) {
        self.id = id
        self.term = term
        self.displayLabel = displayLabel
        self.category = category
        self.labels = labels
        self.vertexLabel = vertexLabel
        self.values = values
    }
}
