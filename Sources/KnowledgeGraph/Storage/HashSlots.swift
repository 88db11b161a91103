#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open-addressing table of the term dictionary and of the triple set: a power-of-two
/// count of 64-bit slots, 0 for empty, each slot's top 32 bits the hash that places it (so
/// growing needs no rehashing of the keys). Owned by hand: ``release()`` frees it.
struct HashSlots {
    private(set) var slots: UnsafeMutablePointer<UInt64>
    /// The slot count less one.
    private(set) var mask: Int

    /// `count` empty slots (a power of two).
    init(count: Int) {
        slots = Self.allocate(count)
        mask = count - 1
    }

    /// A copy of `other`'s slots.
    init(copying other: HashSlots) {
        self.init(count: other.mask + 1)
        slots.update(from: other.slots, count: other.mask + 1)
    }

    func release() { free(slots) }

    /// Twice the slots, every occupied one placed anew by its hash.
    mutating func double() {
        let newMask = (mask + 1) * 2 - 1
        let newSlots = Self.allocate(newMask + 1)
        for index in 0...mask {
            let slot = slots[index]
            guard slot != 0 else { continue }
            var position = Int(slot >> 32) & newMask
            while newSlots[position] != 0 { position = (position + 1) & newMask }
            newSlots[position] = slot
        }
        free(slots)
        slots = newSlots
        mask = newMask
    }

    /// Zeroed by `calloc`: the pages of a large table are touched only when used.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(count, MemoryLayout<UInt64>.stride) else {
            fatalError("out of memory allocating a hash table of \(count) slots")
        }
        return raw.bindMemory(to: UInt64.self, capacity: count)
    }
}
