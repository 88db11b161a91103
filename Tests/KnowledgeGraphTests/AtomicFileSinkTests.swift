import KnowledgeGraph
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The rules of ``AtomicFileSink``: how its temporary file is made, what it does with links,
/// special files and folders, which mode and owner the result has, and what the stale-file
/// sweep may remove.
@Suite struct AtomicFileSinkTests {
    @Test func commitReplacesAndDiscardLeavesTargetUntouched() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let path = folder.path + "/out.txt"
        let first = try AtomicFileSink(path: path)
        try first.write("hello")
        try first.commit()
        #expect(TestFiles.read(path) == "hello")
        let second = try AtomicFileSink(path: path)
        try second.write("broken")
        second.discard()
        #expect(TestFiles.read(path) == "hello")
        #expect(!TestFiles.exists(second.temporaryPath))
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: OutputError.self) { try AtomicFileSink(path: "/nonexistent-folder-kgexport/out.txt") }
    }

    // MARK: - The temporary file

    /// A link planted where the temporary file of an earlier version would have been (its name
    /// was `.kgexport-tmp-<pid>-<name>`) is neither followed nor written through.
    @Test func aLinkPlantedAtTheTemporaryNameIsNotFollowed() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        try folder.write("victim", "secret\n")
        let planted = AtomicFileSink.temporaryPrefix + "\(getpid())-out.nt"
        #expect(symlink(folder.path + "/victim", folder.path + "/" + planted) == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.read("victim") == "secret\n")
        #expect(folder.read("out.nt") == "new\n")
        #expect(folder.kind("out.nt") == S_IFREG)
    }

    /// Two sinks for the same target in one process (or two processes with the same PID in two
    /// containers) never share a temporary file.
    @Test func twoSinksForOneTargetHaveTheirOwnTemporaryFiles() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let first = try AtomicFileSink(path: folder.path + "/out.nt")
        let second = try AtomicFileSink(path: folder.path + "/out.nt")
        #expect(first.temporaryPath != second.temporaryPath)
        try first.write("first\n")
        try second.write("second\n")
        first.discard()
        try second.commit()
        #expect(folder.read("out.nt") == "second\n")
        #expect(try folder.names() == ["out.nt"])
    }

    /// Output names up to the 255-byte limit get a temporary file whose name fits too; a name
    /// in a multi-byte script is shortened between characters.
    @Test(arguments: [String(repeating: "a", count: 252) + ".nt", String(repeating: "é", count: 126) + ".nt"])
    func longOutputNamesFit(name: String) throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let sink = try AtomicFileSink(path: folder.path + "/" + name)
        let temporaryName = String(sink.temporaryPath.split(separator: "/").last ?? "")
        #expect(temporaryName.utf8.count <= 255)
        #expect(!temporaryName.unicodeScalars.contains("\u{FFFD}"))
        try sink.write("x\n")
        try sink.commit()
        #expect(folder.read(name) == "x\n")
        #expect(try folder.names() == [name])
    }

    // MARK: - Links

    /// An output that is a symbolic link is written through: the file it leads to is replaced
    /// (atomically, beside itself), and the link stays.
    @Test func anOutputLinkIsWrittenThrough() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(mkdir(folder.path + "/data", 0o755) == 0)
        try folder.write("data/real.nt", "old\n")
        #expect(symlink("data/real.nt", folder.path + "/out.nt") == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.kind("out.nt") == S_IFLNK)
        #expect(folder.read("data/real.nt") == "new\n")
        #expect(try folder.names("data") == ["real.nt"])
        #expect(try folder.names() == ["data", "out.nt"])
    }

    /// A chain of links, relative to each link's own folder, leads to the file replaced.
    @Test func aChainOfRelativeLinksIsFollowed() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(mkdir(folder.path + "/a", 0o755) == 0)
        #expect(mkdir(folder.path + "/b", 0o755) == 0)
        try folder.write("b/real.nt", "old\n")
        #expect(symlink("../b/real.nt", folder.path + "/a/middle.nt") == 0)
        #expect(symlink("a/middle.nt", folder.path + "/out.nt") == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.kind("out.nt") == S_IFLNK && folder.kind("a/middle.nt") == S_IFLNK)
        #expect(folder.read("b/real.nt") == "new\n")
    }

    /// A link to a file that does not exist yet creates that file, as `>` in a shell does.
    @Test func aDanglingLinkCreatesItsTarget() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(symlink("real.nt", folder.path + "/out.nt") == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.kind("out.nt") == S_IFLNK)
        #expect(folder.read("real.nt") == "new\n")
    }

    /// A loop of links is an error, not a hang.
    @Test func aLoopOfLinksIsAnError() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(symlink("b.nt", folder.path + "/a.nt") == 0)
        #expect(symlink("a.nt", folder.path + "/b.nt") == 0)
        #expect {
            _ = try AtomicFileSink(path: folder.path + "/a.nt")
        } throws: { error in
            (error as? OutputError)?.reason == "too many levels of symbolic links"
        }
        #expect(try folder.names() == ["a.nt", "b.nt"])
    }

    /// Run as root: a link another user owns in a world-writable sticky folder (as in /tmp) may
    /// have been planted to redirect the output; it is refused, as the kernel refuses to follow it.
    @Test(.enabled(if: geteuid() == 0, "needs root to give the link away"))
    func aLinkPlantedInASharedFolderIsRefused() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(chmod(folder.path, 0o1777) == 0)
        try folder.write("victim", "secret\n")
        #expect(symlink(folder.path + "/victim", folder.path + "/out.nt") == 0)
        #expect(lchown(folder.path + "/out.nt", 65534, 65534) == 0)
        #expect {
            _ = try AtomicFileSink(path: folder.path + "/out.nt")
        } throws: { error in
            (error as? OutputError)?.reason.contains("owned by another user in a world-writable sticky folder") == true
        }
        #expect(folder.read("victim") == "secret\n")
        #expect(folder.kind("out.nt") == S_IFLNK)
        // The same link, owned by this user, is followed.
        #expect(lchown(folder.path + "/out.nt", geteuid(), getegid()) == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.read("victim") == "new\n")
    }

    // MARK: - Folders and special files

    /// A folder is refused before anything is written, with a message that says it is one.
    @Test func aFolderIsRefused() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(mkdir(folder.path + "/taken", 0o755) == 0)
        #expect {
            _ = try AtomicFileSink(path: folder.path + "/taken")
        } throws: { error in
            (error as? OutputError)?.reason == "is a folder, not a file"
        }
        #expect(try folder.names() == ["taken"])
    }

    /// A FIFO cannot be replaced atomically; the sink refuses it and leaves it a FIFO
    /// (``GraphOutput`` writes such files as streams).
    @Test func aFIFOIsNotReplaced() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        #expect {
            let sink = try AtomicFileSink(path: folder.path + "/pipe")
            try sink.write("x\n")
            try sink.commit()
        } throws: { error in
            (error as? OutputError)?.reason.contains("is a FIFO") == true
        }
        #expect(folder.kind("pipe") == S_IFIFO)
    }

    // MARK: - Mode and owner

    /// Replacing a file keeps its permission bits.
    @Test(arguments: [0o600, 0o640, 0o755, 0o444] as [mode_t])
    func anExistingFilesModeIsKept(mode: mode_t) throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        try folder.write("out.nt", "old\n", mode: mode)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        #expect(folder.read("out.nt") == "new\n")
        #expect(folder.status("out.nt").map { $0.st_mode & 0o7777 } == mode)
    }

    /// Run as root, replacing a file keeps its owner and group too.
    @Test(.enabled(if: geteuid() == 0, "needs root to give the file away"))
    func anExistingFilesOwnerIsKeptWhenRoot() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        try folder.write("out.nt", "old\n", mode: 0o640)
        #expect(chown(folder.path + "/out.nt", 65534, 65534) == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        let status = try #require(folder.status("out.nt"))
        #expect(status.st_uid == 65534 && status.st_gid == 65534)
        #expect(status.st_mode & 0o7777 == 0o640)
    }

    /// A new file gets the mode `open(2)` gives with the process's umask: 0666 less the umask.
    @Test func aNewFileGetsTheUmaskMode() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let sink = try AtomicFileSink(path: folder.path + "/out.nt")
        try sink.write("new\n")
        try sink.commit()
        let umask = try #require(currentUmask())
        #expect(folder.status("out.nt").map { $0.st_mode & 0o7777 } == 0o666 & ~umask)
    }

    // MARK: - Committing a group

    /// The files of a group are renamed into place together, each keeping its own mode.
    @Test func aGroupIsCommittedTogether() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        try folder.write("a.nt", "old a\n", mode: 0o600)
        let sinks = try ["a.nt", "b.nt"].map { try AtomicFileSink(path: folder.path + "/" + $0) }
        for (sink, text) in zip(sinks, ["new a\n", "new b\n"]) { try sink.write(text) }
        try AtomicFileSink.commit(sinks)
        #expect(folder.read("a.nt") == "new a\n" && folder.read("b.nt") == "new b\n")
        #expect(folder.status("a.nt").map { $0.st_mode & 0o7777 } == 0o600)
        #expect(try folder.names() == ["a.nt", "b.nt"])
    }

    /// A rename that fails part-way (a folder has appeared where the last file goes) undoes the
    /// renames before it: the previous file is put back, a new one removed, temporary files gone.
    @Test func aFailedRenameUndoesTheGroup() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        try folder.write("a.nt", "old a\n")
        let sinks = try ["a.nt", "b.nt", "c.nt"].map { try AtomicFileSink(path: folder.path + "/" + $0) }
        for sink in sinks { try sink.write("new\n") }
        #expect(mkdir(folder.path + "/c.nt", 0o755) == 0)
        #expect {
            try AtomicFileSink.commit(sinks)
        } throws: { error in
            guard let error = error as? GroupCommitError else { return false }
            return error.failure.path == folder.path + "/c.nt" && error.changedFiles.isEmpty
        }
        #expect(folder.read("a.nt") == "old a\n")
        #expect(try folder.names() == ["a.nt", "c.nt"])
    }

    // MARK: - The stale-file sweep

    /// A PID that no process has: the PID of a child that has ended and been reaped.
    static func endedProcessID() throws -> pid_t {
        var child: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        try #require(posix_spawn(&child, "/bin/true", nil, nil, &argv, environ) == 0)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        return child
    }

    /// Twelve letters and digits: the shape of the random part of a temporary file's name.
    static let randomPart = "Ab3dEf6hIj9L"

    @Test func theSweepRemovesOnlyWhatADeadKGExportLeft() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let dead = try Self.endedProcessID()
        let prefix = AtomicFileSink.temporaryPrefix
        let stale = "\(prefix)\(dead)-\(Self.randomPart)-out.nt"
        let kept = [
            "\(prefix)\(dead)-notes.txt",                       // not the shape kgexport makes
            "\(prefix)\(dead)-\(Self.randomPart)",               // no output name
            "\(prefix)\(dead)-Ab3dE-out.nt",                    // random part too short
            "\(prefix)0\(dead)-\(Self.randomPart)-out.nt",       // a PID does not start with 0
            "\(prefix)\(getpid())-\(Self.randomPart)-mine.nt",   // this process is alive
        ]
        for name in [stale] + kept { try folder.write(name, "partial") }
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path) == [stale])
        #expect(try folder.names() == kept.sorted())
    }

    /// A link or a folder with a temporary file's name is not something kgexport made.
    @Test func theSweepLeavesLinksAndFolders() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let dead = try Self.endedProcessID()
        let prefix = AtomicFileSink.temporaryPrefix
        try folder.write("target", "keep me")
        let link = "\(prefix)\(dead)-\(Self.randomPart)-link.nt", subfolder = "\(prefix)\(dead)-\(Self.randomPart)-dir.nt"
        #expect(symlink("target", folder.path + "/" + link) == 0)
        #expect(mkdir(folder.path + "/" + subfolder, 0o755) == 0)
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path).isEmpty)
        #expect(try folder.names() == [link, subfolder, "target"].sorted())
    }

    /// Run as root: another user's file is never removed, whatever its name.
    @Test(.enabled(if: geteuid() == 0, "needs root to give the file away"))
    func theSweepLeavesOtherUsersFiles() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let dead = try Self.endedProcessID()
        let name = "\(AtomicFileSink.temporaryPrefix)\(dead)-\(Self.randomPart)-out.nt"
        try folder.write(name, "partial")
        #expect(chown(folder.path + "/" + name, 65534, 65534) == 0)
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path).isEmpty)
        #expect(try folder.names() == [name])
    }

    /// An input being read is never removed, whatever its name, also through a link to it.
    @Test func theSweepSparesTheInputs() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let dead = try Self.endedProcessID()
        let input = "\(AtomicFileSink.temporaryPrefix)\(dead)-\(Self.randomPart)-in.nt"
        try folder.write(input, "<http://example.org/s> <http://example.org/p> \"x\" .\n")
        #expect(symlink(input, folder.path + "/in.nt") == 0)
        let sink = try AtomicFileSink(path: folder.path + "/out.nt", sparing: [folder.path + "/in.nt"])
        try sink.commit()
        #expect(try folder.names() == [input, "in.nt", "out.nt"].sorted())
        // Not an input: it goes.
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path) == [input])
    }

    /// A writer holds a lock on its temporary file: a file still locked belongs to a live
    /// kgexport even when its PID means nothing here (another PID namespace, a container).
    @Test func theSweepLeavesLockedFiles() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let dead = try Self.endedProcessID()
        let name = "\(AtomicFileSink.temporaryPrefix)\(dead)-\(Self.randomPart)-out.nt"
        try folder.write(name, "partial")
        let holder = open(folder.path + "/" + name, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path).isEmpty)
        #expect(try folder.names() == [name])
    }
}

