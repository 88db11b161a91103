/// An attribute of a start tag, after entity expansion and attribute-value normalisation.
///
/// Namespace declarations (`xmlns`, `xmlns:p`) are not attributes here; they are reported as
/// ``XMLNamespaceDeclaration``s.
public struct XMLAttribute: Hashable, Sendable {
    public let name: XMLName
    public let value: String

    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}
