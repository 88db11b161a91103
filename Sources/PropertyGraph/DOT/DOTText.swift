/// Quoting for the DOT language, where the same quoted string means different things to
/// Graphviz depending on the attribute.
enum DOTText {
    /// A quoted DOT string holding `text` exactly: `\` and `"` escaped, line breaks as `\n`/`\r`.
    /// Graphviz reads escapes such as `\N` in some attributes; doubling every backslash keeps
    /// them literal.
    static func quoted(_ text: String) -> String {
        QuotedString.quoted(text, syntax: .dot)
    }

    /// A quoted string for text Graphviz draws (`label`, `tooltip`): as ``quoted(_:)``, and `&`
    /// written as `&amp;` because Graphviz turns entity references in labels into characters.
    static func drawn(_ text: String) -> String {
        quoted(text.replacingAmpersands())
    }

    /// A label of several lines, each centred.
    static func drawnLines(_ lines: [String]) -> String {
        "\"" + lines.map { String(quoted($0.replacingAmpersands()).dropFirst().dropLast()) }.joined(separator: "\\n") + "\""
    }
}

extension String {
    fileprivate func replacingAmpersands() -> String {
        guard contains("&") else { return self }
        var result = ""
        for character in self { result += character == "&" ? "&amp;" : String(character) }
        return result
    }
}
