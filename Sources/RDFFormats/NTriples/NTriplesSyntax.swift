public import KnowledgeGraph

/// How terms are spelled in N-Triples (and, mostly, Turtle): IRIs in angle brackets, literals
/// quoted with escapes, blank nodes as `_:label`.
///
/// Escaping follows canonical N-Triples (RDF 1.1): `"`, `\`, LF and CR as `\"`, `\\`, `\n`,
/// `\r`; every other control character (U+0000–U+001F, U+007F) as `\uXXXX` with upper-case
/// hex digits, so no control character is ever written raw; everything else as UTF-8.
public enum NTriplesSyntax {
    /// `<iri>`. The IRI is written verbatim: a checked ``IRI`` has nothing that needs escaping.
    public static func iri(_ iri: IRI) -> String {
        "<" + iri.value + ">"
    }

    /// The lexical form between double quotes, escaped.
    public static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The escaped body of a short string literal (without the quotes).
    public static func escaped(_ text: String, keepingLineFeeds: Bool = false) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += keepingLineFeeds ? "\n" : "\\n"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A literal: quoted lexical form, then `@language`, or `^^<datatype>` unless it is `xsd:string`.
    public static func literal(_ literal: Literal) -> String {
        var text = quoted(literal.lexicalForm)
        if let language = literal.language {
            text += "@" + language
        } else if literal.datatype != Vocabulary.xsdString {
            text += "^^" + iri(literal.datatype)
        }
        return text
    }

    /// Any term; blank nodes keep the label they have in the graph given.
    public static func term(_ term: Term) -> String {
        switch term {
        case .iri(let value): return iri(value)
        case .blank(let node): return "_:" + node.id
        case .literal(let value): return literal(value)
        }
    }

    /// One N-Triples line without the line feed: `subject predicate object .`.
    public static func statement(_ triple: Triple) -> String {
        term(triple.subject) + " " + iri(triple.predicate) + " " + term(triple.object) + " ."
    }

    /// Appends the escaped body of a literal (as ``escaped(_:keepingLineFeeds:)`` spells it,
    /// without the quotes) to a byte buffer, for writers that build output as bytes.
    public static func appendEscaped<Bytes: Collection<UInt8>>(_ text: Bytes, to buffer: inout [UInt8]) {
        for byte in text {
            switch byte {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            case 0x00..<0x20, 0x7F:
                buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
    }

    @inline(__always) package static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
