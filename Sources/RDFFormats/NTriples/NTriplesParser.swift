import KnowledgeGraph

/// Receives the triples an ``NTriplesParser`` reads, one at a time.
protocol NTriplesConsumer {
    /// One triple; the terms are valid only during the call. Blank node labels are the input's.
    mutating func triple(_ subject: RawTerm, _ predicate: RawTerm, _ object: RawTerm) throws
}

/// The N-Triples grammar over raw bytes: one pass, no per-character `String` work, with
/// positions computed only when an error is reported.
///
/// The input comes in chunks that each end at a line end (the last may not), so a document of
/// any size is read with a bounded buffer; the parser keeps its line count across chunks.
/// Every error lies on the line being read, so its column is counted from that line's start.
struct NTriplesParser {
    private let source: String
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var index = 0
    /// The line of `index` (1-based) and where that line starts in the current chunk.
    private var line = 1
    private var lineStart = 0
    private var isFirstChunk = true
    /// Decoded text of each part of the triple being read (escapes resolved).
    private let subjectScratch = GrowableBuffer<UInt8>(capacity: 256)
    private let predicateScratch = GrowableBuffer<UInt8>(capacity: 256)
    private let objectScratch = GrowableBuffer<UInt8>(capacity: 1024)
    private let datatypeScratch = GrowableBuffer<UInt8>(capacity: 256)
    /// Language tags already found well-formed (a few, most recent last).
    private var checkedTags: [[UInt8]] = []

    init(source: String) {
        self.source = source
    }

