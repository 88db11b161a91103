#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole input files (or standard input) with a size limit and clear errors.
public enum InputFile {
    /// The largest input read by default: 1 GiB.
    public static let defaultSizeLimit = 1 << 30

    /// Reads `path` (or standard input for `-`).
    /// - Throws: a ``Diagnostic`` (code `input`) naming the file: missing, a folder, unreadable, too large.
    public static func read(_ path: String, sizeLimit: Int = defaultSizeLimit) throws(Diagnostic) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw failure(path, "is a folder, not a file")
            }
            if Int(status.st_size) > sizeLimit {
                throw failure(path, "is larger than the limit of \(sizeLimit) bytes")
            }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > sizeLimit {
                throw failure(path, "is larger than the limit of \(sizeLimit) bytes")
            }
        }
        return bytes
    }

    /// The error for an input over `sizeLimit` bytes, the same for every way of reading.
    public static func tooLarge(_ path: String, sizeLimit: Int) -> Diagnostic {
        failure(path, "is larger than the limit of \(sizeLimit) bytes")
    }

    private static func failure(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(code: "input", message: message, subject: path == "-" ? "standard input" : path)
    }
}
