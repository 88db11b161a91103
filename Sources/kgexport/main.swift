import ArgumentParser
import KnowledgeGraph
#if canImport(Glibc)
import Glibc
#endif

// Before anything opens a file: a closed standard descriptor would be taken by the output.
guard StandardDescriptors.ensureOpen() else { exit(2) }
// Before any thread exists: SIGINT, SIGTERM and SIGHUP remove temporary files, stop Graphviz
// and exit with 128 + the signal's number.
InterruptCleanup.install()

// Exit codes: 0 success, 1 bad input or an inexpressible graph, 2 usage error (130, 143, 129
// after SIGINT, SIGTERM, SIGHUP: see InterruptCleanup).
do {
    var command = try KGExport.parseAsRoot()
    do {
        try command.run()
    } catch let failure as CommandFailure {
        failure.report()
        exit(1)
    } catch {
        KGExport.exit(withError: error)
    }
} catch {
    let code = KGExport.exitCode(for: error)
    if code == .success {
        KGExport.exit(withError: error)
    }
    // Help and version requests exit 0 above; everything else here is a usage error.
    FileHandleOutput.standardError(KGExport.fullMessage(for: error))
    exit(2)
}
