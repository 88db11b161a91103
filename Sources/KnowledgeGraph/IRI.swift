/// An absolute Internationalized Resource Identifier (RFC 3987).
///
/// An `IRI` is always absolute (it has a scheme) and never contains characters that RFC 3987
/// forbids: spaces, controls, `<>"{}|\^` and backquote. Construct one with ``init(_:)``, which
/// checks, or resolve a relative reference against a base with ``resolving(_:)``.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The IRI as a Unicode string, exactly as given (no normalisation).
    public let value: String

    /// Creates an IRI after checking that it is absolute and uses only allowed characters.
    /// - Throws: ``IRIError`` naming the problem.
    public init(_ value: String) throws(IRIError) {
        try IRI.check(value)
        self.value = value
    }

    /// Creates an IRI without checking. Use only for constants known to be valid.
    public init(unchecked value: String) {
        self.value = value
    }

    public var description: String { value }

    public static func < (lhs: IRI, rhs: IRI) -> Bool {
        lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
    }

    /// Equal when the code points are (not Swift's canonical equivalence of strings).
    public static func == (lhs: IRI, rhs: IRI) -> Bool {
        sameCodePoints(lhs.value, rhs.value)
    }

    /// The scheme, e.g. `http`.
    public var scheme: String {
        String(value.prefix(while: { $0 != ":" }))
    }

    /// Checks that `value` is an absolute IRI with no forbidden characters.
    public static func check(_ value: String) throws(IRIError) {
        guard let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")) else {
            throw IRIError(iri: value, reason: "is not absolute (it has no scheme)")
        }
        let scheme = value.utf8[value.utf8.startIndex..<colon]
        guard let first = scheme.first, isASCIILetter(first),
              scheme.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else {
            throw IRIError(iri: value, reason: "has an invalid scheme")
        }
        for scalar in value.unicodeScalars {
            if let reason = forbiddenReason(scalar) {
                throw IRIError(iri: value, reason: reason)
            }
        }
        // Percent signs must introduce two hex digits.
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "%") {
                guard let a = utf8.next(), let b = utf8.next(), isHexDigit(a), isHexDigit(b) else {
                    throw IRIError(iri: value, reason: "has a '%' that is not followed by two hexadecimal digits")
                }
            }
        }
    }

    /// Why a character may not appear in an IRI, or nil when it may.
    static func forbiddenReason(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x20:
            return scalar.value == 0x20 ? "contains a space" : "contains the control character U+\(hex4(scalar.value))"
        case 0x7F...0x9F:
            return "contains the control character U+\(hex4(scalar.value))"
        case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60:
            return "contains the character '\(Character(scalar))', which IRIs forbid"
        case 0xFFFE, 0xFFFF:
            return "contains the non-character U+\(hex4(scalar.value))"
        default:
            return nil
        }
    }

    /// Resolves a (possibly relative) reference against this IRI as base, per RFC 3986 section 5.2.
    /// - Throws: ``IRIError`` when the result is not a valid IRI.
    public func resolving(_ reference: String) throws(IRIError) -> IRI {
        try IRI(IRIResolver.resolve(reference, against: value))
    }
}

/// A string that is not a valid absolute IRI.
public struct IRIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending text.
    public let iri: String
    /// What is wrong with it, as a phrase that follows the IRI ("contains a space").
    public let reason: String

    public init(iri: String, reason: String) {
        self.iri = iri
        self.reason = reason
    }

    public var description: String { "invalid IRI <\(iri)>: it \(reason)" }
}

/// Whether two strings have the same code points. Swift's `==` on strings is canonical
/// equivalence (`"é" == "e\u{301}"`), but RDF terms are the same only when their code points
/// are; comparing with `==` would merge distinct triples. (Hashing may stay String's: equal
/// code points imply equal hashes.)
@inline(__always) func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    return lhs.utf8.withContiguousStorageIfAvailable { a in
        rhs.utf8.withContiguousStorageIfAvailable { b in a.elementsEqual(b) }
    }.flatMap { $0 } ?? lhs.utf8.elementsEqual(rhs.utf8)
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

@inline(__always) func isASCIIDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}

@inline(__always) func isHexDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
}

func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
