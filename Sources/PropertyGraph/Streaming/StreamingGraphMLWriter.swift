public import KnowledgeGraph
internal import RDFFormats
import XMLSupport

/// Converts N-Triples to plain GraphML in bounded memory, whatever the size of the input.
///
/// The document has the keys, nodes, attributes and edges of ``GraphMLWriter``'s output for the
/// same graph (the projection's rules for key names, types, lists, labels; networkx and igraph
/// read the same nodes, edges and values), with two differences that a bounded memory imposes:
/// - **node ids** are the whole IRI made an XML name (every byte other than ASCII letters,
///   digits, `.`, `-` and `:` written `_` and two hexadecimal digits; blank nodes `_:` and their
///   label so escaped), because the projection's short ids (local names, prefixed on a clash)
///   need every node in memory; the `iri` attribute is the same;
/// - **edges** are numbered in input order, not in sorted order.
///
/// How: the input is read three times. First every triple is checked and what makes nodes
/// (types, literals, mentions) goes to an external sort (``ExternalSorter``: sorted runs in
/// temporary files beside the output, merged), while the keys' vocabulary is counted; a merge
/// then finds which keys hold several values on some node, so every `<key>` can be written
/// first; a second merge writes the nodes in IRI order; a last pass over the input writes the
/// edges. Memory: the sort buffer (4 MiB), 32 KiB per run while merging, one node's values,
/// and the distinct properties, datatypes, languages and type sets.
///
/// Refused, before anything is written: what the projection refuses (a character XML 1.0
/// forbids), naming the first such triple in input order. Values that do not fit their
/// GraphML type make their key a string, with the projection's note.
public struct StreamingGraphMLWriter {
    /// Where the sort's temporary files go (the output's folder, so they use its disk).
    public var temporaryFolder: String
    /// The sort buffer's size.
    public var sortMemory: Int

    public init(temporaryFolder: String, sortMemory: Int = 4 << 20) {
        self.temporaryFolder = temporaryFolder
        self.sortMemory = sortMemory
    }

    /// Converts the N-Triples file at `path` into `sink`; returns the projection's notes.
    /// - Parameter progress: called after each chunk of input with the pass (1: checking and
    ///   sorting, 2: edges) and the bytes read; once with pass 2 and 0 bytes when the first pass
    ///   ends (the merges and the nodes follow, then the edges).
    public func convert(nTriplesAt path: String, to sink: some ByteSink, chunkSize: Int = 1 << 20,
                        progress: ((_ pass: Int, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil) throws(StreamingError) -> [Diagnostic] {
        let projection = PropertyGraphProjection()
        let prefixes = projection.prefixes(for: Graph())
        let sorter = ExternalSorter(folder: temporaryFolder, memoryLimit: sortMemory)
        var census = Census()
        let stream = NTriplesStream(path: path, chunkSize: chunkSize)

        // Pass 1: check; sort what makes nodes; count the vocabulary.
        try stream.forEach(progress: { progress?(1, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
            try census.add(s, p, o, sorter: sorter)
        }
        progress?(2, 0, nil)

        do {
            // Which keys some node has several values of, and whether some node has several types.
            try sorter.forEachSorted { record in census.noteForLists(record) }
            census.finishNode()
            let plan = try census.plan(projection: projection, prefixes: prefixes)

            let xml = try XMLStreamWriter(indent: true)
            try GraphMLWriter.startDocument(keys: plan.keys, xml)

            // Nodes, in the sort's order (IRIs by bytes, then blank nodes).
            var nodeWriter = NodeWriter(plan: plan, xml: xml)
            try sorter.forEachSorted { record in try nodeWriter.add(record, sink: sink) }
            try nodeWriter.finish(sink: sink)

            // Edges, in input order.
            var edgeWriter = EdgeWriter(plan: plan, xml: xml)
            try stream.forEach(progress: { progress?(2, $0, $1) }) { (s: RawTerm, p: RawTerm, o: RawTerm) throws(WriteError) in
                do { try edgeWriter.add(s, p, o, sink: sink) } catch { throw Self.writeError(error) }
            }
            try xml.endDocument()
            try xml.drain(into: sink)
            return plan.notes
        } catch let error as StreamingError {
            throw error
        } catch {
            throw .write(Self.writeError(error))
        }
    }

    static func writeError(_ error: any Error) -> WriteError { .xmlWriting(error, output: "GraphML output") }
}
