#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and folders for tests, with plain POSIX calls. Temporary ones get unique names under
/// `/tmp` from `mkdtemp`/`mkstemps`, so tests running in parallel never share one.
public enum TestFiles {
    /// A file-system call failed: which call, on what, and the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String

        init(_ call: String, _ path: String) {
            description = "\(call) \(path): \(String(cString: strerror(errno)))"
        }
    }

    /// Makes a new, empty folder and returns its path. The caller removes it, if at all.
    public static func temporaryFolder() throws(Failure) -> String {
        var template = Array("/tmp/kgexport-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(cString: result)
        }
        guard let made else { throw Failure("mkdtemp", "/tmp") }
        return made
    }

    /// Writes `bytes` to a new file and returns its path; the caller unlinks it.
    /// - Parameter suffix: the end of the file's name, e.g. `.nt` for readers that go by it.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String = "") throws(Failure) -> String {
        var template = Array("/tmp/kgexport-test-XXXXXX\(suffix)".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, Int32(suffix.utf8.count))
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw Failure("mkstemps", path) }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
        return path
    }

    /// Writes `text` as UTF-8 to a new file and returns its path; the caller unlinks it.
    /// - Parameter suffix: the end of the file's name, e.g. `.nt` for readers that go by it.
    public static func temporaryFile(_ text: String, suffix: String = "") throws(Failure) -> String {
        try temporaryFile(Array(text.utf8), suffix: suffix)
    }

    /// Writes `text` as UTF-8 to `path`, replacing what was there.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure("open", path) }
        defer { close(descriptor) }
        try writeAll(Array(text.utf8), to: descriptor, path: path)
    }

    /// Whether anything (file or folder) is at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The file at `path` as text (bad UTF-8 repaired), or nil when it cannot be read.
    public static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The names in the folder at `path`, without `.` and `..`, in no particular order.
    public static func list(_ path: String) throws(Failure) -> [String] {
        guard let directory = opendir(path) else { throw Failure("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes every byte, however many calls `write` takes.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure("write", path) }
            written += count
        }
    }
}

/// `write(2)`; inside ``TestFiles`` the name means ``TestFiles/write(_:to:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
