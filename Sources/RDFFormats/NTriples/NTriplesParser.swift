import KnowledgeGraph

/// The N-Triples grammar over raw bytes: one pass, no per-character `String` work, with
/// positions computed only when an error is reported.
struct NTriplesParser {
    private let bytes: [UInt8]
    private let source: String
    private var index = 0
    private var graph = Graph()
    private var blankNodes: BlankNodeGenerator
    private var labels: [ArraySlice<UInt8>: BlankNode] = [:]
    /// Predicates and datatypes repeat a lot; their IRIs are checked once.
    private var knownIRIs: [ArraySlice<UInt8>: IRI] = [:]
    /// Scratch space for decoding escapes.
    private var scratch: [UInt8] = []

    init(bytes: [UInt8], source: String, blankNodePrefix: String) {
        self.bytes = bytes
        self.source = source
        self.blankNodes = BlankNodeGenerator(prefix: blankNodePrefix)
    }

    mutating func parseDocument() throws(Diagnostic) -> Graph {
        if let invalid = UTF8Validation.firstInvalidByte(in: bytes) {
            throw failure("the input is not valid UTF-8 (byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)))",
                          at: invalid)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "#") {
                skipComment()
                continue
            }
            try parseTriple()
        }
        return graph
    }

    // MARK: - Triples

    private mutating func parseTriple() throws(Diagnostic) {
        let subject = try parseSubject()
        skipSpaces()
        guard peek() == UInt8(ascii: "<") else {
            throw failure(peek() == nil ? "the triple is cut off after its subject" : "expected a predicate IRI in '<…>'", at: index)
        }
        let predicate = try parseIRI(cache: true)
        skipSpaces()
        let object = try parseObject()
        skipSpaces()
        guard peek() == UInt8(ascii: ".") else {
            throw failure(peek() == nil || isLineEnd(peek()) ? "the triple does not end with '.'" : "expected '.' after the object",
                          at: index)
        }
        index += 1
        skipSpaces()
        if peek() == UInt8(ascii: "#") { skipComment() }
        if let byte = peek(), !isLineEnd(byte) {
            throw failure("expected the end of the line after '.' (one triple per line)", at: index)
        }
        graph.insert(subject, predicate, object)
    }

    private mutating func parseSubject() throws(Diagnostic) -> Term {
        switch peek() {
        case UInt8(ascii: "<"): return .iri(try parseIRI(cache: false))
        case UInt8(ascii: "_"): return .blank(try parseBlankNode())
        case UInt8(ascii: "\""): throw failure("a literal cannot be the subject of a triple", at: index)
        default: throw failure("expected a subject: an IRI in '<…>' or a blank node '_:…'", at: index)
        }
    }

    private mutating func parseObject() throws(Diagnostic) -> Term {
        switch peek() {
        case UInt8(ascii: "<"): return .iri(try parseIRI(cache: false))
        case UInt8(ascii: "_"): return .blank(try parseBlankNode())
        case UInt8(ascii: "\""): return .literal(try parseLiteral())
        case nil: throw failure("the triple is cut off before its object", at: index)
        default: throw failure("expected an object: an IRI in '<…>', a blank node '_:…' or a literal in quotes", at: index)
        }
    }

    // MARK: - Terms

    private mutating func parseIRI(cache: Bool) throws(Diagnostic) -> IRI {
        let start = index
        index += 1
        var hasEscape = false
        while true {
            guard let byte = peek() else { throw failure("the IRI is not closed with '>'", at: start) }
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") || bytes[index + 1] == UInt8(ascii: "U") else {
                    throw failure("only \\u and \\U escapes are allowed in IRIs", at: index)
                }
                index += 2
                continue
            }
            if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "{")
                || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "`") {
                let what = byte == 0x20 ? "a space" : byte < 0x20 ? "a control character" : "'\(Character(Unicode.Scalar(byte)))'"
                if isLineEnd(byte) { throw failure("the IRI is not closed with '>'", at: start) }
                throw failure("\(what) is not allowed in an IRI", at: index)
            }
            index += 1
        }
        let content = bytes[(start + 1)..<index]
        index += 1
        if cache, !hasEscape, let known = knownIRIs[content] { return known }
        let text: String
        if hasEscape {
            scratch.removeAll(keepingCapacity: true)
            var position = content.startIndex
            while position < content.endIndex {
                if bytes[position] == UInt8(ascii: "\\") {
                    let scalar = try decodeUnicodeEscape(at: position)
                    appendUTF8(scalar)
                    position += bytes[position + 1] == UInt8(ascii: "u") ? 6 : 10
                } else {
                    scratch.append(bytes[position])
                    position += 1
                }
            }
            text = String(decoding: scratch, as: UTF8.self)
        } else {
            text = String(decoding: content, as: UTF8.self)
        }
        let iri: IRI
        do {
            iri = try IRI(text)
        } catch {
            if !error.reason.hasPrefix("is not absolute") {
                throw failure("invalid IRI <\(text)>: it \(error.reason)", at: start)
            }
            throw failure("the relative IRI <\(text)> is not allowed: N-Triples needs absolute IRIs", at: start)
        }
        if cache, !hasEscape { knownIRIs[content] = iri }
        return iri
    }

    private mutating func parseBlankNode() throws(Diagnostic) -> BlankNode {
        let start = index
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else {
            throw failure("expected '_:' to start a blank node label", at: start)
        }
        index += 2
        guard let first = scalar(at: index), isLabelStart(first.value), let firstLength = scalarLength(at: index) else {
            throw failure("a blank node label must start with a letter, a digit or '_'", at: index)
        }
        index += firstLength
        var lastNonDot = index
        while let next = scalar(at: index), isLabelCharacter(next.value) || next == ".", let length = scalarLength(at: index) {
            index += length
            if next != "." { lastNonDot = index }
        }
        // A label cannot end with '.': a final dot ends the triple instead.
        index = lastNonDot
        let label = bytes[(start + 2)..<index]
        if let known = labels[label] { return known }
        let node = blankNodes.fresh()
        labels[label] = node
        return node
    }

    private mutating func parseLiteral() throws(Diagnostic) -> Literal {
        let start = index
        index += 1
        scratch.removeAll(keepingCapacity: true)
        var contentStart = index
        while true {
            guard let byte = peek() else { throw failure("the literal is not closed with '\"'", at: start) }
            if byte == UInt8(ascii: "\"") { break }
            if isLineEnd(byte) { throw failure("the literal is not closed with '\"' on its line", at: start) }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: bytes[contentStart..<index])
                guard index + 1 < bytes.count else { throw failure("the literal is not closed with '\"'", at: start) }
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): scratch.append(escaped)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    appendUTF8(try decodeUnicodeEscape(at: index))
                    index += escaped == UInt8(ascii: "u") ? 6 : 10
                    contentStart = index
                    continue
                default:
                    let shown = scalar(at: index + 1).map { String(Character($0)) } ?? "?"
                    throw failure("the escape '\\\(shown)' is not allowed (use \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX or \\UXXXXXXXX)",
                                  at: index)
                }
                index += 2
                contentStart = index
                continue
            }
            index += 1
        }
        let lexicalForm: String
        if scratch.isEmpty {
            lexicalForm = String(decoding: bytes[contentStart..<index], as: UTF8.self)
        } else {
            scratch.append(contentsOf: bytes[contentStart..<index])
            lexicalForm = String(decoding: scratch, as: UTF8.self)
        }
        index += 1
        if peek() == UInt8(ascii: "@") {
            let tagStart = index
            index += 1
            while let byte = peek(), isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") { index += 1 }
            // Take in the rest of a malformed tag (`@en_US`) so the message names all of it.
            var tagEnd = index
            while tagEnd < bytes.count, !isTagTerminator(bytes[tagEnd]) { tagEnd += 1 }
            let tag = String(decoding: bytes[(tagStart + 1)..<tagEnd], as: UTF8.self)
            guard tagEnd == index else {
                throw failure("'@\(tag)' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)", at: tagStart)
            }
            do {
                return try Literal(lexicalForm, language: tag)
            } catch {
                throw failure("'@\(tag)' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)", at: tagStart)
            }
        }
        if peek() == UInt8(ascii: "^") {
            let markerStart = index
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "^"), bytes[index + 2] == UInt8(ascii: "<") else {
                throw failure("expected '^^<datatype IRI>' after the literal", at: markerStart)
            }
            index += 2
            let datatype = try parseIRI(cache: true)
            do {
                return try Literal(lexicalForm, datatype: datatype)
            } catch {
                throw failure(error.description, at: markerStart)
            }
        }
        return Literal(lexicalForm)
    }

    // MARK: - Escapes

    /// The scalar of `\uXXXX` or `\UXXXXXXXX` starting at the backslash at `position`.
    private func decodeUnicodeEscape(at position: Int) throws(Diagnostic) -> Unicode.Scalar {
        let digits = bytes[position + 1] == UInt8(ascii: "u") ? 4 : 8
        guard position + 1 + digits < bytes.count else {
            throw failure("the escape needs \(digits) hexadecimal digits", at: position)
        }
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = hexValue(bytes[position + 2 + offset]) else {
                throw failure("the escape needs \(digits) hexadecimal digits", at: position)
            }
            value = value << 4 | UInt32(digit)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure("the escape gives U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode character",
                          at: position)
        }
        return scalar
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { scratch.append($0) }
    }

    // MARK: - Bytes

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    private mutating func skipComment() {
        while index < bytes.count, !isLineEnd(bytes[index]) { index += 1 }
    }

    private func isLineEnd(_ byte: UInt8?) -> Bool {
        byte == 0x0A || byte == 0x0D
    }

    /// The scalar starting at `position` (the input is valid UTF-8 by then).
    private func scalar(at position: Int) -> Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        guard let length = scalarLength(at: position), position + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[position + offset]) & 0x3F) }
        return Unicode.Scalar(value)
    }

    private func scalarLength(at position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        switch lead {
        case 0x00..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return nil
        }
    }

    /// `PN_CHARS_U | [0-9]`.
    private func isLabelStart(_ value: UInt32) -> Bool {
        isPNCharsBase(value) || value == 0x5F || (value >= 0x30 && value <= 0x39)
    }

    /// `PN_CHARS`.
    private func isLabelCharacter(_ value: UInt32) -> Bool {
        if isLabelStart(value) || value == 0x2D || value == 0xB7 { return true }
        return (0x0300...0x036F).contains(value) || (0x203F...0x2040).contains(value)
    }

    private func isPNCharsBase(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    // MARK: - Errors

    private func failure(_ message: String, at offset: Int) -> Diagnostic {
        let (line, column) = TextPositionCounter.position(of: offset, in: bytes)
        return Diagnostic(code: "ntriples-syntax", message: message,
                          location: SourceLocation(file: source, line: line, column: column))
    }
}

/// Bytes that end a language tag in N-Triples: white space, the final `.`, or a comment.
private func isTagTerminator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "#")
}
