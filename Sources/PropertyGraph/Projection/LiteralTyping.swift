public import KnowledgeGraph

/// How literals of one datatype become GraphML values: which `attr.type`, and the text of a value.
///
/// Integers (`xsd:integer` and its derived types) become `long`; `xsd:decimal`, `xsd:double` and
/// `xsd:float` become `double`; `xsd:boolean` becomes `boolean`; everything else (dates, strings,
/// IRIs as text, language-tagged strings) stays a `string` in its lexical form. A literal whose
/// lexical form does not fit the GraphML type (an integer beyond 64 bits, a decimal with more
/// digits than a double keeps, an ill-typed value) makes its whole key a `string`, so no value
/// ever changes.
public enum LiteralTyping {
    static let integerTypes: Set<String> = [
        "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
        "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    ]
    static let floatingTypes: Set<String> = ["decimal", "double", "float"]
    static let dateTypes: Set<String> = [
        "date", "dateTime", "dateTimeStamp", "time", "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay", "duration",
        "dayTimeDuration", "yearMonthDuration",
    ]

    /// The GraphML type that literals of `datatype` map to, before their lexical forms are checked.
    public static func preferredType(for datatype: IRI) -> AttributeKey.ValueType {
        guard let name = xsdName(datatype) else { return .string }
        if integerTypes.contains(name) { return .long }
        if floatingTypes.contains(name) { return .double }
        if name == "boolean" { return .boolean }
        return .string
    }

    /// The GraphML text of `literal` as a value of `type`, or nil when its lexical form does not
    /// fit that type without losing anything.
    public static func text(of literal: Literal, as type: AttributeKey.ValueType) -> String? {
        let lexical = literal.lexicalForm
        switch type {
        case .string:
            return lexical
        case .long:
            guard isIntegerLexical(lexical), let value = Int64(lexical) else { return nil }
            return String(value)
        case .double:
            if xsdName(literal.datatype) == "decimal" {
                return isDecimalLexical(lexical) && significantDigits(lexical) <= 15 ? lexical : nil
            }
            switch lexical {
            case "INF", "+INF": return "Infinity"
            case "-INF": return "-Infinity"
            case "NaN": return "NaN"
            default: return isDoubleLexical(lexical) ? lexical : nil
            }
        case .boolean:
            switch lexical {
            case "true", "1": return "true"
            case "false", "0": return "false"
            default: return nil
            }
        }
    }

    /// Words for a key's description: how the values of `datatype` are written.
    static func describe(_ datatype: IRI, as type: AttributeKey.ValueType, prefixes: PrefixMap) -> String {
        let name = prefixes.abbreviate(datatype) ?? datatype.value
        switch type {
        case .long: return "\(name) values as 64-bit integers"
        case .double: return "\(name) values as doubles"
        case .boolean: return "\(name) values"
        case .string:
            if let xsd = xsdName(datatype), dateTypes.contains(xsd) {
                return "\(name) values as ISO 8601 text (GraphML has no date type)"
            }
            return "\(name) values as written"
        }
    }

    static func xsdName(_ datatype: IRI) -> String? {
        guard datatype.value.hasPrefix(Vocabulary.xsdNamespace) else { return nil }
        return String(datatype.value.dropFirst(Vocabulary.xsdNamespace.count))
    }

    static func isIntegerLexical(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func isDecimalLexical(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts.allSatisfy(isDigits) else { return false }
        return parts.contains { !$0.isEmpty }
    }

    static func isDoubleLexical(_ text: String) -> Bool {
        let exponentStart = text.firstIndex { $0 == "e" || $0 == "E" }
        guard let exponentStart else { return isDecimalLexical(text) }
        let mantissa = String(text[..<exponentStart])
        let exponent = String(text[text.index(after: exponentStart)...])
        return isDecimalLexical(mantissa) && isIntegerLexical(exponent)
    }

    /// Digits of a decimal without leading zeros of the integer part and trailing zeros of the fraction.
    static func significantDigits(_ text: String) -> Int {
        let unsigned = text.drop { $0 == "+" || $0 == "-" }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : "")
        while digits.first == "0" { digits.removeFirst() }
        return digits.count
    }
}
