/// The name of an element or attribute as a namespace-aware XML parser reports it.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace name (URI), or nil when the name is in no namespace.
    public let namespaceURI: String?
    /// The part after the colon (or the whole name when there is no prefix).
    public let localName: String
    /// The prefix as written in the document, or nil for an unprefixed name.
    public let prefix: String?

    public init(namespaceURI: String?, localName: String, prefix: String?) {
        self.namespaceURI = namespaceURI
        self.localName = localName
        self.prefix = prefix
    }

    /// The name as written: `prefix:localName` or `localName`.
    public var qualifiedName: String {
        guard let prefix else { return localName }
        return prefix + ":" + localName
    }

    /// Whether the name is `localName` in the namespace `namespaceURI`.
    @inline(__always)
    public func isNamed(_ localName: String, in namespaceURI: String) -> Bool {
        self.localName == localName && self.namespaceURI == namespaceURI
    }

    public var description: String { qualifiedName }
}
