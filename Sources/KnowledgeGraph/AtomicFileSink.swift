#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file crash-safely: bytes go to a temporary file beside the target, and only
/// ``commit()`` renames it over the target; until then the target is untouched, and
/// ``discard()`` (or a failure) removes the temporary file, so a failed export leaves nothing
/// behind. A target that is a symbolic link is written through: the file it leads to is
/// replaced, and the link stays. ``commit(_:)`` commits several files all or none.
///
/// The new file keeps the replaced file's mode (and its owner and group when run as root); a
/// file that did not exist gets 0666 less the umask, as `open` gives.
///
/// SIGINT, SIGTERM and SIGHUP remove the temporary file (``InterruptCleanup``). A process killed
/// while writing (`kill -9`) cannot; the next sink created in the same folder does
/// (``removeStaleTemporaries(in:sparing:)``).
public final class AtomicFileSink: ByteSink {
    /// The final path, as given.
    public let path: String
    /// The file replaced: `path`, or when `path` is a symbolic link the file at the end of its
    /// chain of links (the links stay; see ``OutputPath/destination(of:)``).
    public let targetPath: String
    /// The temporary file's path (beside ``targetPath``, so the rename is atomic).
    public let temporaryPath: String
    private var descriptor: Int32
    /// The mode, owner and group of the file replaced, which the new file takes over; nil
    /// when there is none (the new file then has the mode `open` gives: 0666 less the umask).
    private let replacedFileStatus: stat?
    private var buffer: [UInt8] = []
    private let bufferCapacity = 1 << 16
    private var finished = false
    /// The temporary file's entry in ``InterruptCleanup/shared``, so a signal removes it.
    private var cleanupRegistration: InterruptCleanup.Registration?

    /// Prefix of every temporary file name, so stale ones can be recognised and cleaned up.
    public static let temporaryPrefix = ".kgexport-tmp-"

    /// Creates the temporary file, `.kgexport-tmp-<pid>-<12 random letters and digits>-<name>`
    /// (the name shortened to fit the 255-byte limit), exclusively.
    /// - Throws: ``OutputError`` when the folder is missing or not writable, and when `path` is a
    ///   folder, a FIFO, a device or a descriptor, which cannot be replaced (`GraphOutput` in
    ///   GraphFormats writes FIFOs, devices and descriptors as streams).
    /// - Parameter inputs: files being read, which the sweep of stale temporary files must
    ///   leave alone whatever their names (see ``removeStaleTemporaries(in:sparing:)``).
    public init(path: String, sparing inputs: [String] = []) throws(OutputError) {
        self.path = path
        switch try OutputPath.destination(of: path) {
        case .file(let target):
            targetPath = target
        case .specialFile(_, let kind):
            throw OutputError(path: path, reason: "is a \(kind), not a regular file, and cannot be replaced")
        case .descriptor(let descriptor):
            throw OutputError(path: path, reason: "names descriptor \(descriptor), not a regular file, and cannot be replaced")
        }
        let folder = OutputPath.folder(of: targetPath)
        let name = String(targetPath.dropFirst(folder.count))
        Self.removeStaleTemporaries(in: folder.isEmpty ? "." : folder, sparing: inputs)
        var existing = stat()
        replacedFileStatus = stat(targetPath, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG ? existing : nil
        // Private until commit when a file is replaced: its mode may be stricter than the umask's.
        let mode: mode_t = replacedFileStatus == nil ? 0o666 : 0o600
        let cleanup = InterruptCleanup.shared
        // Created and registered with a signal's cleanup held off, so it cannot slip through.
        (temporaryPath, descriptor, cleanupRegistration) = try cleanup.deferringCleanup { () throws(OutputError) in
            let (temporaryPath, descriptor) = try Self.createTemporaryFile(in: folder, for: name, mode: mode, reportingAs: path)
            return (temporaryPath, descriptor, cleanup.register(temporaryFile: temporaryPath))
        }
        buffer.reserveCapacity(bufferCapacity)
    }

    /// How many letters and digits make the random part of a temporary file's name.
    static let randomPartLength = 12
    private static let randomAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Creates `<folder>.kgexport-tmp-<pid>-<random>-<name>` for writing.
    ///
    /// `O_CREAT | O_EXCL` fails on any existing entry, a symbolic link included, so a link planted
    /// at the name is never followed and no two sinks (nor two processes with the same PID in two
    /// containers) share a file; the random part makes the name unpredictable. The name is cut
    /// to the folder's name limit (255 bytes), between characters.
    private static func createTemporaryFile(in folder: String, for name: String, mode: mode_t,
                                            reportingAs path: String) throws(OutputError) -> (String, Int32) {
        let created = withFreshTemporaryName(in: folder, for: name) { temporaryPath -> Int32? in
            let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            return descriptor >= 0 ? descriptor : nil
        }
        guard let (temporaryPath, descriptor) = created else {
            throw OutputError(path: path, reason: "cannot create the output file: \(String(cString: strerror(errno)))")
        }
        // Held until the descriptor is closed, after the rename: the sweep of another kgexport
        // sees a live writer by it, whatever PID namespace it runs in.
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        return (temporaryPath, descriptor)
    }

    /// Calls `create` with fresh temporary names for `name` in `folder` until it succeeds or
    /// fails other than with `EEXIST` (a name taken: a one-in-2^71 coincidence, or planted).
    /// - Returns: the name `create` succeeded with and its result; nil with `errno` set.
    private static func withFreshTemporaryName<Created>(in folder: String, for name: String,
                                                        _ create: (String) -> Created?) -> (String, Created)? {
        let nameLimit = pathconf(folder.isEmpty ? "." : folder, Int32(_PC_NAME_MAX))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let random = String(decoding: (0..<randomPartLength).map { _ in
                randomAlphabet[Int.random(in: 0..<randomAlphabet.count, using: &generator)]
            }, as: UTF8.self)
            let candidate = folder + temporaryName(for: name, random: random, limit: nameLimit > 0 ? nameLimit : 255)
            if let created = create(candidate) { return (candidate, created) }
            guard errno == EEXIST else { return nil }
        }
        return nil
    }

