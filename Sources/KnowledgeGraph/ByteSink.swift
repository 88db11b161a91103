/// A destination for bytes: a file being written, standard output, or memory.
///
/// Writers produce output through a sink so the same code serves files, pipes and tests.
public protocol ByteSink: AnyObject {
    /// Appends bytes. Sinks are reference types so that a writer and its caller share one.
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
}

extension ByteSink {
    /// Appends the UTF-8 bytes of a string.
    public func write(_ text: String) throws(OutputError) {
        var text = text
        var failure: OutputError?
        text.withUTF8 { buffer in
            do throws(OutputError) { try write(UnsafeRawBufferPointer(buffer)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends bytes held in an array.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        // withUnsafeBytes does not pass a typed error through; carry it out by hand, once.
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Collects output in memory.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The output decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A failure to write output (disk full, permission denied, a closed pipe).
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
