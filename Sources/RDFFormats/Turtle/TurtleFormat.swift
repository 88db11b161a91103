public import KnowledgeGraph

extension GraphFormat {
    /// Turtle: written from a graph (not read yet).
    public static let turtle = GraphFormat(
        name: "turtle", displayName: "Turtle", aliases: ["ttl"],
        fileExtensions: ["ttl"], mediaType: "text/turtle",
        writing: Writing(serializer: { _ in TurtleWriter() }))
}
