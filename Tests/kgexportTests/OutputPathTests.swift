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

}
