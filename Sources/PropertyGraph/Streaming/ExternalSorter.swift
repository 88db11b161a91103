#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KnowledgeGraph

/// Sorts byte records (by their bytes, `memcmp` order) in bounded memory: records gather in a
/// buffer of `memoryLimit` bytes, each full buffer is sorted and written to a temporary file
/// (a "run"), and ``forEachSorted(_:)`` merges the runs, as often as needed.
///
/// Temporary files are created in `folder` and unlinked at once (with `InterruptCleanup`'s
/// cleanup held off in between), so they vanish with the process whatever ends it. Memory: the buffer (and an index per record), plus 32 KiB per run
/// while merging (runs are merged in rounds of at most ``maximumFanIn``).
final class ExternalSorter {
    private let folder: String
    private let memoryLimit: Int
    /// Records of the current buffer, one after the other; record `k` is `bytes[starts[k]..<starts[k + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var runs: [RunFile] = []
    /// The buffer's records in sorted order (indexes), once sorted.
    private var order: [Int32] = []
    private var sortedInMemory = false
    /// How many records were added.
    private(set) var count = 0

    static let maximumFanIn = 64

    init(folder: String, memoryLimit: Int = 4 << 20) {
        self.folder = folder
        self.memoryLimit = memoryLimit
        bytes.reserveCapacity(memoryLimit + 4096)
    }

    /// Adds a record.
    func add(_ record: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        if bytes.count + record.count > memoryLimit && starts.count > 1 { try spill() }
        bytes.append(contentsOf: record)
        starts.append(bytes.count)
        count += 1
    }

    /// Adds a record built in place by `parts`, which appends its bytes.
    func add(parts: (inout [UInt8]) -> Void) throws(OutputError) {
        parts(&bytes)
        starts.append(bytes.count)
        count += 1
        if bytes.count > memoryLimit { try spill() }
    }

    /// Calls `body` with every record in sorted order (ties in any order).
    func forEachSorted(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        if runs.isEmpty {
            sortBuffer()
            try bytes.withUnsafeBufferPointer { all in
                for index in order {
                    try body(UnsafeBufferPointer(rebasing: all[starts[Int(index)]..<starts[Int(index) + 1]]))
                }
            }
            return
        }
        if starts.count > 1 { try spill() }
        while runs.count > Self.maximumFanIn {
            var merged: [RunFile] = []
            var index = 0
            while index < runs.count {
                let group = Array(runs[index..<min(index + Self.maximumFanIn, runs.count)])
                let output = try RunFile(folder: folder)
                try Self.merge(group) { record throws(OutputError) in try output.append(record) }
                try output.finishWriting()
                merged.append(output)
                index += Self.maximumFanIn
            }
            runs = merged
        }
        try Self.merge(runs, body)
    }

    /// Sorts the buffer's records (their indexes: the bytes stay where they are).
    private func sortBuffer() {
        guard !sortedInMemory else { return }
        var order = Array(0..<Int32(starts.count - 1))
        bytes.withUnsafeBufferPointer { all in
            let starts = self.starts
            order.sort { a, b in
                TermSorting.compare(UnsafeBufferPointer(rebasing: all[starts[Int(a)]..<starts[Int(a) + 1]]),
                                    UnsafeBufferPointer(rebasing: all[starts[Int(b)]..<starts[Int(b) + 1]])) < 0
            }
        }
        self.order = order
        sortedInMemory = true
    }

    private func spill() throws(OutputError) {
        sortedInMemory = false
        sortBuffer()
        let run = try RunFile(folder: folder)
        try bytes.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(OutputError) in
            for index in order {
                try run.append(UnsafeBufferPointer(rebasing: all[starts[Int(index)]..<starts[Int(index) + 1]]))
            }
        }
        try run.finishWriting()
        runs.append(run)
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        order.removeAll(keepingCapacity: true)
        sortedInMemory = false
    }

    /// Merges sorted runs, calling `body` with each record in order.
    private static func merge<E: Error>(_ runs: [RunFile], _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws {
        let readers = try runs.map { run throws(OutputError) in try RunReader(run) }
        // A binary heap of reader indexes, smallest current record first.
        var heap: [Int] = []
        for (index, reader) in readers.enumerated() where try reader.advance() { heap.append(index) }
        func less(_ a: Int, _ b: Int) -> Bool { TermSorting.compare(readers[a].current, readers[b].current) < 0 }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && less(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        while let top = heap.first {
            try body(readers[top].current)
            if try readers[top].advance() {
                siftDown(0)
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
                if !heap.isEmpty { siftDown(0) }
            }
        }
    }
}

/// A temporary file of length-prefixed records, unlinked as soon as it is created.
final class RunFile {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var size = 0

    init(folder: String) throws(OutputError) {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array(".kgexport-sort-XXXXXX".utf8CString)
        // Created and unlinked with a signal's cleanup held off, so that no name is ever left.
        let descriptor = InterruptCleanup.shared.deferringCleanup {
            template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                let descriptor = mkstemp(base)
                if descriptor >= 0 { unlink(base) }
                return descriptor
            }
        }
        guard descriptor >= 0 else {
            throw OutputError(path: folder, reason: "cannot create a temporary file for sorting: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { close(descriptor) }

    func append(_ record: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        var length = UInt32(record.count).littleEndian
        withUnsafeBytes(of: &length) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: record)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finishWriting() throws(OutputError) {
        try flush()
    }

    private func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, off_t(size + offset))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "temporary sort file", reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        size += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a ``RunFile`` record by record through a 32 KiB buffer (larger for a larger record).
final class RunReader {
    private let run: RunFile
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 15
    private var start = 0
    private var end = 0
    private var fileOffset = 0
    private var recordStart = 0
    private var recordLength = 0

    init(_ run: RunFile) throws(OutputError) {
        self.run = run
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The current record; valid until the next ``advance()``.
    var current: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer + recordStart, count: recordLength)
    }

    /// Moves to the next record; false at the end.
    func advance() throws(OutputError) -> Bool {
        guard try ensure(4) else { return false }
        let length = UnsafeRawPointer(buffer + start).loadUnaligned(as: UInt32.self)
        start += 4
        let count = Int(UInt32(littleEndian: length))
        guard try ensure(count) else {
            throw OutputError(path: "temporary sort file", reason: "a record is cut off")
        }
        recordStart = start
        recordLength = count
        start += count
        return true
    }

    /// Makes `count` bytes available from `start`; false at the end of the file.
    private func ensure(_ count: Int) throws(OutputError) -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
        if capacity < count {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = count
        }
        while end < capacity && fileOffset < run.size {
            let read = pread(run.descriptor, buffer + end, capacity - end, off_t(fileOffset))
            if read < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "temporary sort file", reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if read == 0 { break }
            end += read
            fileOffset += read
        }
        return end - start >= count
    }
}
