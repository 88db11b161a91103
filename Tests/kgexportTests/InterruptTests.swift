import Foundation
import KnowledgeGraph
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM in the middle of a run: the temporary files go, a Graphviz child is
/// stopped and its folder removed, the previous output stays, and the exit status is the
/// conventional 128 + the signal's number.
@Suite(.serialized) struct InterruptTests {
    static let previous = Data("previous output, written by an earlier run\n".utf8)

    /// Starts `kgexport arguments…` in `folder`, its output and messages thrown away.
    static func start(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Process {
        let kgexport = try #require(CommandRunner.executable, "the kgexport binary was not found; build it first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kgexport)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `condition` holds or `process` ends (false then), for at most two minutes.
    static func wait(for process: Process, until condition: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(120)
        while process.isRunning && clock.now < deadline {
            if condition() { return true }
            usleep(500)
        }
        return false
    }

    /// Waits for `process` to end, killing it after `seconds`.
    static func finish(_ process: Process, within seconds: Int = 30) {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        while process.isRunning && clock.now < deadline { usleep(1_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The temporary files of process `pid` in `folder`.
    static func temporaries(of pid: pid_t, in folder: String) -> [String] {
        let prefix = AtomicFileSink.temporaryPrefix + "\(pid)-"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    static func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    /// Whether `pid` is a process that has not ended (a zombie has ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return false }
        let state = text[text.index(after: close)...].drop { $0 == " " }.first
        return state != nil && state != "Z" && state != "X"
    }

    /// A signal while the output is being written: no temporary file left, the previous
    /// output unchanged, and exit status 128 + the signal.
    @Test(arguments: [(SIGTERM, [String]()), (SIGINT, []), (SIGTERM, ["--streaming"]),
                      (SIGTERM, ["--streaming", "--to", "graphml"])])
    func aSignalMidWriteLeavesThePreviousOutput(signal: Int32, extra: [String]) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let synth = try CommandRunner.run(["synth", "--nodes", "20000", "big.nt"], in: folder.path)
        try #require(synth.status == 0, "\(synth.standardError)")
        try Self.previous.write(to: URL(fileURLWithPath: folder.path + "/out.rdf"))
        let process = try Self.start(["convert", "big.nt", "out.rdf"] + extra, in: folder.path)
        let pid = process.processIdentifier
        defer { Self.finish(process) }
        // Wait until the output is being written (streaming: its temporary file exists, and a
        // moment more so that the passes and the sort are under way).
        let started = Self.wait(for: process) {
            guard let name = Self.temporaries(of: pid, in: folder.path).first else { return false }
            return extra.isEmpty ? Self.size(folder.path + "/" + name) > 0 : true
        }
        #expect(started, "the conversion ended before it could be interrupted")
        if !extra.isEmpty { usleep(200_000) }
        kill(pid, signal)
        Self.finish(process)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal,
                "ended by \(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus)")
        #expect(try folder.contents() == ["big.nt", "out.rdf"])
        #expect(FileManager.default.contents(atPath: folder.path + "/out.rdf") == Self.previous)
    }

    /// A signal while Graphviz draws: the child and everything it started are stopped, its
    /// temporary folder is removed, and the previous picture stays.
    @Test func aSignalWhileGraphvizDrawsStopsItAndRemovesItsFolder() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n")
        try Self.previous.write(to: URL(fileURLWithPath: folder.path + "/out.svg"))
        let files = FileManager.default
        try files.createDirectory(atPath: folder.path + "/bin", withIntermediateDirectories: true)
        try files.createDirectory(atPath: folder.path + "/tmp", withIntermediateDirectories: true)
        // A Graphviz that never finishes, and says which processes it is.
        try folder.write("bin/dot", "#!/bin/sh\necho $$ > \"$GRAPHVIZ_PIDS.part\"\nsleep 60 &\necho $! >> \"$GRAPHVIZ_PIDS.part\"\n"
                         + "mv \"$GRAPHVIZ_PIDS.part\" \"$GRAPHVIZ_PIDS\"\nwait\n")
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/bin/dot")
        let pidsFile = folder.path + "/graphviz.pids"
        let process = try Self.start(["convert", "in.nt", "out.svg"], in: folder.path,
                                     environment: ["PATH": folder.path + "/bin:/usr/bin:/bin", "TMPDIR": folder.path + "/tmp",
                                                   "GRAPHVIZ_PIDS": pidsFile])
        defer { Self.finish(process) }
        let started = Self.wait(for: process) { files.fileExists(atPath: pidsFile) }
        #expect(started, "Graphviz did not start")
        let children = (try? String(contentsOfFile: pidsFile, encoding: .utf8))?
            .split(separator: "\n").compactMap { pid_t($0) } ?? []
        defer { for child in children { kill(child, SIGKILL) } }
        #expect(children.count == 2)
        kill(process.processIdentifier, SIGTERM)
        Self.finish(process)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGTERM)
        // SIGKILL is delivered at once, but give the system a moment to end them.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while children.contains(where: Self.isRunning) && clock.now < deadline { usleep(10_000) }
        #expect(!children.contains(where: Self.isRunning), "Graphviz is still running")
        #expect(try files.contentsOfDirectory(atPath: folder.path + "/tmp").isEmpty)
        #expect(try folder.contents() == ["bin", "graphviz.pids", "in.nt", "out.svg", "tmp"])
        #expect(files.contents(atPath: folder.path + "/out.svg") == Self.previous)
    }
}
