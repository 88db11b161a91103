#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable array of plain values in one `malloc` block, grown with `realloc`.
///
/// Large blocks are grown in place or remapped by the allocator rather than copied into a
/// block of twice the size as `Array` does, so a graph of millions of triples does not need
/// three times its size for a moment while it grows.
package final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    package private(set) var base: UnsafeMutablePointer<Element>
    package private(set) var count = 0
    package private(set) var capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory allocating \(capacity * MemoryLayout<Element>.stride) bytes")
        }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }

    /// A copy with the same elements.
    package func copy() -> GrowableBuffer<Element> {
        let result = GrowableBuffer(capacity: capacity)
        result.base.update(from: base, count: count)
        result.count = count
        return result
    }

    /// Makes room for at least `extra` more elements.
    @inline(__always)
    package func reserve(extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity
        while newCapacity < minimum { newCapacity = newCapacity < (1 << 20) ? newCapacity * 2 : newCapacity + newCapacity / 2 }
        guard let raw = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory growing to \(newCapacity * MemoryLayout<Element>.stride) bytes")
        }
        base = raw.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    @inline(__always)
    package func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    /// Appends `elements`, returning the index of the first.
    @inline(__always)
    @discardableResult
    package func append(contentsOf elements: UnsafeBufferPointer<Element>) -> Int {
        let start = count
        reserve(extra: elements.count)
        if let source = elements.baseAddress { (base + count).update(from: source, count: elements.count) }
        count += elements.count
        return start
    }

    @inline(__always)
    package subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Drops the elements from `newCount` on.
    package func truncate(to newCount: Int) {
        count = min(count, max(0, newCount))
    }

    /// Gives back unused capacity (after a graph is complete).
    package func shrinkToFit() {
        guard capacity > count + 16, let raw = realloc(base, max(count, 1) * MemoryLayout<Element>.stride) else { return }
        base = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        capacity = max(count, 1)
    }

    package var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
