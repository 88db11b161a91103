public import KnowledgeGraph

extension GraphFormat {
    /// N-Triples: read whole, in chunks, or pass by pass by a streaming writer; written from a graph.
    public static let nTriples = GraphFormat(
        name: "ntriples", displayName: "N-Triples", aliases: ["nt"],
        fileExtensions: ["nt"], mediaType: "application/n-triples",
        reading: Reading(parser: { _ in NTriplesReader() }, chunked: { path, options, progress throws(Diagnostic) in
            try NTriplesReader().read(path: path, sizeLimit: options.chunkedSizeLimit, progress: progress)
        }, streamable: true),
        writing: Writing(serializer: { _ in NTriplesWriter() }))
}
