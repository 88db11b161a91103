#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or standard input) in large chunks that each end at a line end, so a
/// line-based reader can parse a file of any size with a bounded buffer.
///
/// A chunk ends after an LF, or after a CR that is not the last byte read (it could be the
/// first half of CR LF). A line longer than the buffer grows the buffer. The last chunk of a
/// file may end without a line end.
public final class LineChunkReader {
    /// The path read (`-` for standard input), for messages.
    public let path: String
    /// The file's size when it is a regular file (for progress), else nil.
    public let totalBytes: Int?
    /// Bytes read from the file so far.
    public private(set) var bytesRead = 0
    /// The most bytes this reader will read.
    public let byteLimit: Int

    private var descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Valid bytes in the buffer, and where the chunk handed out last ends.
    private var filled = 0
    private var handedOut = 0
    private var atEnd = false

    /// The default chunk size: large enough that per-chunk costs vanish, small enough for a
    /// streaming conversion's memory budget.
    public static let defaultChunkSize = 4 << 20

    /// Opens `path` (`-` for standard input).
    /// - Throws: a ``Diagnostic`` (code `input`) naming the file: missing, a folder, unreadable.
    /// - Parameter byteLimit: reading more than this many bytes is an error (``InputFile/tooLarge(_:sizeLimit:)``),
    ///   checked as bytes arrive, so an endless line on a pipe cannot grow the buffer without end.
    public init(path: String, chunkSize: Int = defaultChunkSize, byteLimit: Int = .max) throws(Diagnostic) {
        self.path = path
        self.byteLimit = byteLimit
        if path == "-" {
            descriptor = 0
            totalBytes = nil
        } else {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw Self.failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw Self.failure(path, "is a folder, not a file")
            }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw Self.failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            totalBytes = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        }
        capacity = max(chunkSize, 64)
        guard let raw = malloc(capacity) else { fatalError("out of memory allocating the input buffer") }
        buffer = raw.bindMemory(to: UInt8.self, capacity: capacity)
    }

    deinit {
        free(buffer)
        if descriptor > 0 { close(descriptor) }
    }

    /// The next chunk of whole lines, or nil at the end of the input. The chunk is valid until
    /// the next call.
    /// - Throws: a ``Diagnostic`` (code `input`) when reading fails.
    public func next() throws(Diagnostic) -> UnsafeBufferPointer<UInt8>? {
        // Keep the unfinished tail of the last read, at the front.
        if handedOut > 0 {
            let tail = filled - handedOut
            if tail > 0 { memmove(buffer, buffer + handedOut, tail) }
            filled = tail
            handedOut = 0
        }
        var searchedUpTo = 0
        while true {
            if !atEnd && filled < capacity {
                try fill()
            }
            if let cut = lastCut(from: searchedUpTo) {
                handedOut = cut
                return UnsafeBufferPointer(start: buffer, count: cut)
            }
            if atEnd {
                guard filled > 0 else { return nil }
                handedOut = filled
                return UnsafeBufferPointer(start: buffer, count: filled)
            }
            if filled == capacity {
                // One line fills the buffer: make room for more of it.
                searchedUpTo = max(0, filled - 1)
                grow()
            }
        }
    }

    /// Reads until the buffer is full or the input ends.
    private func fill() throws(Diagnostic) {
        while filled < capacity {
            let count = read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                atEnd = true
                return
            }
            filled += count
            bytesRead += count
            if bytesRead > byteLimit { throw InputFile.tooLarge(path, sizeLimit: byteLimit) }
        }
    }

    /// Where the longest run of whole lines in the buffer ends, or nil when there is none.
    private func lastCut(from start: Int) -> Int? {
        var index = filled - 1
        while index >= start {
            let byte = buffer[index]
            if byte == 0x0A { return index + 1 }
            if byte == 0x0D && (index + 1 < filled || atEnd) { return index + 1 }
            index -= 1
        }
        return nil
    }

    private func grow() {
        let newCapacity = capacity * 2
        guard let raw = realloc(buffer, newCapacity) else { fatalError("out of memory growing the input buffer") }
        buffer = raw.bindMemory(to: UInt8.self, capacity: newCapacity)
        capacity = newCapacity
    }

    private static func failure(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(code: "input", message: message, subject: path)
    }
}
