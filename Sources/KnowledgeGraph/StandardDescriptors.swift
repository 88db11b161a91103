#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Descriptors 0, 1 and 2: standard input, output and error.
public enum StandardDescriptors {
    /// Opens `/dev/null` on each of descriptors 0, 1 and 2 that is closed (`2>&-`).
    ///
    /// `open` returns the lowest free number, so with descriptor 2 closed the first file opened
    /// — an output's temporary file — would become standard error, and warnings would be written
    /// into the output. Call this first, before anything opens a file.
    /// - Returns: false when a closed descriptor could not be filled (no `/dev/null`); writing
    ///   any file is then unsafe.
    public static func ensureOpen() -> Bool {
        for descriptor: Int32 in 0...2 {
            guard fcntl(descriptor, F_GETFD) < 0 && errno == EBADF else { continue }
            // No O_CLOEXEC: children (Graphviz) should find it open too.
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            guard opened >= 0 else { return false }
            if opened != descriptor {
                // Only if a lower descriptor was closed meanwhile; put it where it belongs.
                guard dup2(opened, descriptor) == descriptor else { return false }
                close(opened)
            }
        }
        return true
    }
}
