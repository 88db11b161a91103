public import KnowledgeGraph

extension GraphFormat {
    /// RDF/XML: read whole (relative IRIs against ``GraphFormat/ReadOptions/baseIRI``), written
    /// from a graph or, from N-Triples, streaming.
    public static let rdfXML = GraphFormat(
        name: "rdfxml", displayName: "RDF/XML", aliases: ["rdf", "xml", "owl"],
        fileExtensions: ["rdf", "owl", "xml"], mediaType: "application/rdf+xml",
        reading: Reading(parser: { RDFXMLReader(baseIRI: $0.baseIRI) }),
        writing: Writing(serializer: { _ in RDFXMLWriter() }) { path, sink, _, _, progress throws(StreamingError) in
            try StreamingRDFXMLWriter().convert(nTriplesAt: path, to: sink, progress: progress)
        })
}
