/// One RDF statement: subject, predicate, object.
///
/// The subject must be an IRI or a blank node; readers guarantee it, and ``init(subject:predicate:object:)``
/// checks it in debug builds.
public struct Triple: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let subject: Term
    public let predicate: IRI
    public let object: Term

    public init(subject: Term, predicate: IRI, object: Term) {
        assert(subject.isResource, "a literal cannot be the subject of a triple")
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    /// The triple in N-Triples-like form, for messages.
    public var description: String { "\(subject) <\(predicate.value)> \(object) ." }

    /// Subject, then predicate, then object.
    public static func < (lhs: Triple, rhs: Triple) -> Bool {
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        if lhs.predicate != rhs.predicate { return lhs.predicate < rhs.predicate }
        return lhs.object < rhs.object
    }
}
