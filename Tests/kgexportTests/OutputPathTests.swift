import Foundation
import KnowledgeGraph
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `convert` and `export` do with the output path, run through the binary: long names,
/// links, FIFOs and devices, folders, modes and owners, closed standard streams, inputs that
/// look like temporary files, and exports that cannot be completed.
@Suite struct OutputPathTests {
    static let triple = "<http://example.org/s> <http://example.org/p> \"x\" .\n"
    static let previous = Data("previous output, to be left alone\n".utf8)

    /// `sh -c SCRIPT` in `folder`, with `$KG` the binary; standard output and error are files.
    static func shell(_ script: String, in folder: String) throws -> CommandRunner.Result {
        let kgexport = try #require(CommandRunner.executable, "the kgexport binary was not found; build it first")
        return try CommandRunner.runProgram("/bin/sh", ["-c", script], in: folder, environment: ["KG": kgexport])
    }

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    static func kind(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    // MARK: - 1. The temporary file

    /// An output name of up to 255 bytes can be written (its temporary file's name fits too).
    @Test(arguments: [236, 250, 255])
    func longOutputNamesCanBeWritten(length: Int) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        let name = String(repeating: "n", count: length - 3) + ".nt"
        let result = try CommandRunner.run(["convert", "in.nt", name], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(folder.read(name) == Data(Self.triple.utf8))
        #expect(try folder.contents() == ["in.nt", name].sorted())
    }

    // MARK: - 2. Links

    @Test func anOutputLinkIsWrittenThroughAndKept() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try folder.write("data/graph.nt", "old\n")
        #expect(symlink("data/graph.nt", folder.path + "/out.nt") == 0)
        let result = try CommandRunner.run(["convert", "in.nt", "out.nt"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.kind(folder.path + "/out.nt") == S_IFLNK)
        #expect(folder.read("data/graph.nt") == Data(Self.triple.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/data") == ["graph.nt"])
    }

    // MARK: - 3. Special files and folders

    /// A FIFO is written into as a stream, and stays a FIFO.
    @Test func aFIFOIsWrittenAsAStream() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        #expect(mkfifo(folder.path + "/pipe.nt", 0o644) == 0)
        // The reader: cat copies what arrives into a file.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "exec cat pipe.nt > received.nt"]
        reader.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try reader.run()
        let result = try CommandRunner.run(["convert", "in.nt", "pipe.nt"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.kind(folder.path + "/pipe.nt") == S_IFIFO)
        // A reader left waiting (the FIFO was replaced, not written) is stopped.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while reader.isRunning && clock.now < deadline { usleep(1_000) }
        if reader.isRunning { kill(reader.processIdentifier, SIGKILL) }
        reader.waitUntilExit()
        #expect(folder.read("received.nt") == Data(Self.triple.utf8))
        #expect(try folder.contents() == ["in.nt", "pipe.nt", "received.nt"])
    }

    /// A character device stays one (as root a rename would replace it): a private copy of
    /// /dev/null, so that a failure cannot damage the system's.
    @Test(.enabled(if: geteuid() == 0, "needs root to make a device node"))
    func aCharacterDeviceIsWrittenInPlace() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        var system = stat()
        try #require(stat("/dev/null", &system) == 0)
        #expect(mknod(folder.path + "/null", S_IFCHR | 0o666, system.st_rdev) == 0)
        let result = try CommandRunner.run(["convert", "in.nt", "null", "--to", "ntriples"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.kind(folder.path + "/null") == S_IFCHR)
        #expect(try folder.contents() == ["in.nt", "null"])
    }

    /// `/dev/fd/1` and `/proc/self/fd/1` are standard output, written as `-` is.
    @Test(arguments: ["/dev/fd/1", "/proc/self/fd/1"])
    func descriptorPathsAreStreams(path: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        let result = try CommandRunner.run(["convert", "in.nt", path, "--to", "ntriples"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output == Self.triple)
        #expect(try folder.contents() == ["in.nt"])
    }

    // MARK: - 4. Mode and owner

    @Test func aPrivateFileStaysPrivate() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        try folder.write("out.nt", "old\n")
        #expect(chmod(folder.path + "/out.nt", 0o600) == 0)
        let result = try CommandRunner.run(["convert", "in.nt", "out.nt"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(folder.read("out.nt") == Data(Self.triple.utf8))
        #expect(Self.mode(folder.path + "/out.nt") == 0o600)
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give the file away"))
    func theOwnerIsKeptWhenRoot() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        try folder.write("out.nt", "old\n")
        #expect(chown(folder.path + "/out.nt", 65534, 65534) == 0)
        let result = try CommandRunner.run(["convert", "in.nt", "out.nt"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        var status = stat()
        #expect(stat(folder.path + "/out.nt", &status) == 0 && status.st_uid == 65534 && status.st_gid == 65534)
    }

    /// A new file's mode comes from the umask, as for any program that creates files.
    @Test(arguments: ["002", "022", "077"])
    func aNewFileGetsTheUmaskMode(umask: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.triple)
        let result = try Self.shell("umask \(umask); exec \"$KG\" convert in.nt out.nt", in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.mode(folder.path + "/out.nt") == 0o666 & ~(mode_t(umask, radix: 8) ?? 0))
    }

    // MARK: - 5. Closed standard streams

    /// With standard error closed, warnings and timings go nowhere, never into the output.
    @Test(arguments: ["2>&-", "2>&- 1>&-", "0<&- 1>&- 2>&-"])
    func closedStandardStreamsDoNotLandInTheOutput(closing: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/n> \"12345678901234567890123\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
        let result = try Self.shell("exec \"$KG\" convert --timings in.nt out.graphml \(closing)", in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        let written = String(decoding: folder.read("out.graphml") ?? Data(), as: UTF8.self)
        #expect(written.hasPrefix("<?xml"))
        #expect(!written.contains("warning:") && !written.contains("read="), "\(written)")
        #expect(written.hasSuffix("</graphml>\n"))
    }

    // MARK: - 6. The stale-file sweep

    /// An input named like a temporary file of a process that has ended is read, not removed.
    @Test(arguments: [[], ["--streaming"]])
    func anInputNamedLikeAStaleTemporaryFileIsKept(extra: [String]) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let input = AtomicFileSink.temporaryPrefix + "\(ended.processIdentifier)-Ab3dEf6hIj9L-in.nt"
        try folder.write(input, Self.triple)
        let result = try CommandRunner.run(["convert"] + extra + [input, "out.rdf"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(folder.read(input) == Data(Self.triple.utf8))
        #expect(folder.exists("out.rdf"))
    }

    // MARK: - 7. export, all or none

    /// One of the files export writes is a folder: nothing is written, and the message says why.
    @Test func anExportTargetThatIsAFolderStopsTheWholeExport() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let fixtures = CommandRunner.packageRoot + "/Tests/DatasetKitTests/Fixtures"
        let out = folder.path + "/out"
        // The ontology's Turtle is written last.
        try FileManager.default.createDirectory(atPath: out + "/test-ontology.ttl", withIntermediateDirectories: true)
        try Self.previous.write(to: URL(fileURLWithPath: out + "/test-set.rdf"))
        let result = try CommandRunner.run(["export", fixtures + "/valid.yaml", "--ontology", fixtures + "/test-ontology.nt",
                                            "--out", "out"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("out/test-ontology.ttl: error: is a folder, not a file"), "\(result.standardError)")
        #expect(result.standardError.contains("nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["test-ontology.ttl", "test-set.rdf"])
        #expect(FileManager.default.contents(atPath: out + "/test-set.rdf") == Self.previous)
    }
}
