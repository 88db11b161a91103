public import KnowledgeGraph

extension GraphFormat {
    /// Graphviz's DOT language: the projection drawn, with a legend.
    public static let dot = GraphFormat(
        name: "dot", displayName: "DOT", aliases: ["gv"], fileExtensions: ["dot", "gv"], mediaType: "text/vnd.graphviz",
        writing: Writing(serializer: { DOTWriter(schema: $0.schema) }))
}
