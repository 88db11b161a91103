public import KnowledgeGraph

extension GraphFormat {
    /// GraphML, the property-graph projection as data (networkx, igraph, Gephi, Neo4j APOC,
    /// TinkerPop): written from a graph or, from N-Triples, streaming.
    public static let graphML = GraphFormat(
        name: "graphml", displayName: "GraphML", fileExtensions: ["graphml"], mediaType: "application/graphml+xml",
        writing: Writing(serializer: { GraphMLWriter(style: .plain, schema: $0.schema) }) {
            path, sink, options, diagnostics, progress throws(StreamingError) in
            let notes = try StreamingGraphMLWriter(temporaryFolder: options.temporaryFolder)
                .convert(nTriplesAt: path, to: sink, progress: progress)
            for note in notes { diagnostics.emit(note) }
        })

    /// GraphML with yEd's graphics: a colour and shape per class, node and edge labels.
    public static let yEdGraphML = GraphFormat(
        name: "yed-graphml", displayName: "GraphML for yEd", aliases: ["yed"],
        fileExtensions: ["yed.graphml"], mediaType: "application/graphml+xml",
        writing: Writing(serializer: { GraphMLWriter(style: .yEd, schema: $0.schema) }))
}
