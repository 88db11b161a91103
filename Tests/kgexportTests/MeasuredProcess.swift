import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs a process with `posix_spawn`, so a test can assert how long it ran and how much memory
/// it used at most; a process that outlives its time limit is killed.
///
/// Peak memory is the process's own high-water mark (`VmHWM` in `/proc/PID/status`), read every
/// millisecond until it exits. (`wait4`'s `ru_maxrss` cannot be used: glibc spawns with a
/// vfork-style clone, and Linux carries the parent's — the test runner's — peak into the child
/// at `exec`.)
struct MeasuredProcess {
    struct Outcome {
        /// The exit status, or nil when the process was killed by a signal.
        var status: Int32?
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var standardError: String
        var standardOutput: String
        var elapsed: Duration
        /// Peak resident memory of the command, in bytes (0 when it ended before the first reading).
        var peakMemory: Int
        /// Whether the time limit ran out and the test killed the process.
        var timedOut: Bool
    }

    /// Where standard input comes from.
    enum Input {
        case nothing
        case file(String)
        /// A pipe the test writes `prefix` then `chunk` into, again and again, never closing it.
        case endless(prefix: [UInt8], chunk: [UInt8])
    }

    /// Runs `executable arguments…` in `folder`.
    static func run(_ executable: String, _ arguments: [String], in folder: String, input: Input = .nothing,
                    timeLimit: Duration = .seconds(120)) throws -> Outcome {
        // A write into a pipe whose reader has gone must fail with EPIPE, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let streams = folder + "/.streams-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: streams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: streams) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        switch input {
        case .nothing:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .endless:
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EIO) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        }
        posix_spawn_file_actions_addopen(&actions, 1, streams + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, streams + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The shell changes folder and replaces itself with the command, so wait4 measures the command.
        let program = executable.hasPrefix("/") ? executable : FileManager.default.currentDirectoryPath + "/" + executable
        let command = ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", folder, program] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        if case .endless(let prefix, let chunk) = input {
            close(pipeEnds[0])
            let writeEnd = pipeEnds[1]
            let writer = Thread {
                // Writes until the reader goes away (EPIPE), then closes its end.
                var pending = prefix
                while true {
                    let written = pending.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                    if written < 0 {
                        if errno == EINTR { continue }
                        break
                    }
                    pending = written < pending.count ? Array(pending[written...]) : chunk
                }
                close(writeEnd)
            }
            writer.start()
        }
        var status: Int32 = 0
        var timedOut = false
        var peak = 0
        while true {
            // Read before reaping: once reaped, the process and its figures are gone.
            peak = max(peak, highWaterMark(of: pid))
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if clock.now - start > timeLimit && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(1_000)
        }
        let elapsed = clock.now - start
        let termination = status & 0x7F
        return Outcome(status: termination == 0 ? (status >> 8) & 0xFF : nil,
                       signal: termination == 0 ? nil : termination,
                       standardError: (try? String(contentsOfFile: streams + "/stderr", encoding: .utf8)) ?? "",
                       standardOutput: (try? String(contentsOfFile: streams + "/stdout", encoding: .utf8)) ?? "",
                       elapsed: elapsed, peakMemory: peak, timedOut: timedOut)
    }

    /// `VmHWM` of a running process, in bytes; 0 when it cannot be read (the process has ended).
    static func highWaterMark(of pid: pid_t) -> Int {
        // /proc files report a size of 0, so read them with read(2) rather than Foundation.
        let descriptor = open("/proc/\(pid)/status", O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        let status = String(decoding: bytes, as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) } ?? 0
        return kilobytes * 1024
    }
}

/// A TCP port on the loopback interface that records whether anyone connected to it, to prove
/// that a parser made no network access.
final class ListeningSocket {
    let port: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(descriptor) }

    /// Whether a connection is waiting (someone connected since the socket was opened).
    var wasContacted: Bool {
        let connection = accept(descriptor, nil, nil)
        if connection >= 0 {
            close(connection)
            return true
        }
        return false
    }
}
