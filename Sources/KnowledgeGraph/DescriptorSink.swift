#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output, buffered.
public final class StandardOutputSink: ByteSink {
    private var buffer: [UInt8] = []
    /// How many bytes have reached standard output (not counting those still buffered).
    public private(set) var bytesDelivered = 0

    public init() {}

    deinit { try? flush() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered so far.
    public func flush() throws(OutputError) {
        let failure = buffer.withUnsafeBytes { writeFully(1, $0) { self.bytesDelivered += $0 } }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw OutputError(path: "-", reason: "cannot write to standard output: \(String(cString: strerror(failure)))")
        }
    }

    /// Forgets what is buffered, after a failure: a half-written document is not sent on.
    public func dropBuffered() {
        buffer.removeAll()
    }
}

/// Writes straight to a FIFO, a device or an inherited descriptor, buffered. Nothing can be
/// taken back: what has been flushed is out (``bytesDelivered`` says how much).
public final class DescriptorSink: ByteSink {
    /// The output path, for messages.
    public let path: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// How many bytes have been written to the descriptor (not counting those still buffered).
    public private(set) var bytesDelivered = 0

    /// Writes to `descriptor`, which stays open when the sink is done with it.
    /// - Parameter path: the output path, for messages.
    public init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        self.ownsDescriptor = false
    }

    /// Opens the FIFO or device at `file` (the end of `path`'s links) for writing, without
    /// creating or truncating anything. A FIFO waits for a reader, as `>` does.
    /// - Throws: ``OutputError`` naming `path` when it cannot be opened, or when it has become a
    ///   regular file or a folder since it was looked at.
    public init(specialFile file: String, path: String) throws(OutputError) {
        var opened: Int32
        repeat {
            opened = open(file, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC)
        } while opened < 0 && errno == EINTR
        guard opened >= 0 else {
            throw OutputError(path: path, reason: "cannot open for writing: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        let kind = fstat(opened, &status) == 0 ? status.st_mode & S_IFMT : 0
        guard kind == S_IFIFO || kind == S_IFCHR || kind == S_IFBLK else {
            _ = Glibc.close(opened)
            throw OutputError(path: path, reason: "changed while it was being opened; nothing was written")
        }
        self.descriptor = opened
        self.path = path
        self.ownsDescriptor = true
    }

    deinit { close() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered so far.
    public func flush() throws(OutputError) {
        guard descriptor >= 0 else { return }
        let failure = buffer.withUnsafeBytes { writeFully(descriptor, $0) { self.bytesDelivered += $0 } }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(failure)))")
        }
    }

    /// Closes the descriptor when the sink opened it; buffered bytes not flushed are dropped.
    public func close() {
        if ownsDescriptor && descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }
}

/// Writes all of `bytes` to `descriptor`, again after a signal or a short write; `delivered`
/// hears of each part that went out.
/// - Returns: nil, or the `errno` of the failure.
func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, delivered: (Int) -> Void = { _ in }) -> Int32? {
    guard var base = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
        let written = Glibc.write(descriptor, base, remaining)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        delivered(written)
        remaining -= written
        base += written
    }
    return nil
}