/// A fresh folder under /tmp for one test, removed with everything in it.
struct SinkScratch {
    let path: String

    init() throws {
        var template = Array("/tmp/kgexport-sink-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(cString: result)
        }
        path = try #require(made)
    }

    func write(_ name: String, _ text: String, mode: mode_t = 0o644) throws {
        let descriptor = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, mode)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        #expect(written == text.utf8.count)
        fchmod(descriptor, mode)
    }

    func read(_ name: String) -> String? {
        TestFiles.read(path + "/" + name)
    }

    /// `S_IFREG`, `S_IFLNK`, … of the entry itself (links not followed); nil when missing.
    func kind(_ name: String) -> mode_t? {
        var status = stat()
        guard lstat(path + "/" + name, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The file's status, following links.
    func status(_ name: String) -> stat? {
        var status = stat()
        return stat(path + "/" + name, &status) == 0 ? status : nil
    }

    /// Every entry's name, sorted.
    func names(_ subfolder: String = "") throws -> [String] {
        let directory = try #require(opendir(subfolder.isEmpty ? path : path + "/" + subfolder))
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    func remove() {
        _ = Self.removeTree(path)
    }

    private static func removeTree(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return true }
        if status.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) {
            var children: [String] = []
            while let entry = readdir(directory) {
                let name = entryName(entry)
                if name != "." && name != ".." { children.append(path + "/" + name) }
            }
            closedir(directory)
            for child in children { _ = removeTree(child) }
            return rmdir(path) == 0
        }
        return unlink(path) == 0
    }
}

/// A directory entry's name, read in place (the record can be shorter than `d_name`).
func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
        field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
            String(cString: $0)
        }
    }
}

/// The process's umask, read from /proc without changing it (other tests run at the same time).
func currentUmask() -> mode_t? {
    guard let status = TestFiles.read("/proc/self/status"),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }) else { return nil }
    return mode_t(line.dropFirst("Umask:".count).trimmingPrefix { $0 == " " || $0 == "\t" }, radix: 8)
}
