/// A blank node: a resource with no IRI, identified only within one graph.
///
/// The `id` is a label local to the graph it was read into; writers never copy it into output
/// verbatim but generate their own identifiers.
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The graph-local label.
    public let id: String

    public init(_ id: String) {
        self.id = id
    }

    public var description: String { "_:\(id)" }

    public static func < (lhs: BlankNode, rhs: BlankNode) -> Bool {
        lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    /// Equal when the labels' code points are (not Swift's canonical equivalence).
    public static func == (lhs: BlankNode, rhs: BlankNode) -> Bool {
        sameCodePoints(lhs.id, rhs.id)
    }
}

/// Hands out fresh blank nodes with labels `b0`, `b1`, … that are unique for one reader run.
public struct BlankNodeGenerator: Sendable {
    private var next = 0
    private let prefix: String

    public init(prefix: String = "b") {
        self.prefix = prefix
    }

    /// Returns a blank node not returned before by this generator.
    public mutating func fresh() -> BlankNode {
        defer { next += 1 }
        return BlankNode("\(prefix)\(next)")
    }
}
