public import KnowledgeGraph

extension GraphFormat {
    /// An SVG picture: the DOT drawing laid out by Graphviz, which must be installed; stopped
    /// after ``GraphFormat/WriteOptions/renderTimeLimit`` seconds.
    public static let svg = GraphFormat(
        name: "svg", displayName: "SVG", fileExtensions: ["svg"], mediaType: "image/svg+xml",
        writing: Writing(serializer: { SVGWriter(schema: $0.schema, timeLimit: $0.renderTimeLimit) }))
}
