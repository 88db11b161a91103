import KnowledgeGraph
import XMLSupport

/// What the RDF/XML reader is inside of: one entry per open element.
enum RDFXMLFrame {
    /// `rdf:RDF`: node elements follow.
    case root(RDFXMLScope)
    /// A node element, or the content of a `rdf:parseType="Resource"` property: property elements follow.
    case node(NodeFrame)
    /// A property element without `rdf:parseType`: its content decides whether it is a
    /// resource, literal or empty property element.
    case property(PropertyFrame)
    /// `rdf:parseType="Collection"`: node elements follow, which become an RDF list.
    case collection(CollectionFrame)
    /// `rdf:parseType="Literal"`: everything inside is canonicalised into an XML literal.
    case literal(LiteralFrame)
}

/// A subject whose property elements are being read.
final class NodeFrame {
    let subject: Term
    let scope: RDFXMLScope
    /// The next `rdf:li` number.
    var nextMember = 1

    init(subject: Term, scope: RDFXMLScope) {
        self.subject = subject
        self.scope = scope
    }
}

/// A property element whose kind is known only at its end (or at its first child element).
final class PropertyFrame {
    let subject: Term
    let predicate: IRI
    let scope: RDFXMLScope
    let attributes: RDFXMLAttributes
    /// The IRI that `rdf:ID` gives the statement, which is then reified.
    let reification: IRI?
    let location: SourceLocation
    let writtenName: String
    var text = ""
    /// The subject of the node element inside, once it has started.
    var object: Term?

    init(subject: Term, predicate: IRI, scope: RDFXMLScope, attributes: RDFXMLAttributes, reification: IRI?,
         location: SourceLocation, writtenName: String) {
        self.subject = subject
        self.predicate = predicate
        self.scope = scope
        self.attributes = attributes
        self.reification = reification
        self.location = location
        self.writtenName = writtenName
    }
}

/// The items of a `rdf:parseType="Collection"` property element.
final class CollectionFrame {
    let subject: Term
    let predicate: IRI
    let scope: RDFXMLScope
    let reification: IRI?
    var items: [Term] = []

    init(subject: Term, predicate: IRI, scope: RDFXMLScope, reification: IRI?) {
        self.subject = subject
        self.predicate = predicate
        self.scope = scope
        self.reification = reification
    }
}

/// The content of a `rdf:parseType="Literal"` property element.
final class LiteralFrame {
    let subject: Term
    let predicate: IRI
    let reification: IRI?
    var canonicalizer = XMLExclusiveCanonicalizer()
    /// Elements open inside the literal.
    var depth = 0

    init(subject: Term, predicate: IRI, reification: IRI?) {
        self.subject = subject
        self.predicate = predicate
        self.reification = reification
    }
}
