#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable array of plain values in one `malloc` block, grown with `realloc`.
///
/// Large blocks are grown in place or remapped by the allocator rather than copied into a
/// block of twice the size as `Array` does, so a graph of millions of triples does not need
/// three times its size for a moment while it grows. The mutable state lives behind a pointer,
/// not in class properties, so hot loops pay no dynamic exclusivity checks.
package final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private struct State {
        var base: UnsafeMutablePointer<Element>
        var count: Int
        var capacity: Int
    }

    private let state: UnsafeMutablePointer<State>

    package init(capacity: Int = 16) {
        let capacity = max(capacity, 1)
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(base: Self.allocate(capacity), count: 0, capacity: capacity))
    }

    deinit {
        free(state.pointee.base)
        state.deallocate()
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory allocating \(capacity * MemoryLayout<Element>.stride) bytes")
        }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }

    @inline(__always) package var base: UnsafeMutablePointer<Element> { state.pointee.base }
    @inline(__always) package var count: Int { state.pointee.count }
    @inline(__always) package var capacity: Int { state.pointee.capacity }

    /// A copy with the same elements.
    package func copy() -> GrowableBuffer<Element> {
        let result = GrowableBuffer(capacity: capacity)
        result.base.update(from: base, count: count)
        result.state.pointee.count = count
        return result
    }

    /// Makes room for at least `extra` more elements.
    @inline(__always)
    package func reserve(extra: Int) {
        if state.pointee.count + extra > state.pointee.capacity { grow(to: state.pointee.count + extra) }
    }

    private func grow(to minimum: Int) {
        var newCapacity = state.pointee.capacity
        while newCapacity < minimum { newCapacity = newCapacity < (1 << 20) ? newCapacity * 2 : newCapacity + newCapacity / 2 }
        guard let raw = realloc(state.pointee.base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory growing to \(newCapacity * MemoryLayout<Element>.stride) bytes")
        }
        state.pointee.base = raw.bindMemory(to: Element.self, capacity: newCapacity)
        state.pointee.capacity = newCapacity
    }

    @inline(__always)
    package func append(_ element: Element) {
        let count = state.pointee.count
        if count == state.pointee.capacity { grow(to: count + 1) }
        state.pointee.base[count] = element
        state.pointee.count = count + 1
    }

    /// Appends `elements`, returning the index of the first.
    @inline(__always)
    @discardableResult
    package func append(contentsOf elements: UnsafeBufferPointer<Element>) -> Int {
        let start = state.pointee.count
        reserve(extra: elements.count)
        if let source = elements.baseAddress { (state.pointee.base + start).update(from: source, count: elements.count) }
        state.pointee.count = start + elements.count
        return start
    }

    @inline(__always)
    package subscript(index: Int) -> Element {
        get { state.pointee.base[index] }
        set { state.pointee.base[index] = newValue }
    }

    /// Drops the elements from `newCount` on.
    package func truncate(to newCount: Int) {
        state.pointee.count = min(state.pointee.count, max(0, newCount))
    }

    /// Gives back unused capacity (after a graph is complete).
    package func shrinkToFit() {
        let count = max(state.pointee.count, 1)
        guard state.pointee.capacity > count + 16,
              let raw = realloc(state.pointee.base, count * MemoryLayout<Element>.stride) else { return }
        state.pointee.base = raw.bindMemory(to: Element.self, capacity: count)
        state.pointee.capacity = count
    }

    package var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
