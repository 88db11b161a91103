import KnowledgeGraph
#if canImport(Glibc)
import Glibc
#endif

/// Runs Graphviz on a DOT document, always under a time limit, and returns what it drew.
///
/// The DOT goes to a temporary file and Graphviz writes its output to another (no pipes, so
/// nothing can block); a run that outlives the limit is killed. A missing Graphviz is a clear
/// error, never an empty picture.
struct GraphvizRenderer {
    /// The layout program: `dot` (layered, readable) for graphs up to ``largeGraphNodeCount``
    /// nodes, `sfdp` (force-directed, scales) above.
    var layout: String
    /// The output format Graphviz writes (`svg`).
    var outputFormat: String = "svg"
    /// Seconds before Graphviz is stopped.
    var timeLimit: Double
    /// The program to run; nil means `layout` looked up on `PATH`.
    var executable: String?

    /// Graphs with more nodes than this are laid out with `sfdp`.
    static let largeGraphNodeCount = 300
    /// The default time limit, in seconds.
    static let defaultTimeLimit = GraphFormat.WriteOptions.defaultRenderTimeLimit

    /// The layout suited to a graph of `nodeCount` nodes.
    static func layout(forNodeCount nodeCount: Int) -> String {
        nodeCount > largeGraphNodeCount ? "sfdp" : "dot"
    }

    /// Renders `dot` (a DOT document).
    /// - Throws: ``OutputError`` (path `Graphviz`) when Graphviz is missing, fails, or runs out of time.
    func render(_ dot: [UInt8]) throws(OutputError) -> [UInt8] {
        guard let program = executable ?? Self.find(layout) else {
            throw failure("Graphviz is not installed: '\(layout)' was not found on PATH "
                          + "(install the graphviz package, e.g. apt-get install graphviz)")
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = folder.path + "/graph.dot", output = folder.path + "/graph." + outputFormat
        let messages = folder.path + "/messages.txt"
        try write(dot, to: input)
        let arguments = [program, "-T" + outputFormat, "-o", output, input]
            + (layout == "sfdp" ? ["-Goverlap=prism", "-Gsplines=false"] : [])
        let status = try run(program, arguments, messages: messages)
        let said = Self.read(messages).map { String(decoding: $0, as: UTF8.self) } ?? ""
        switch status {
        case .timedOut:
            throw failure("Graphviz ('\(layout)') did not finish within \(Self.seconds(timeLimit)) and was stopped")
        case .exited(let code) where code != 0:
            throw failure("Graphviz ('\(layout)') failed with status \(code)" + (said.isEmpty ? "" : ": " + Self.firstLines(said)))
        case .signalled(let signal):
            throw failure("Graphviz ('\(layout)') was killed by signal \(signal)")
        case .exited:
            guard let bytes = Self.read(output), !bytes.isEmpty else {
                throw failure("Graphviz ('\(layout)') wrote no \(outputFormat.uppercased())")
            }
            return bytes
        }
    }

    private enum Status {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// Starts `program` with standard output and error going to `messages`, and waits for it
    /// until ``timeLimit``.
    private func run(_ program: String, _ arguments: [String], messages: String) throws(OutputError) -> Status {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, messages, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Its own process group, so that a timeout or a signal stops everything it started,
        // too; no signal blocked, whatever this process blocks (InterruptCleanup blocks some).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var pid: pid_t = 0
        let cleanup = InterruptCleanup.shared
        // Started and registered with a signal's cleanup held off: a signal stops it.
        let (started, registration) = cleanup.deferringCleanup {
            let started = posix_spawn(&pid, program, &actions, &attributes, &argv, environ)
            return (started, started == 0 ? cleanup.register(processGroup: pid) : nil)
        }
        guard started == 0, let registration else {
            throw failure("cannot start Graphviz ('\(program)'): \(String(cString: strerror(started)))")
        }
        let deadline = Self.now() + timeLimit
        var status: Int32 = 0
        while true {
            // Reaped and unregistered together, so that a signal never kills a reused PID.
            let waited = cleanup.deferringCleanup {
                let waited = waitpid(pid, &status, WNOHANG)
                if waited == pid { cleanup.unregister(registration) }
                return waited
            }
            if waited == pid { break }
            if waited < 0 && errno != EINTR {
                throw failure("lost track of Graphviz: \(String(cString: strerror(errno)))")
            }
            if Self.now() >= deadline {
                cleanup.deferringCleanup {
                    kill(-pid, SIGKILL)
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    cleanup.unregister(registration)
                }
                return .timedOut
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
        // The wait-status macros are not imported into Swift: exit code in bits 8-15, signal in 0-6.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    private func failure(_ reason: String) -> OutputError {
        OutputError(path: "Graphviz", reason: reason)
    }

    private func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let sink = try AtomicFileSink(path: path)
        var failed: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try sink.write(raw) } catch { failed = error }
        }
        if let failed { throw failed }
        try sink.commit()
    }

    static func read(_ path: String) -> [UInt8]? {
        try? InputFile.read(path)
    }

    /// The first path on `PATH` where `name` is an executable file.
    static func find(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func firstLines(_ text: String) -> String {
        text.split(separator: "\n").prefix(5).joined(separator: "; ")
    }
}

/// A private folder under `$TMPDIR` (or /tmp), removed with its files by ``remove()``, or by
/// `InterruptCleanup` when a signal ends the process first.
struct TemporaryFolder {
    let path: String
    private let registration: InterruptCleanup.Registration

    init() throws(OutputError) {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/kgexport-graphviz-XXXXXX").utf8CString)
        let cleanup = InterruptCleanup.shared
        let made = cleanup.deferringCleanup { () -> (String, InterruptCleanup.Registration)? in
            let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
            guard created != nil else { return nil }
            let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return (path, cleanup.register(temporaryFolder: path))
        }
        guard let (path, registration) = made else {
            throw OutputError(path: base, reason: "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.registration = registration
    }

    /// Removes the folder's files and the folder (it holds no sub-folders).
    func remove() {
        InterruptCleanup.shared.deferringCleanup {
            InterruptCleanup.removeFolder(path)
            InterruptCleanup.shared.unregister(registration)
        }
    }
}
