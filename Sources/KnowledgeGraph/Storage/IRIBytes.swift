/// IRI checks on UTF-8 bytes, for readers that never make a `String` of a valid IRI.
package enum IRIBytes {
    /// Whether `bytes` pass ``IRI/check(_:)``: an ASCII letter, then scheme characters up to a
    /// colon, no character IRIs forbid (controls, space, `<>"{}|\^` and backquote, U+0080–U+009F,
    /// U+FFFE, U+FFFF), and every `%` followed by two hexadecimal digits. The bytes must be
    /// valid UTF-8. When this says no, call ``IRI/check(_:)`` for the reason.
    package static func isValidAbsolute(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0, isASCIILetter(bytes[0]) else { return false }
        var index = 1
        while index < count && bytes[index] != 0x3A {
            let byte = bytes[index]
            guard isASCIILetter(byte) || isASCIIDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E else { return false }
            index += 1
        }
        guard index < count else { return false }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if !allowedASCII(byte) { return false }
                if byte == 0x25 {
                    guard index + 2 < count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                }
            } else if byte == 0xC2 {
                // U+0080–U+009F are C2 80–C2 9F.
                if index + 1 < count && bytes[index + 1] <= 0x9F { return false }
            } else if byte == 0xEF {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }
            }
            index += 1
        }
        return true
    }

    @inline(__always)
    private static func allowedASCII(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte != 0x7F else { return false }
        switch byte {
        case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60: return false
        default: return true
        }
    }
}
