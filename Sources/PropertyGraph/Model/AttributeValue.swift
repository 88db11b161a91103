/// The value of one attribute on one element, as the text GraphML and DOT write.
///
/// The text is already in the key's form: `true`/`false` for booleans, a number with a dot
/// decimal point, or a JSON array for a list key.
public struct AttributeValue: Hashable, Sendable {
    /// The ``AttributeKey/id`` of the attribute.
    public let key: String
    public let text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}
