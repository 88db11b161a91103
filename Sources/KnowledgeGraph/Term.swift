/// A node of an RDF graph: an IRI, a blank node or a literal.
///
/// Terms order IRIs first, then blank nodes, then literals, each by their text, which gives
/// every writer the same stable order.
public enum Term: Hashable, Comparable, Sendable, CustomStringConvertible {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)

    /// The IRI, when the term is one.
    public var iri: IRI? {
        if case .iri(let value) = self { return value }
        return nil
    }

    /// The blank node, when the term is one.
    public var blankNode: BlankNode? {
        if case .blank(let value) = self { return value }
        return nil
    }

    /// The literal, when the term is one.
    public var literal: Literal? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// Whether the term is an IRI or a blank node (may stand as a subject).
    public var isResource: Bool {
        if case .literal = self { return false }
        return true
    }

    /// N-Triples-like text, for messages.
    public var description: String {
        switch self {
        case .iri(let iri): return "<\(iri.value)>"
        case .blank(let node): return node.description
        case .literal(let literal): return literal.description
        }
    }

    private var rank: Int {
        switch self {
        case .iri: return 0
        case .blank: return 1
        case .literal: return 2
        }
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)): return a < b
        case (.blank(let a), .blank(let b)): return a < b
        case (.literal(let a), .literal(let b)): return a < b
        default: return lhs.rank < rhs.rank
        }
    }
}
