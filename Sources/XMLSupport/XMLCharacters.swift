/// Which characters XML 1.0 allows in a document.
public enum XMLCharacters {
    /// Whether XML 1.0 allows `scalar` anywhere in a document, even as a character reference.
    ///
    /// Allowed: TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    @inline(__always)
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 { return value <= 0xD7FF || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000 }
        return value == 0x09 || value == 0x0A || value == 0x0D
    }

    /// The first character of `text` that XML 1.0 forbids, or nil when all are allowed.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        // Fast path: most text is ASCII without controls.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return nil }
        return text.unicodeScalars.first { !isAllowed($0) }
    }

    /// Whether UTF-8 `bytes` hold no character XML 1.0 forbids: C0 controls other than TAB, LF
    /// and CR, and U+FFFE, U+FFFF (EF BF BE, EF BF BF). A byte-level check for writers that work
    /// on valid UTF-8 (which holds no surrogates), without decoding.
    @inline(__always)
    public static func isAllowed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            } else if byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return false
            }
            index += 1
        }
        return true
    }

    /// `U+0007`-style name of a character, for messages.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether `name` is an XML NCName (a name without a colon), per Namespaces in XML 1.0.
    public static func isNCName(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStart(first) else { return false }
        while let scalar = scalars.next() {
            guard isNameChar(scalar) else { return false }
        }
        return true
    }

    /// NCName start characters (XML 1.0 fifth edition `NameStartChar` without `:`).
    public static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    /// NCName characters (XML 1.0 fifth edition `NameChar` without `:`).
    public static func isNameChar(_ scalar: Unicode.Scalar) -> Bool {
        if isNameStart(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
