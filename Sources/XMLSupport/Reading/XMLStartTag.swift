public import KnowledgeGraph

/// An element's start tag (an empty element `<a/>` is a start tag followed by an end tag).
public struct XMLStartTag: Sendable {
    public let name: XMLName
    /// The attributes in document order; defaulted attributes from a DTD are not added.
    public let attributes: [XMLAttribute]
    /// The namespaces this element declares, in document order.
    public let namespaceDeclarations: [XMLNamespaceDeclaration]
    /// Where the tag's `<` is.
    public let location: SourceLocation

    public init(name: XMLName, attributes: [XMLAttribute], namespaceDeclarations: [XMLNamespaceDeclaration],
                location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.namespaceDeclarations = namespaceDeclarations
        self.location = location
    }
}
