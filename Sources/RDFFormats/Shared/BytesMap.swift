import KnowledgeGraph

/// A small map from byte strings (predicates, datatypes, types) to values, for streaming
/// writers; it stops growing at `limit` entries (callers then compute the value again).
package struct BytesMap<Value> {
    private var keys: [[UInt8]?]
    private var values: [Value?]
    private var mask: Int
    package private(set) var count = 0
    package let limit: Int

    package init(limit: Int = 1 << 16) {
        self.limit = limit
        mask = 255
        keys = Array(repeating: nil, count: 256)
        values = Array(repeating: nil, count: 256)
    }

    private func position(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: FastHash.hash(UnsafeRawBufferPointer(bytes), seed: 0)) & mask
    }

    package func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var index = position(bytes)
        while let key = keys[index] {
            if bytesEqual(key, bytes) { return values[index] }
            index = (index + 1) & mask
        }
        return nil
    }

    package mutating func set(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        guard count < limit else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        var index = position(bytes)
        while let key = keys[index] {
            if bytesEqual(key, bytes) {
                values[index] = value
                return
            }
            index = (index + 1) & mask
        }
        keys[index] = Array(bytes)
        values[index] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        mask = mask * 2 + 1
        keys = Array(repeating: nil, count: mask + 1)
        values = Array(repeating: nil, count: mask + 1)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) {
            guard let key, let value else { continue }
            key.withUnsafeBufferPointer { set(value, for: $0) }
        }
    }
}
