public import KnowledgeGraph
import RDFFormats

/// What must hold for every graph a reader accepted. The fuzz targets check it on every input
/// a reader read without error (and trap when it fails); the round-trip property tests and the
/// crasher regression tests check it too.
///
/// - N-Triples can express every graph a reader makes: writing is never refused, the output
///   reads back as an isomorphic graph, and writing that again gives the same bytes.
/// - RDF/XML either refuses the graph, writing nothing (some graphs have no RDF/XML form), or
///   writes a document that reads back as an isomorphic graph.
public enum RoundTripOracle {
    /// Graphs larger than this are not round-tripped by ``check(_:rdfXMLMayRefuse:)`` (keeps
    /// fuzzing fast; the isomorphism search is the costly part).
    public static let tripleLimit = 2_000

    /// Whether RDF/XML refused a graph, when it did not break the rules.
    public enum Outcome: Sendable, Equatable {
        case roundTripped
        case refusedByRDFXML(String)
        case tooLarge
    }

    /// A broken rule, described with the output concerned.
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Checks `graph`; throws the first rule it breaks.
    /// - Parameter rdfXMLMayRefuse: false when the graph is known to be expressible in RDF/XML.
    @discardableResult
    public static func check(_ graph: Graph, rdfXMLMayRefuse: Bool = true) throws(Violation) -> Outcome {
        guard graph.count <= tripleLimit else { return .tooLarge }
        let nTriples = try written(graph, by: NTriplesWriter())
        let fromNTriples = try read(nTriples, by: NTriplesReader(), what: "N-Triples")
        try require(fromNTriples.isIsomorphic(to: graph), "the N-Triples round trip changed the graph", nTriples)
        let again = try written(fromNTriples, by: NTriplesWriter())
        try require(again == nTriples, "N-Triples output changed across a round trip", again)

        let rdfXMLWriter = RDFXMLWriter()
        let sink = MemorySink()
        do {
            try rdfXMLWriter.write(graph, to: sink)
        } catch {
            guard rdfXMLMayRefuse, case .unrepresentable(let diagnostic) = error else {
                throw Violation(description: "the RDF/XML writer failed: \(error)")
            }
            try require(sink.bytes.isEmpty, "the RDF/XML writer wrote bytes before refusing", sink.bytes)
            return .refusedByRDFXML(diagnostic.description)
        }
        let fromRDFXML = try read(sink.bytes, by: RDFXMLReader(), what: "RDF/XML")
        try require(fromRDFXML.isIsomorphic(to: graph), "the RDF/XML round trip changed the graph", sink.bytes)
        return .roundTripped
    }

    private static func written(_ graph: Graph, by writer: some GraphSerializer) throws(Violation) -> [UInt8] {
        let sink = MemorySink()
        do {
            try writer.write(graph, to: sink)
            return sink.bytes
        } catch {
            throw Violation(description: "\(type(of: writer)) failed on a graph a reader made: \(error)")
        }
    }

    private static func read(_ bytes: [UInt8], by reader: some GraphParser, what: String) throws(Violation) -> Graph {
        do {
            return try reader.parse(bytes, source: "written")
        } catch {
            throw Violation(description: "our own \(what) output does not read back: \(error)\n" + String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func require(_ condition: Bool, _ what: String, _ output: [UInt8]) throws(Violation) {
        guard !condition else { return }
        throw Violation(description: what + "\n" + String(decoding: output, as: UTF8.self))
    }
}
