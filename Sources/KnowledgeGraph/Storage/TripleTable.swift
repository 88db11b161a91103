#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The triples of one graph as term ids, in insertion order, with an open-addressing set
/// that keeps them distinct: 12 bytes a triple plus about 6 for the set.
package final class TripleTable: @unchecked Sendable {
    /// Subject, predicate, object ids, three per triple.
    private let ids: GrowableBuffer<TermID>
    /// Triple index + 1; 0 is empty.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotMask: Int

    package init() {
        ids = GrowableBuffer(capacity: 3 * 64)
        slotMask = 127
        slots = Self.allocateSlots(slotMask + 1)
    }

    private init(copying other: TripleTable) {
        ids = other.ids.copy()
        slotMask = other.slotMask
        slots = Self.allocateSlots(slotMask + 1)
        slots.update(from: other.slots, count: slotMask + 1)
    }

    deinit { free(slots) }

    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<UInt32> {
        guard let raw = calloc(count, MemoryLayout<UInt32>.stride) else {
            fatalError("out of memory allocating the triple table")
        }
        return raw.bindMemory(to: UInt32.self, capacity: count)
    }

    package func copy() -> TripleTable { TripleTable(copying: self) }

    package var count: Int { ids.count / 3 }

    @inline(__always) package func subject(_ index: Int) -> TermID { ids[3 * index] }
    @inline(__always) package func predicate(_ index: Int) -> TermID { ids[3 * index + 1] }
    @inline(__always) package func object(_ index: Int) -> TermID { ids[3 * index + 2] }

    /// All ids, three per triple, in insertion order. Valid until the table next changes.
    package var flatIDs: UnsafeBufferPointer<TermID> { ids.buffer }

    @inline(__always)
    private static func hash(_ s: TermID, _ p: TermID, _ o: TermID) -> UInt64 {
        FastHash.mix(UInt64(s) | UInt64(o) << 32 ^ UInt64(p) &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// The index of the triple, if present.
    package func find(_ s: TermID, _ p: TermID, _ o: TermID) -> Int? {
        var position = Int(truncatingIfNeeded: Self.hash(s, p, o)) & slotMask
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            let index = Int(slot) - 1
            if ids[3 * index] == s && ids[3 * index + 1] == p && ids[3 * index + 2] == o { return index }
            position = (position + 1) & slotMask
        }
    }

    /// Adds the triple unless present; returns whether it was added.
    @inline(__always)
    package func insert(_ s: TermID, _ p: TermID, _ o: TermID) -> Bool {
        var position = Int(truncatingIfNeeded: Self.hash(s, p, o)) & slotMask
        while true {
            let slot = slots[position]
            if slot == 0 { break }
            let index = Int(slot) - 1
            if ids[3 * index] == s && ids[3 * index + 1] == p && ids[3 * index + 2] == o { return false }
            position = (position + 1) & slotMask
        }
        precondition(count < Int(UInt32.max) - 1, "too many triples for one graph")
        slots[position] = UInt32(count + 1)
        ids.reserve(extra: 3)
        ids.append(s)
        ids.append(p)
        ids.append(o)
        if count * 10 > (slotMask + 1) * 7 { growSlots() }
        return true
    }

    private func growSlots() {
        let newMask = (slotMask + 1) * 2 - 1
        let newSlots = Self.allocateSlots(newMask + 1)
        for index in 0..<count {
            var position = Int(truncatingIfNeeded: Self.hash(ids[3 * index], ids[3 * index + 1], ids[3 * index + 2])) & newMask
            while newSlots[position] != 0 { position = (position + 1) & newMask }
            newSlots[position] = UInt32(index + 1)
        }
        free(slots)
        slots = newSlots
        slotMask = newMask
    }

    package func shrinkToFit() { ids.shrinkToFit() }

    package var memoryFootprint: Int { ids.capacity * 4 + (slotMask + 1) * 4 }
}