    /// Parses one chunk: whole lines, except that the last chunk of a document may end
    /// without a line end.
    mutating func parse(chunk: UnsafeBufferPointer<UInt8>, into consumer: inout some NTriplesConsumer) throws {
        bytes = chunk
        index = 0
        lineStart = 0
        if let invalid = UTF8Validation.firstInvalidByte(in: chunk) {
            throw failure("the input is not valid UTF-8 (byte 0x\(String(chunk[invalid], radix: 16, uppercase: true)))",
                          atAnyOffset: invalid)
        }
        if isFirstChunk, chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { index = 3 }
        isFirstChunk = false
        while true {
            skipSpaces()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                index += 1
                if byte == 0x0A || index >= bytes.count || bytes[index] != 0x0A {
                    line += 1
                    lineStart = index
                }
                continue
            }
            if byte == UInt8(ascii: "#") {
                skipComment()
                continue
            }
            try parseTriple(&consumer)
        }
    }

    // MARK: - Triples

    private mutating func parseTriple(_ consumer: inout some NTriplesConsumer) throws {
        let subject = try parseSubject()
        skipSpaces()
        guard peek() == UInt8(ascii: "<") else {
            throw failure(peek() == nil ? "the triple is cut off after its subject" : "expected a predicate IRI in '<…>'", at: index)
        }
        let predicate = try parseIRI(into: predicateScratch)
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
        try consumer.triple(subject, RawTerm(kind: .iri, bytes: predicate), object)
    }

    private mutating func parseSubject() throws -> RawTerm {
        switch peek() {
        case UInt8(ascii: "<"): return RawTerm(kind: .iri, bytes: try parseIRI(into: subjectScratch))
        case UInt8(ascii: "_"): return RawTerm(kind: .blank, bytes: try parseBlankNode())
        case UInt8(ascii: "\""): throw failure("a literal cannot be the subject of a triple", at: index)
        default: throw failure("expected a subject: an IRI in '<…>' or a blank node '_:…'", at: index)
        }
    }

    private mutating func parseObject() throws -> RawTerm {
        switch peek() {
        case UInt8(ascii: "<"): return RawTerm(kind: .iri, bytes: try parseIRI(into: objectScratch))
        case UInt8(ascii: "_"): return RawTerm(kind: .blank, bytes: try parseBlankNode())
        case UInt8(ascii: "\""): return try parseLiteral()
        case nil: throw failure("the triple is cut off before its object", at: index)
        default: throw failure("expected an object: an IRI in '<…>', a blank node '_:…' or a literal in quotes", at: index)
        }
    }

    // MARK: - Terms

    /// An IRI in angle brackets; returns its decoded bytes (in the input, or in `scratch` when
    /// it has escapes).
    private mutating func parseIRI(into scratch: GrowableBuffer<UInt8>) throws -> UnsafeBufferPointer<UInt8> {
        let start = index
        index += 1
        var hasEscape = false
        // Bytes that IRI.check looks at more closely ('%', DEL, the lead bytes of U+0080–U+009F
        // and U+FFFE/U+FFFF) send the IRI through the full check; the rest only need the scheme.
        var needsFullCheck = false
        let count = bytes.count
        while true {
            guard index < count else { throw failure("the IRI is not closed with '>'", at: start) }
            let byte = bytes[index]
            if Self.isPlainIRIByte(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: "u") || bytes[index + 1] == UInt8(ascii: "U") else {
                    throw failure("only \\u and \\U escapes are allowed in IRIs", at: index)
                }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "%") || byte == 0x7F || byte == 0xC2 || byte == 0xEF {
                needsFullCheck = true
                index += 1
                continue
            }
            let what = byte == 0x20 ? "a space" : byte < 0x20 ? "a control character" : "'\(Character(Unicode.Scalar(byte)))'"
            if isLineEnd(byte) { throw failure("the IRI is not closed with '>'", at: start) }
            throw failure("\(what) is not allowed in an IRI", at: index)
        }
        var content = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index])
        index += 1
        if hasEscape {
            scratch.truncate(to: 0)
            var position = start + 1
            let end = index - 1
            while position < end {
                if bytes[position] == UInt8(ascii: "\\") {
                    let scalar = try decodeUnicodeEscape(at: position)
                    UTF8.encode(scalar) { scratch.append($0) }
                    position += bytes[position + 1] == UInt8(ascii: "u") ? 6 : 10
                } else {
                    scratch.append(bytes[position])
                    position += 1
                }
            }
            content = scratch.buffer
            needsFullCheck = true
        }
        let valid = needsFullCheck ? IRIBytes.isValidAbsolute(content) : IRIBytes.hasValidScheme(content)
        if !valid {
            let text = String(decoding: content, as: UTF8.self)
            do {
                try IRI.check(text)
            } catch {
                if !error.reason.hasPrefix("is not absolute") {
                    throw failure("invalid IRI <\(text)>: it \(error.reason)", at: start)
                }
                throw failure("the relative IRI <\(text)> is not allowed: N-Triples needs absolute IRIs", at: start)
            }
        }
        return content
    }

    /// Bytes an IRI may hold that need no closer look: printable ASCII other than
    /// `<>"{}|\^`, backquote and `%`, and UTF-8 bytes other than the lead bytes C2 and EF.
    @inline(__always)
    private static func isPlainIRIByte(_ byte: UInt8) -> Bool {
        // One bit per byte value, in four 64-bit words.
        let word: UInt64
        switch byte >> 6 {
        case 0: word = 0xAFFF_FFDA_0000_0000
        case 1: word = 0x47FF_FFFE_AFFF_FFFF
        case 2: word = 0xFFFF_FFFF_FFFF_FFFF
        default: word = 0xFFFF_7FFF_FFFF_FFFB
        }
        return (word >> UInt64(byte & 63)) & 1 != 0
    }

    /// A blank node label; returns the label as written (without `_:`).
    private mutating func parseBlankNode() throws -> UnsafeBufferPointer<UInt8> {
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
        return UnsafeBufferPointer(rebasing: bytes[(start + 2)..<index])
    }

    private mutating func parseLiteral() throws -> RawTerm {
        let start = index
        index += 1
        let scratch = objectScratch
        scratch.truncate(to: 0)
        var usesScratch = false
        var contentStart = index
        while true {
            guard index < bytes.count else { throw failure("the literal is not closed with '\"'", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == 0x0A || byte == 0x0D { throw failure("the literal is not closed with '\"' on its line", at: start) }
            if byte == UInt8(ascii: "\\") {
                usesScratch = true
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
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
                    let scalar = try decodeUnicodeEscape(at: index)
                    UTF8.encode(scalar) { scratch.append($0) }
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
        let lexicalForm: UnsafeBufferPointer<UInt8>
        if usesScratch {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
            lexicalForm = scratch.buffer
        } else {
            lexicalForm = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
        }
        index += 1
        if peek() == UInt8(ascii: "@") {
            let tagStart = index
            index += 1
            while let byte = peek(), isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") { index += 1 }
            // Take in the rest of a malformed tag (`@en_US`) so the message names all of it.
            var tagEnd = index
            while tagEnd < bytes.count, !isTagTerminator(bytes[tagEnd]) { tagEnd += 1 }
            guard tagEnd == index else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tagStart + 1)..<tagEnd]), as: UTF8.self)
                throw failure("'@\(text)' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)", at: tagStart)
            }
            let tag = UnsafeBufferPointer(rebasing: bytes[(tagStart + 1)..<index])
            if !checkedTags.contains(where: { bytesEqual($0, tag) }) {
                let text = String(decoding: tag, as: UTF8.self)
                guard LanguageTag.isWellFormed(text) else {
                    throw failure("'@\(text)' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)", at: tagStart)
                }
                if checkedTags.count >= 16 { checkedTags.removeFirst() }
                checkedTags.append(Array(tag))
            }
            return RawTerm(kind: .languageLiteral, bytes: lexicalForm, language: tag)
        }
        if peek() == UInt8(ascii: "^") {
            let markerStart = index
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "^"), bytes[index + 2] == UInt8(ascii: "<") else {
                throw failure("expected '^^<datatype IRI>' after the literal", at: markerStart)
            }
            index += 2
            let datatype = try parseIRI(into: datatypeScratch)
            if bytesEqual(Self.langString, datatype) {
                let text = String(decoding: lexicalForm, as: UTF8.self)
                throw failure(LiteralError(lexicalForm: text, reason: "has datatype rdf:langString but no language tag").description,
                              at: markerStart)
            }
            if bytesEqual(Self.xsdString, datatype) { return RawTerm(kind: .typedLiteral, bytes: lexicalForm) }
            return RawTerm(kind: .typedLiteral, bytes: lexicalForm, datatype: datatype)
        }
        return RawTerm(kind: .typedLiteral, bytes: lexicalForm)
    }

    private static let langString = Array(Vocabulary.rdfLangString.value.utf8)
    private static let xsdString = Array(Vocabulary.xsdString.value.utf8)

    // MARK: - Escapes

    /// The scalar of `\uXXXX` or `\UXXXXXXXX` starting at the backslash at `position`.
    private func decodeUnicodeEscape(at position: Int) throws -> Unicode.Scalar {
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

    // MARK: - Bytes

    @inline(__always)
    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    private mutating func skipComment() {
        while index < bytes.count, !isLineEnd(bytes[index]) { index += 1 }
    }

    @inline(__always)
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

    /// An error on the line being read: its column counts characters from the line's start.
    private func failure(_ message: String, at offset: Int) -> Diagnostic {
        var column = 1
        var position = lineStart
        while position < offset && position < bytes.count {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return Diagnostic(code: "ntriples-syntax", message: message,
                          location: SourceLocation(file: source, line: line, column: column))
    }

    /// An error anywhere in the current chunk (lines counted from the chunk's start, which is
    /// the start of a line).
    private func failure(_ message: String, atAnyOffset offset: Int) -> Diagnostic {
        var counter = TextPositionCounter()
        let (chunkLine, column) = counter.position(of: offset, in: bytes)
        return Diagnostic(code: "ntriples-syntax", message: message,
                          location: SourceLocation(file: source, line: line + chunkLine - 1, column: column))
    }
}

/// Bytes that end a language tag in N-Triples: white space, the final `.`, or a comment.
private func isTagTerminator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "#")
}
