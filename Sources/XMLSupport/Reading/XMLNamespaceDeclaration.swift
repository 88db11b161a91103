/// A namespace declaration made on an element: `xmlns="…"` (prefix nil) or `xmlns:p="…"`.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
    /// The declared prefix, or nil for the default namespace.
    public let prefix: String?
    /// The namespace URI; empty for `xmlns=""`, which undeclares the default namespace.
    public let namespaceURI: String

    public init(prefix: String?, namespaceURI: String) {
        self.prefix = prefix
        self.namespaceURI = namespaceURI
    }
}
