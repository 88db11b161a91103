#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file crash-safely: bytes go to a temporary file beside the target, and only
/// ``commit()`` renames it over the target. Until then the target is untouched; ``discard()``
/// (or a failure) removes the temporary file, so a failed export leaves nothing behind.
///
/// A process killed while writing cannot remove its temporary file; the next sink created in
/// the same folder does (``removeStaleTemporaries(in:)``).
public final class AtomicFileSink: ByteSink {
    /// The final path.
    public let path: String
    /// The temporary file's path (same folder, so the rename is atomic).
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferCapacity = 1 << 16
    private var finished = false

    /// Prefix of every temporary file name, so stale ones can be recognised and cleaned up.
    public static let temporaryPrefix = ".kgexport-tmp-"

    /// Creates the temporary file.
    /// - Throws: ``OutputError`` when the folder is missing or not writable.
    public init(path: String) throws(OutputError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else {
            throw OutputError(path: path, reason: "the output path names a folder, not a file")
        }
        self.temporaryPath = folder + Self.temporaryPrefix + "\(getpid())-" + name
        Self.removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot create the output file: \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(bufferCapacity)
    }

    deinit {
        if !finished { discard() }
    }

    /// Removes the temporary files (`.kgexport-tmp-<pid>-<name>`) that processes which no longer
    /// run left in `folder` — a kgexport killed while writing. Files of running processes (this
    /// one included) are kept: `kill(pid, 0)` must report that no such process exists. A PID
    /// reused by another process keeps its stale file until that process ends.
    /// - Returns: the names of the files removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let own = getpid()
        var removed: [String] = []
        while let entry = readdir(directory) {
            // Read the name in place: a dirent record can be shorter than the declared
            // 256-byte d_name, so copying the whole field would read past the record.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            guard name.hasPrefix(temporaryPrefix) else { continue }
            let digits = name.dropFirst(temporaryPrefix.count).prefix { $0 >= "0" && $0 <= "9" }
            guard let pid = pid_t(digits), pid > 0, pid != own,
                  name.dropFirst(temporaryPrefix.count + digits.count).first == "-" else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if buffer.count + bytes.count > bufferCapacity { try flush() }
        if bytes.count >= bufferCapacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Hands everything buffered to the operating system (it is not synced to disk yet).
    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        var failure: OutputError?
        pending.withUnsafeBytes { raw in
            do throws(OutputError) { try writeAll(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                discard()
                throw OutputError(path: path, reason: "cannot write: \(reason)")
            }
            remaining -= written
            base += written
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        try flush()
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(path: path, reason: "cannot sync: \(reason)")
        }
        close(descriptor)
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            finished = true
            throw OutputError(path: path, reason: "cannot replace the output file: \(reason)")
        }
        finished = true
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// Writes to standard output, buffered.
public final class StandardOutputSink: ByteSink {
    private var buffer: [UInt8] = []

    public init() {}

    deinit { try? flush() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered so far.
    public func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "-", reason: "cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
