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
    private let table: UnsafeMutablePointer<HashSlots>

    package init() {
        ids = GrowableBuffer(capacity: 3 * 64)
        table = UnsafeMutablePointer<HashSlots>.allocate(capacity: 1)
        table.initialize(to: HashSlots(count: 128))
    }

    private init(copying other: TripleTable) {
        ids = other.ids.copy()
        table = UnsafeMutablePointer<HashSlots>.allocate(capacity: 1)
        table.initialize(to: HashSlots(copying: other.table.pointee))
    }

    deinit {
        table.pointee.release()
        table.deallocate()
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

    private func growSlots() { table.pointee.double() }

    package func shrinkToFit() { ids.shrinkToFit() }

    package var memoryFootprint: Int { ids.capacity * 4 + (table.pointee.mask + 1) * 8 }
}
