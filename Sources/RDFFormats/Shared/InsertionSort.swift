extension UnsafeMutableBufferPointer {
    /// Sorts the elements in place by insertion: the fastest way for the handful that a
    /// subject's triples or a node's literals are, without the set-up of `sort(by:)`.
    @inlinable @inline(__always)
    package func insertionSort(by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        for i in 1..<count {
            let value = self[i]
            var j = i
            while j > 0 && areInIncreasingOrder(value, self[j - 1]) {
                self[j] = self[j - 1]
                j -= 1
            }
            self[j] = value
        }
    }
}
