#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What this process must undo when SIGINT, SIGTERM or SIGHUP ends it: temporary files and
/// folders to remove, child process groups to stop.
///
/// ``AtomicFileSink``, the streaming sort and the Graphviz renderer register what they create
/// with ``shared``; once the executable has called ``install()``, a signal removes it all, stops
/// the children, and ends the process with status 128 + the signal's number (130 for SIGINT,
/// 143 for SIGTERM). The output being replaced is never touched, so it stays as it was.
///
/// No code runs in a signal handler: ``install()`` blocks the signals in every thread and one
/// thread waits for them (`sigwait`), so the cleanup is ordinary code, under the same lock that
/// guards the registry. Work that a signal must not cut in two — creating a temporary file and
/// registering it, renaming a group of files into place — runs inside
/// ``deferringCleanup(_:)``, and the cleanup waits for it.
public final class InterruptCleanup: @unchecked Sendable {
    // @unchecked Sendable: `items`, `nextID` and `handledSignals` are only touched with `lock`
    // held, and `lock` itself is set up once in `init`.

    /// The registry ``install()`` wires to the signals.
    public static let shared = InterruptCleanup()

    /// Something registered, to be unregistered once it is gone.
    public struct Registration: Hashable, Sendable {
        fileprivate let id: Int
    }

    private enum Item {
        case file(String)
        case folder(String)
        case processGroup(pid_t)
    }

    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var items: [Int: Item] = [:]
    private var nextID = 0
    private var handledSignals: [Int32] = []

    /// A registry of its own (tests); only ``shared`` is wired to the signals.
    init() {
        lock = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        // Recursive: code inside deferringCleanup registers and unregisters.
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(lock, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with the cleanup held off: a signal arriving meanwhile is acted on when
    /// `body` has returned, so that what `body` creates is registered by then, and what it
    /// renames is either all in place or all put back.
    public func deferringCleanup<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return try body()
    }

    /// Registers a temporary file to remove.
    public func register(temporaryFile path: String) -> Registration {
        add(.file(path))
    }

    /// Registers a temporary folder to remove, with the files in it (it must hold no folders).
    public func register(temporaryFolder path: String) -> Registration {
        add(.folder(path))
    }

    /// Registers a child that leads its own process group (its PID), to stop with everything
    /// it started.
    public func register(processGroup leader: Int32) -> Registration {
        add(.processGroup(leader))
    }

    /// Forgets a registration: the file was renamed or removed, the child has ended.
    public func unregister(_ registration: Registration) {
        deferringCleanup { _ = items.removeValue(forKey: registration.id) }
    }

    /// The temporary files registered now (for tests).
    var registeredFiles: Set<String> {
        deferringCleanup {
            Set(items.values.compactMap { item in
                if case .file(let path) = item { return path }
                return nil
            })
        }
    }

    private func add(_ item: Item) -> Registration {
        deferringCleanup {
            nextID += 1
            items[nextID] = item
            return Registration(id: nextID)
        }
    }

    /// Stops every registered process group (`SIGKILL`, then waits for its leader), removes
    /// every registered file and folder, and forgets them all.
    public func cleanUp() {
        deferringCleanup {
            for case .processGroup(let leader) in items.values { kill(-leader, SIGKILL) }
            for case .processGroup(let leader) in items.values {
                var status: Int32 = 0
                while waitpid(leader, &status, 0) < 0 && errno == EINTR {}
            }
            for case .file(let path) in items.values { unlink(path) }
            for case .folder(let path) in items.values { Self.removeFolder(path) }
            items.removeAll()
        }
    }

    /// Removes the files in `path`, then the folder (which must hold no folders).
    package static func removeFolder(_ path: String) {
        guard let directory = opendir(path) else { return }
        while let entry = readdir(directory) {
            // Read the name in place: a dirent record can be shorter than the declared d_name.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(directory)
        rmdir(path)
    }

    /// The signals ``install()`` takes over.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Takes over SIGINT, SIGTERM and SIGHUP for ``shared``: on any of them the registered
    /// children are stopped, the registered files and folders removed, and the process exits
    /// with status 128 + the signal's number. A signal ignored when the process started (as
    /// `nohup` ignores SIGHUP, or a shell SIGINT for a background job) stays ignored.
    ///
    /// Call once, first thing, before any other thread exists: the signals are blocked in the
    /// calling thread, which every later thread inherits, and one thread waits for them.
    /// Children should start with an empty signal mask (`POSIX_SPAWN_SETSIGMASK`). Should no
    /// thread be started, the signals are unblocked again and keep their default action.
    public static func install() {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        let taken = signals.filter { !isIgnored($0) }
        for signal in taken { sigaddset(&blocked, signal) }
        shared.deferringCleanup { shared.handledSignals = taken }
        guard !taken.isEmpty else { return }
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            InterruptCleanup.waitForSignals()
        }, nil)
        if started == 0 {
            pthread_detach(thread)
        } else {
            pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
        }
    }

    /// Whether `signal`'s action is `SIG_IGN`.
    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else { return false }
        // SIG_IGN is the handler whose address is 1.
        return unsafeBitCast(handler, to: Int.self) == 1
    }

    /// The signal thread: waits, cleans up, and ends the process holding the lock, so that
    /// nothing new is created after the cleanup.
    private static func waitForSignals() -> Never {
        var awaited = sigset_t()
        sigemptyset(&awaited)
        for signal in shared.deferringCleanup({ shared.handledSignals }) { sigaddset(&awaited, signal) }
        var received: Int32 = 0
        while sigwait(&awaited, &received) != 0 {}
        pthread_mutex_lock(shared.lock)
        shared.cleanUp()
        _exit(128 + received)
    }
}
