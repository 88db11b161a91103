#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The triples of one graph as term ids, in insertion order, with an open-addressing set
/// that keeps them distinct: 12 bytes a triple plus about 12 for the set (each slot keeps 32
/// bits of the hash beside the index, so a probe rarely has to look at the triple itself).
package final class TripleTable: @unchecked Sendable {
    /// Subject, predicate, object ids, three per triple.
    private let ids: GrowableBuffer<TermID>
    /// The set, behind a pointer so that hot loops pay no exclusivity checks.
    /// Slot: 32 bits of the hash in the high half, triple index + 1 in the low half; 0 is empty.
    private struct Table {
        var slots: UnsafeMutablePointer<UInt64>
        var mask: Int
    }

    private let table: UnsafeMutablePointer<Table>

    package init() {
        ids = GrowableBuffer(capacity: 3 * 64)
        table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        table.initialize(to: Table(slots: Self.allocateSlots(128), mask: 127))
    }

    private init(copying other: TripleTable) {
        ids = other.ids.copy()
        let mask = other.table.pointee.mask
        table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        table.initialize(to: Table(slots: Self.allocateSlots(mask + 1), mask: mask))
        table.pointee.slots.update(from: other.table.pointee.slots, count: mask + 1)
    }

    deinit {
        free(table.pointee.slots)
        table.deallocate()
    }

    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(count, MemoryLayout<UInt64>.stride) else {
            fatalError("out of memory allocating the triple table")
        }
        return raw.bindMemory(to: UInt64.self, capacity: count)
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
        let slots = table.pointee.slots, mask = table.pointee.mask, base = ids.base
        let tag = Self.hash(s, p, o) & 0xFFFF_FFFF
        var position = Int(tag) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            if slot >> 32 == tag {
                let index = Int(slot & 0xFFFF_FFFF) - 1
                if base[3 * index] == s && base[3 * index + 1] == p && base[3 * index + 2] == o { return index }
            }
            position = (position + 1) & mask
        }
    }

    /// Adds the triple unless present; returns whether it was added.
    @inline(__always)
    package func insert(_ s: TermID, _ p: TermID, _ o: TermID) -> Bool {
        let slots = table.pointee.slots, mask = table.pointee.mask, base = ids.base
        let tag = Self.hash(s, p, o) & 0xFFFF_FFFF
        var position = Int(tag) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { break }
            if slot >> 32 == tag {
                let index = Int(slot & 0xFFFF_FFFF) - 1
                if base[3 * index] == s && base[3 * index + 1] == p && base[3 * index + 2] == o { return false }
            }
            position = (position + 1) & mask
        }
        let count = self.count
        precondition(count < Int(UInt32.max) - 1, "too many triples for one graph")
        slots[position] = tag << 32 | UInt64(count + 1)
        ids.append(s)
        ids.append(p)
        ids.append(o)
        if (count + 1) * 10 > (mask + 1) * 7 { growSlots() }
        return true
    }

    private func growSlots() {
        let mask = table.pointee.mask, slots = table.pointee.slots
        let newMask = (mask + 1) * 2 - 1
        let newSlots = Self.allocateSlots(newMask + 1)
        for index in 0...mask {
            let slot = slots[index]
            guard slot != 0 else { continue }
            var position = Int(slot >> 32) & newMask
            while newSlots[position] != 0 { position = (position + 1) & newMask }
            newSlots[position] = slot
        }
        free(table.pointee.slots)
        table.pointee = Table(slots: newSlots, mask: newMask)
    }

    package func shrinkToFit() { ids.shrinkToFit() }

    package var memoryFootprint: Int { ids.capacity * 4 + (table.pointee.mask + 1) * 8 }
}
