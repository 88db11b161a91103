public import KnowledgeGraph

/// Why a streaming conversion stopped: the input is malformed, or the output cannot be written.
public enum StreamingError: Error, Sendable, CustomStringConvertible {
    /// The input could not be read or is malformed (with its position).
    case input(Diagnostic)
    /// The target format cannot express a triple, or the destination failed.
    case write(WriteError)

    public var description: String {
        switch self {
        case .input(let diagnostic): return diagnostic.description
        case .write(let error): return error.description
        }
    }
}
