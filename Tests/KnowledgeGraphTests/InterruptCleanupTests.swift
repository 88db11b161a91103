@testable import KnowledgeGraph
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The registry a signal's cleanup works from (a registry of the test's own: the shared one
/// holds the sinks of tests running at the same time).
@Suite struct InterruptCleanupTests {
    @Test func cleanUpRemovesWhatIsRegisteredAndNothingElse() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let registry = InterruptCleanup()
        for name in ["temporary.nt", "renamed.nt", "output.nt"] { try folder.write(name, "x") }
        #expect(mkdir(folder.path + "/graphviz", 0o755) == 0)
        try folder.write("graphviz/graph.dot", "digraph {}")
        try folder.write("graphviz/graph.svg", "<svg/>")
        _ = registry.register(temporaryFile: folder.path + "/temporary.nt")
        _ = registry.register(temporaryFolder: folder.path + "/graphviz")
        let renamed = registry.register(temporaryFile: folder.path + "/renamed.nt")
        registry.unregister(renamed)
        registry.cleanUp()
        #expect(try folder.names() == ["output.nt", "renamed.nt"])
        // Forgotten once done.
        try folder.write("temporary.nt", "x")
        registry.cleanUp()
        #expect(folder.read("temporary.nt") == "x")
    }

    /// A registered child is stopped with its whole process group.
    @Test func cleanUpStopsRegisteredProcessGroups() throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("60"), nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        try #require(posix_spawn(&child, "/bin/sleep", nil, &attributes, &argv, environ) == 0)
        let registry = InterruptCleanup()
        _ = registry.register(processGroup: child)
        registry.cleanUp()
        // Stopped and reaped: no such process any more.
        #expect(kill(child, 0) != 0 && errno == ESRCH)
    }

    /// What ``AtomicFileSink`` creates is registered with the shared registry until it is
    /// renamed or removed.
    @Test func sinksRegisterTheirTemporaryFiles() throws {
        let folder = try SinkScratch()
        defer { folder.remove() }
        let committed = try AtomicFileSink(path: folder.path + "/a.nt")
        let discarded = try AtomicFileSink(path: folder.path + "/b.nt")
        #expect(InterruptCleanup.shared.registeredFiles.isSuperset(of: [committed.temporaryPath, discarded.temporaryPath]))
        try committed.commit()
        discarded.discard()
        #expect(InterruptCleanup.shared.registeredFiles.isDisjoint(with: [committed.temporaryPath, discarded.temporaryPath]))
    }
}