    /// `.kgexport-tmp-<pid>-<random>-<name>`, with `name` shortened (at a character boundary)
    /// so that the whole is at most `limit` bytes.
    static func temporaryName(for name: String, random: String, limit: Int) -> String {
        let head = temporaryPrefix + "\(getpid())-" + random + "-"
        var room = limit - head.utf8.count
        var tail = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let width = UTF8.width(scalar)
            guard width <= room else { break }
            room -= width
            tail.append(scalar)
        }
        return head + String(tail)
    }

    deinit {
        if !finished { discard() }
    }

    /// Removes the temporary files that a kgexport which no longer runs left in `folder` (one
    /// killed while writing), and nothing else. A file is removed only when all of these hold:
    /// - its name has the exact shape this type gives (`.kgexport-tmp-<pid>-<12 letters and
    ///   digits>-<name>`);
    /// - it is a regular file (not a link, not a folder) owned by this user;
    /// - no process `<pid>` exists (`kill(pid, 0)` fails with `ESRCH`) and no process holds the
    ///   lock every writer keeps on its file (a PID from another PID namespace — a container
    ///   sharing the folder — means nothing here, the lock does);
    /// - it is none of `inputs` (an input may carry any name, this one too).
    /// - Parameter inputs: files being read, compared by device and inode (links followed).
    /// - Returns: the names of the files removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String, sparing inputs: [String] = []) -> [String] {
        let spared = Set(inputs.compactMap(FileIdentity.init(path:)))
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { return [] }
        guard let directory = fdopendir(folderDescriptor) else {
            close(folderDescriptor)
            return []
        }
        defer { closedir(directory) }
        let own = getpid(), user = geteuid()
        var removed: [String] = []
        while let entry = readdir(directory) {
            // Read the name in place: a dirent record can be shorter than the declared
            // 256-byte d_name, so copying the whole field would read past the record.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            guard let pid = processID(inTemporaryName: name), pid != own,
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            var status = stat()
            guard fstatat(folderDescriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                  status.st_mode & S_IFMT == S_IFREG, status.st_uid == user,
                  !spared.contains(FileIdentity(status)) else { continue }
            // The lock tells a writer that is alive; hold it while removing, so none can start.
            let file = openat(folderDescriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard file >= 0 else { continue }
            defer { close(file) }
            var opened = stat()
            guard fstat(file, &opened) == 0, FileIdentity(opened) == FileIdentity(status),
                  flock(file, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlinkat(folderDescriptor, name, 0) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The PID in a name of the shape ``temporaryName(for:random:limit:)`` makes, or nil for any
    /// other name.
    static func processID(inTemporaryName name: String) -> pid_t? {
        var rest = Substring(name)
        guard rest.hasPrefix(temporaryPrefix) else { return nil }
        rest = rest.dropFirst(temporaryPrefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...10).contains(digits.count), digits.first != "0", let pid = pid_t(digits), pid > 0 else { return nil }
        rest = rest.dropFirst(digits.count)
        guard rest.first == "-" else { return nil }
        rest = rest.dropFirst()
        let random = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard random.count == randomPartLength else { return nil }
        rest = rest.dropFirst(randomPartLength)
        guard rest.first == "-", rest.count > 1 else { return nil }
        return pid
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
        if let failure = writeFully(descriptor, bytes) {
            discard()
            throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(failure)))")
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        try prepareRename()
        // Renamed while still open and locked, so no sweep can take it in between; a signal
        // meanwhile finds it renamed, or removes it.
        let failure = InterruptCleanup.shared.deferringCleanup { () -> Int32? in
            let failure = rename(temporaryPath, targetPath) == 0 ? nil : errno
            if failure != nil { unlink(temporaryPath) }
            closeAfterRename()
            return failure
        }
        if let failure {
            throw OutputError(path: path, reason: "cannot replace the output file: \(String(cString: strerror(failure)))")
        }
    }

    /// Everything that may fail before the rename: flushing, syncing, taking over the replaced
    /// file's mode. A failure discards the temporary file.
    private func prepareRename() throws(OutputError) {
        try flush()
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(path: path, reason: "cannot sync: \(reason)")
        }
        takeOverReplacedFileStatus()
    }

    private func closeAfterRename() {
        close(descriptor)
        descriptor = -1
        finished = true
        unregisterFromCleanup()
    }

    private func unregisterFromCleanup() {
        if let cleanupRegistration { InterruptCleanup.shared.unregister(cleanupRegistration) }
        cleanupRegistration = nil
    }

    /// Commits `sinks` all or none: every file is flushed and synced first, each file about to be
    /// replaced is kept under a temporary name (a hard link, or a copy where links are not
    /// allowed), and only then are the files renamed into place. When a rename fails, the files
    /// already renamed are put back — the previous file where there was one, none where there
    /// was none — and the rest are discarded, so the folder is as it was.
    /// - Throws: ``GroupCommitError`` with the failure, and the files that could not be put back
    ///   (empty when nothing was changed, which is all but certain).
    public static func commit(_ sinks: [AtomicFileSink]) throws(GroupCommitError) {
        let pending = sinks.filter { !$0.finished }
        func giveUp(_ failure: OutputError, changed: [String] = []) -> GroupCommitError {
            for sink in pending { sink.discard() }
            return GroupCommitError(failure: failure, changedFiles: changed)
        }
        do {
            for sink in pending { try sink.prepareRename() }
        } catch {
            throw giveUp(error)
        }
        // Backups, renames and any undoing happen with a signal's cleanup held off: a signal
        // finds the group all in place or all as it was.
        try InterruptCleanup.shared.deferringCleanup { () throws(GroupCommitError) in
            var previousFiles: [String?] = []
            for sink in pending {
                do throws(OutputError) {
                    previousFiles.append(try sink.keepPreviousFile())
                } catch {
                    for kept in previousFiles { if let kept { unlink(kept) } }
                    throw giveUp(error)
                }
            }
            for (index, sink) in pending.enumerated() where rename(sink.temporaryPath, sink.targetPath) != 0 {
                let failure = OutputError(path: sink.path, reason: "cannot replace the output file: \(String(cString: strerror(errno)))")
                var changed: [String] = []
                for earlier in (0..<index).reversed() {
                    let target = pending[earlier].targetPath
                    let restored = previousFiles[earlier].map { rename($0, target) == 0 } ?? (unlink(target) == 0)
                    if !restored { changed.append(pending[earlier].path) }
                }
                // A previous file that could not be put back stays under its temporary name.
                for (kept, sink) in zip(previousFiles, pending) {
                    if let kept, !changed.contains(sink.path) { unlink(kept) }
                }
                for earlier in pending[..<index] { earlier.closeAfterRename() }
                throw giveUp(failure, changed: changed.reversed())
            }
            for kept in previousFiles { if let kept { unlink(kept) } }
            for sink in pending { sink.closeAfterRename() }
        }
    }

    /// Keeps the file this sink will replace under a fresh temporary name beside it, so that it
    /// can be put back: a hard link, else (a file system without them, a file this user may not
    /// link) a copy with the same mode.
    /// - Returns: the temporary name, or nil when there is no file to replace.
    private func keepPreviousFile() throws(OutputError) -> String? {
        var status = stat()
        // Anything else (a folder put there since) makes the rename fail, and the group is undone.
        guard lstat(targetPath, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let folder = OutputPath.folder(of: targetPath), name = String(targetPath.dropFirst(folder.count))
        if let (linked, _) = Self.withFreshTemporaryName(in: folder, for: name, { link(targetPath, $0) == 0 ? true : nil }) {
            return linked
        }
        let source = open(targetPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        let created = source < 0 ? nil : Self.withFreshTemporaryName(in: folder, for: name) { candidate -> Int32? in
            let copy = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            return copy >= 0 ? copy : nil
        }
        let reason = String(cString: strerror(errno))
        defer { if source >= 0 { close(source) } }
        guard let (copyPath, copy) = created else {
            throw OutputError(path: path, reason: "cannot keep the previous file to put it back should the export fail: \(reason)")
        }
        defer { close(copy) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            let failure = count < 0 ? Optional(errno) : chunk.withUnsafeBytes { writeFully(copy, UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            if let failure {
                unlink(copyPath)
                throw OutputError(path: path, reason: "cannot keep the previous file to put it back should the export fail: "
                                  + String(cString: strerror(failure)))
            }
            if count == 0 { break }
        }
        _ = fchmod(copy, status.st_mode & 0o7777)
        return copyPath
    }

    /// Gives the new file the replaced file's mode, and its owner and group when running as
    /// root (else its group, when this user may): replacing a 0600 file leaves a 0600 file.
    /// Best effort, as `sed -i` does: a file that cannot take the owner keeps this user's.
    private func takeOverReplacedFileStatus() {
        guard let replaced = replacedFileStatus else { return }
        if geteuid() == 0 {
            _ = fchown(descriptor, replaced.st_uid, replaced.st_gid)
        } else if replaced.st_gid != getegid() {
            _ = fchown(descriptor, uid_t.max, replaced.st_gid)
        }
        // After fchown, which clears the set-user-ID and set-group-ID bits.
        _ = fchmod(descriptor, replaced.st_mode & 0o7777)
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        unregisterFromCleanup()
    }
}

/// A file's device and inode: which file it is, whatever the path.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of the file at `path`, links followed; nil when there is none (`-` too).
    init?(path: String) {
        var status = stat()
        guard path != "-", stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// Why ``AtomicFileSink/commit(_:)`` could not commit a group of files.
public struct GroupCommitError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var failure: OutputError
    /// The files (their paths, as given) that hold this run's output although the group failed,
    /// because the previous file could not be put back; empty when nothing was changed.
    public var changedFiles: [String]

    public init(failure: OutputError, changedFiles: [String] = []) {
        self.failure = failure
        self.changedFiles = changedFiles
    }

    public var description: String {
        changedFiles.isEmpty ? failure.description
            : failure.description + "\n" + "note: these files could not be put back as they were: " + changedFiles.joined(separator: ", ")
    }
}
