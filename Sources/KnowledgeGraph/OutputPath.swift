#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output path leads, so that it is written the way its user expects.
///
/// A symbolic link is written through, as `cp` and `>` do: the file at the end of the chain of
/// links is replaced, and the links stay. A FIFO, a device or a descriptor (`/dev/stdout`) is
/// written in place as a stream, never replaced; a folder is refused.
public enum OutputPath {
    /// The most links followed before giving up, as Linux's `MAXSYMLINKS`.
    static let maximumLinks = 40

    /// How an output is written, decided by what its path names.
    public enum Destination: Equatable, Sendable {
        /// A regular file, or nothing yet, at `path` (the end of any chain of links): written to a
        /// temporary file beside it and renamed over it when complete (``AtomicFileSink``).
        case file(path: String)
        /// A FIFO or a device at `path` (the end of any chain of links): opened and written in
        /// place, as a stream; it is never replaced.
        case specialFile(path: String, kind: String)
        /// An open descriptor of this process, named by `/dev/stdout`, `/dev/stderr`,
        /// `/dev/fd/N` or `/proc/self/fd/N`: written in place, as standard output is for `-`.
        case descriptor(Int32)
    }

    /// What `path` names, following symbolic links (each relative target taken from its link's
    /// folder, at most 40). A link to nothing leads to the file it names, which is then created.
    /// - Throws: ``OutputError`` for a folder ("is a folder, not a file"), a socket, a loop of
    ///   links, a descriptor that is not open for writing, and a link in a world-writable
    ///   sticky folder (such as `/tmp`) owned by someone other than this user and the folder's
    ///   owner, which could have been planted there to redirect the output (the rule of the
    ///   kernel's `fs.protected_symlinks`, which a rename would otherwise bypass).
    public static func destination(of path: String) throws(OutputError) -> Destination {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw OutputError(path: path, reason: "the output path names a folder, not a file")
        }
        var current = path
        for _ in 0...maximumLinks {
            if let descriptor = try descriptor(named: current, reportingAs: path) { return .descriptor(descriptor) }
            var status = stat()
            // Missing (or its folder is): creating the temporary file will say why, if it cannot.
            guard lstat(current, &status) == 0 else { return .file(path: current) }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                try checkLinkIsTrusted(current, owner: status.st_uid, reportingAs: path)
                guard let target = readLink(current) else {
                    throw OutputError(path: path, reason: "cannot read the symbolic link \(current): \(String(cString: strerror(errno)))")
                }
                current = target.hasPrefix("/") ? target : folder(of: current) + target
            case S_IFDIR:
                throw OutputError(path: path, reason: "is a folder, not a file")
            case S_IFIFO:
                return .specialFile(path: current, kind: "FIFO")
            case S_IFCHR:
                return .specialFile(path: current, kind: "character device")
            case S_IFBLK:
                return .specialFile(path: current, kind: "block device")
            case S_IFSOCK:
                throw OutputError(path: path, reason: "is a socket; kgexport writes to files, FIFOs and devices")
            default:
                return .file(path: current)
            }
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }

    /// The descriptor `path` names (`/dev/stdout` → 1, `/dev/fd/3` → 3), or nil for any other path.
    /// These are links the kernel makes up, which lead to a pipe or a terminal as often as to a
    /// file: they are written through the descriptor, never replaced.
    private static func descriptor(named path: String, reportingAs original: String) throws(OutputError) -> Int32? {
        let named: Int32?
        switch path {
        case "/dev/stdin": named = 0
        case "/dev/stdout": named = 1
        case "/dev/stderr": named = 2
        default:
            let folders = ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
            guard let folder = folders.first(where: path.hasPrefix) else { return nil }
            let digits = path.dropFirst(folder.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let number = Int32(digits) else { return nil }
            named = number
        }
        guard let descriptor = named else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0 else {
            throw OutputError(path: original, reason: "names descriptor \(descriptor), which is not open")
        }
        guard flags & O_ACCMODE != O_RDONLY else {
            throw OutputError(path: original, reason: "names descriptor \(descriptor), which is open for reading only")
        }
        return descriptor
    }

    /// The folder part of `path`, with its trailing slash (`""` for a bare name).
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    /// The target of the link at `path`, as written in the link.
    private static func readLink(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = buffer.withUnsafeMutableBufferPointer { raw in
            raw.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: raw.count) { readlink(path, $0, raw.count) }
            } ?? -1
        }
        guard length >= 0 else { return nil }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    /// Refuses a link that another user may have planted in a shared folder.
    private static func checkLinkIsTrusted(_ link: String, owner: uid_t, reportingAs path: String) throws(OutputError) {
        var folderStatus = stat()
        let folderPath = folder(of: link)
        guard stat(folderPath.isEmpty ? "." : folderPath, &folderStatus) == 0 else { return }
        let sharedFolder = folderStatus.st_mode & S_ISVTX != 0 && folderStatus.st_mode & S_IWOTH != 0
        guard !sharedFolder || owner == geteuid() || owner == folderStatus.st_uid else {
            throw OutputError(path: path, reason: "is a symbolic link owned by another user in a world-writable "
                              + "sticky folder; kgexport does not write through it (it may have been planted)")
        }
    }
}
