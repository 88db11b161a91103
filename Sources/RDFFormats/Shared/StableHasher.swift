import KnowledgeGraph

/// A 64-bit hash that is the same in every run and on every machine (FNV-1a, then a
/// splitmix64 finaliser). Swift's `Hasher` is seeded per process, so it cannot order output.
struct StableHasher {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    mutating func combine(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Hashes the UTF-8 bytes followed by 0xFF, a byte UTF-8 never contains, so that
    /// consecutive strings cannot run into each other.
    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
        combine(UInt8(0xFF))
    }

    mutating func combine(_ term: Term) {
        switch term {
        case .iri(let iri):
            combine(UInt8(1))
            combine(iri.value)
        case .blank:
            // Blank node labels are arbitrary; callers hash a blank node's colour instead.
            combine(UInt8(2))
        case .literal(let literal):
            combine(UInt8(3))
            combine(literal.lexicalForm)
            combine(literal.datatype.value)
            combine(literal.language ?? "")
        }
    }

    func finalize() -> UInt64 {
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
