import Foundation
import GraphSynthesis
import KnowledgeGraph
import RDFFormats
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Writes survive `kill -9`: a conversion killed in the middle of writing leaves the previous
/// output as it was, and the next run removes the temporary file the killed one left behind.
@Suite(.serialized) struct CrashSafeWriteTests {
    static let previous = Data("previous output, written by an earlier run\n".utf8)

    /// A synthetic news graph as N-Triples (streamed, unsorted), large enough that writing it as
    /// RDF/XML takes a while: 3 000 nodes make about 27 000 triples, whose RDF/XML the debug build
    /// writes in roughly 0.3 s — hundreds of times the polling interval below.
    static func writeLargeInput(to path: String, nodes: Int) throws {
        var text = ""
        SyntheticNewsGraph(nodes: nodes, seed: 42).generate { (triple: Triple) throws(Never) in
            text += NTriplesSyntax.statement(triple)
            text += "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func temporaries(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(AtomicFileSink.temporaryPrefix) }.sorted()
    }

    static func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    @Test func killedMidWriteLeavesThePreviousFileAndTheNextRunCleansUp() throws {
        let kgexport = try #require(CommandRunner.executable, "the kgexport binary was not found; build it first")
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try Self.writeLargeInput(to: folder.path + "/big.nt", nodes: 3_000)
        try Self.previous.write(to: URL(fileURLWithPath: folder.path + "/out.rdf"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: kgexport)
        process.arguments = ["convert", "big.nt", "out.rdf"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // .kgexport-tmp-<pid>-<random>-out.rdf
        let ownPrefix = AtomicFileSink.temporaryPrefix + "\(pid)-"

        // Wait until the RDF/XML is being written (the temporary file has bytes), then kill.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(120)
        var sizeAtKill = -1
        var temporaryName = ""
        while process.isRunning && clock.now < deadline {
            temporaryName = (try? Self.temporaries(in: folder.path).first { $0.hasPrefix(ownPrefix) }) ?? ""
            let size = temporaryName.isEmpty ? -1 : Self.size(folder.path + "/" + temporaryName)
            if size > 0 {
                kill(pid, SIGKILL)
                sizeAtKill = size
                break
            }
            usleep(500)
        }
        process.waitUntilExit()
        #expect(sizeAtKill > 0, "the conversion ended before it could be killed mid-write")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        // The earlier output is intact; the killed process could not remove its temporary file.
        #expect(FileManager.default.contents(atPath: folder.path + "/out.rdf") == Self.previous)
        #expect(try Self.temporaries(in: folder.path) == [temporaryName])
        #expect(temporaryName.hasSuffix("-out.rdf"))

        // The next successful run into the same folder removes it.
        try folder.write("small.nt", "<http://example.org/s> <http://example.org/p> \"x\" .\n")
        let next = try CommandRunner.run(["convert", "small.nt", "out.rdf"], in: folder.path)
        #expect(next.status == 0, "\(next.standardError)")
        #expect(try Self.temporaries(in: folder.path).isEmpty)
        let written = String(decoding: FileManager.default.contents(atPath: folder.path + "/out.rdf") ?? Data(), as: UTF8.self)
        #expect(written.contains("<ns1:p>x</ns1:p>"))
    }

    /// `export --out DIR` removes what dead processes left in DIR and keeps files of live ones.
    @Test func exportRemovesOnlyTheTemporariesOfDeadProcesses() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let exports = folder.path + "/Exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        // A process that has ended: its PID is free (until the system reuses it).
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = AtomicFileSink.temporaryPrefix + "\(ended.processIdentifier)-Ab3dEf6hIj9L-test-set.rdf"
        let live = AtomicFileSink.temporaryPrefix + "\(getpid())-Ab3dEf6hIj9L-test-set.nt"
        let unrelated = AtomicFileSink.temporaryPrefix + "notapid-x.rdf"
        for name in [dead, live, unrelated] { try Data("partial".utf8).write(to: URL(fileURLWithPath: exports + "/" + name)) }

        let fixtures = CommandRunner.packageRoot + "/Tests/DatasetKitTests/Fixtures"
        let result = try CommandRunner.run(["export", fixtures + "/valid.yaml", "--ontology", fixtures + "/test-ontology.nt",
                                            "--out", "Exports"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.temporaries(in: exports) == [live, unrelated].sorted())
        #expect(FileManager.default.fileExists(atPath: exports + "/test-set.rdf"))
    }

    @Test func removeStaleTemporariesReportsWhatItRemoved() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = AtomicFileSink.temporaryPrefix + "\(ended.processIdentifier)-Ab3dEf6hIj9L-a.nt"
        let own = AtomicFileSink.temporaryPrefix + "\(getpid())-Ab3dEf6hIj9L-b.nt"
        try folder.write(dead, "x")
        try folder.write(own, "y")
        try folder.write("kept.nt", "z")
        #expect(AtomicFileSink.removeStaleTemporaries(in: folder.path) == [dead])
        #expect(try folder.contents() == [own, "kept.nt"].sorted())
    }
}
