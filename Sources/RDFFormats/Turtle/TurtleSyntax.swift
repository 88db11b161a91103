import KnowledgeGraph

/// The pieces of Turtle's grammar the writer needs: which prefixes and local names may be
/// written bare, and which literals have an exact short form.
enum TurtleSyntax {
    /// `PN_CHARS_BASE` of the Turtle grammar.
    static func isBaseChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// `PN_CHARS_U`: a base character or `_`.
    static func isUnderscoreOrBase(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || isBaseChar(scalar)
    }

    /// `PN_CHARS`.
    static func isNameChar(_ scalar: Unicode.Scalar) -> Bool {
        if isUnderscoreOrBase(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// Whether `prefix` matches `PN_PREFIX` (or is empty, the default prefix `:`).
    static func isPrefix(_ prefix: String) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        guard let first = scalars.first else { return true }
        guard isBaseChar(first), let last = scalars.last, isNameChar(last) else { return false }
        return scalars.dropFirst().allSatisfy { isNameChar($0) || $0 == "." }
    }

    /// Whether `local` matches `PN_LOCAL` without backslash escapes: names with `%XX` are
    /// allowed (Turtle keeps them as written); anything needing `\` is written as a full IRI.
    static func isLocalName(_ local: String) -> Bool {
        let scalars = Array(local.unicodeScalars)
        guard !scalars.isEmpty else { return true }
        var position = 0
        /// Consumes one `PLX` (only `%` HEX HEX here) at `position`.
        func percent() -> Bool {
            guard scalars[position] == "%", position + 2 < scalars.count,
                  isHex(scalars[position + 1]), isHex(scalars[position + 2]) else { return false }
            position += 3
            return true
        }
        let first = scalars[0]
        if isUnderscoreOrBase(first) || first == ":" || ("0"..."9").contains(first) {
            position = 1
        } else if !percent() {
            return false
        }
        var lastWasDot = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "%" {
                guard percent() else { return false }
                lastWasDot = false
                continue
            }
            guard isNameChar(scalar) || scalar == "." || scalar == ":" else { return false }
            lastWasDot = scalar == "."
            position += 1
        }
        return !lastWasDot
    }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// The bare Turtle token for a literal whose lexical form is canonical and reads back as
    /// exactly that literal: `xsd:integer`, `xsd:decimal` and `xsd:boolean` only.
    static func shortForm(_ literal: Literal) -> String? {
        guard literal.language == nil else { return nil }
        let text = literal.lexicalForm
        switch literal.datatype {
        case Vocabulary.xsdInteger:
            return isCanonicalInteger(text) ? text : nil
        case Vocabulary.xsdDecimal:
            return isCanonicalDecimal(text) ? text : nil
        case Vocabulary.xsdBoolean:
            return text == "true" || text == "false" ? text : nil
        default:
            return nil
        }
    }

    /// `0`, or an optional `-` then digits without leading zeros.
    static func isCanonicalInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.allSatisfy(\.isASCIIDigit) else { return false }
        if first == "0" { return digits.count == 1 && text == "0" }
        return true
    }

    /// XSD canonical decimals: integer part without leading zeros, at least one fraction digit,
    /// no trailing zeros except in `.0`, no `-0.0`.
    static func isCanonicalDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let whole = String(parts[0])
        let fraction = parts[1]
        guard isCanonicalInteger(whole) || whole == "-0", !fraction.isEmpty,
              fraction.allSatisfy(\.isASCIIDigit) else { return false }
        if fraction.count > 1 && fraction.hasSuffix("0") { return false }
        if whole == "-0" && fraction.allSatisfy({ $0 == "0" }) { return false }
        return true
    }

    /// A string literal's quoted form: `"…"`, or `"""…"""` with raw line feeds when the text
    /// has any; `"` and `\` are always escaped, so no quote can end the string early.
    static func quotedString(_ text: String) -> String {
        if text.contains("\n") {
            return "\"\"\"" + NTriplesSyntax.escaped(text, keepingLineFeeds: true) + "\"\"\""
        }
        return NTriplesSyntax.quoted(text)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
