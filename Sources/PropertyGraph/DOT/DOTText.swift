/// Quoting for the DOT language, where the same quoted string means different things to
/// Graphviz depending on the attribute.
enum DOTText {
    /// A quoted DOT string holding `text` exactly: `\` and `"` escaped, line breaks as `\n`/`\r`.
    /// Graphviz reads escapes such as `\N` in some attributes; doubling every backslash keeps
    /// them literal.
    static func quoted(_ text: String) -> String {
        splittingLongStrings(QuotedString.quoted(text, syntax: .dot))
    }

    /// A quoted string for text Graphviz draws (`label`, `tooltip`): as ``quoted(_:)``, and `&`
    /// written as `&amp;` because Graphviz turns entity references in labels into characters.
    static func drawn(_ text: String) -> String {
        quoted(text.replacingAmpersands())
    }

    /// A label of several lines, each centred.
    static func drawnLines(_ lines: [String]) -> String {
        let escaped = lines.map { String(QuotedString.quoted($0.replacingAmpersands(), syntax: .dot).dropFirst().dropLast()) }
        return splittingLongStrings("\"" + escaped.joined(separator: "\\n") + "\"")
    }

    /// The most bytes between the quotes of one DOT string: Graphviz's scanner refuses longer
    /// ones (16,384 bytes with the quotes), so longer text is split into pieces joined by `+`,
    /// which DOT reads as one string; nothing is cut.
    static let longestQuotedPiece = 16_000

    /// `quoted` (a DOT string with its quotes) as `"…" + "…"` pieces of at most
    /// ``longestQuotedPiece`` bytes, never splitting an escape or a UTF-8 sequence.
    static func splittingLongStrings(_ quoted: String) -> String {
        let bytes = Array(quoted.utf8)
        guard bytes.count > longestQuotedPiece + 2 else { return quoted }
        var result: [UInt8] = [UInt8(ascii: "\"")]
        var pieceLength = 0
        var index = 1
        let end = bytes.count - 1
        while index < end {
            // An escape stays whole; so does a UTF-8 sequence (continuation bytes are 10xxxxxx).
            var length = bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            while index + length < end && bytes[index + length] & 0xC0 == 0x80 { length += 1 }
            if pieceLength + length > longestQuotedPiece {
                result += Array("\" + \"".utf8)
                pieceLength = 0
            }
            result += bytes[index..<min(index + length, end)]
            pieceLength += length
            index += length
        }
        result.append(UInt8(ascii: "\""))
        return String(decoding: result, as: UTF8.self)
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
