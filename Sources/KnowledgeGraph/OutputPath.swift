#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output path leads, so that it is written the way its user expects.
///
/// A symbolic link is written through, as `cp` and `>` do: the file at the end of the chain of
/// links is replaced, and the links stay.
public enum OutputPath {
    /// The most links followed before giving up, as Linux's `MAXSYMLINKS`.
    static let maximumLinks = 40

    /// The path at the end of `path`'s chain of symbolic links: `path` itself when it is not a
    /// link (or does not exist), else the target of each link in turn, a relative target taken
    /// from the link's own folder. A link to nothing leads to the file it names, which is then
    /// created.
    /// - Throws: ``OutputError`` for a loop of links, and for a link in a world-writable sticky
    ///   folder (such as `/tmp`) owned by someone other than this user and the folder's owner,
    ///   which could have been planted there to redirect the output (the rule of the kernel's
    ///   `fs.protected_symlinks`, which a rename would otherwise bypass).
    public static func followingLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0...maximumLinks {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            try checkLinkIsTrusted(current, owner: status.st_uid, reportingAs: path)
            guard let target = readLink(current) else {
                throw OutputError(path: path, reason: "cannot read the symbolic link \(current): \(String(cString: strerror(errno)))")
            }
            current = target.hasPrefix("/") ? target : folder(of: current) + target
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
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
