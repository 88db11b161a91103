#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorting stored terms by their UTF-8 bytes, fast: most comparisons are of one integer.
package enum TermSorting {
    /// Three-way comparison of two byte strings (`memcmp`, then length).
    @inline(__always)
    package static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let result = memcmp(pa, pb, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// The positions of `ids` (0..<ids.count) in the byte order of their terms.
    ///
    /// Each term gets an 8-byte key, the bytes after the prefix that all of them share, so the
    /// sort compares integers and touches the strings only when two keys are equal. (No term
    /// byte is 0 for IRIs; for other text a 0 byte only makes the fallback compare more often.)
    package static func sortedPositions(_ ids: [TermID], in terms: TermStore) -> [Int] {
        guard ids.count > 1 else { return Array(ids.indices) }
        let first = terms.bytes(ids[0])
        var shared = first.count
        for id in ids.dropFirst() {
            let bytes = terms.bytes(id)
            var common = 0
            let limit = min(shared, bytes.count)
            while common < limit && first[common] == bytes[common] { common += 1 }
            shared = common
            if shared == 0 { break }
        }
        struct Key {
            var prefix: UInt64
            var position: Int32
        }
        var keys: [Key] = []
        keys.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            let bytes = terms.bytes(id)
            var key: UInt64 = 0
            for offset in 0..<8 {
                key <<= 8
                if shared + offset < bytes.count { key |= UInt64(bytes[shared + offset]) }
            }
            keys.append(Key(prefix: key, position: Int32(position)))
        }
        keys.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return compare(terms.bytes(ids[Int(a.position)]), terms.bytes(ids[Int(b.position)])) < 0
        }
        return keys.map { Int($0.position) }
    }
}
