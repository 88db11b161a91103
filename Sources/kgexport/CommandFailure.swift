import KnowledgeGraph
#if canImport(Glibc)
import Glibc
#endif

/// A failure the user can act on: bad input, an inexpressible graph, an unwritable file.
/// Printed as diagnostics on standard error; the process exits with status 1.
struct CommandFailure: Error {
    var messages: [String]

    init(_ messages: [String]) {
        self.messages = messages
    }

    init(_ message: String) {
        self.messages = [message]
    }

    init(_ diagnostics: [Diagnostic]) {
        self.messages = diagnostics.map(\.description)
    }

    func report() {
        for message in messages { FileHandleOutput.standardError(message) }
    }
}

/// Minimal standard-error output without Foundation.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        standardErrorRaw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` as it is, without adding a line feed.
    static func standardErrorRaw(_ text: String) {
        var line = text
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
