#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Whether `bytes` start with a scheme (an ASCII letter, then letters, digits, `+-.`) and a
    /// colon: all ``isValidAbsolute(_:)`` asks of an IRI whose other bytes are known to be fine.
    @inline(__always)
    package static func hasValidScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0, isASCIILetter(bytes[0]) else { return false }
        var index = 1
        while index < count {
            let byte = bytes[index]
            if byte == 0x3A { return true }
            guard isASCIILetter(byte) || isASCIIDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E else { return false }
            index += 1
        }
        return false
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

/// Byte-for-byte equality of two buffers (`memcmp`, not element by element).
@inline(__always)
package func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    return memcmp(pa, pb, a.count) == 0
}

/// Byte-for-byte equality of an array and a buffer.
@inline(__always)
package func bytesEqual(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.withUnsafeBufferPointer { bytesEqual($0, b) }
}
