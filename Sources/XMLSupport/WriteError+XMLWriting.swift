public import KnowledgeGraph

extension WriteError {
    /// What an XML-writing serializer reports when writing `output` (such as "GraphML output")
    /// failed with `error`: a ``WriteError`` as it is, a sink's ``OutputError`` as an output
    /// error, and libxml2's refusal (``XMLWriteError``) or anything else as an output error
    /// about `output`.
    public static func xmlWriting(_ error: any Error, output: String) -> WriteError {
        switch error {
        case let error as WriteError: return error
        case let error as OutputError: return .output(error)
        case let error as XMLWriteError: return .output(OutputError(path: output, reason: "libxml2 could not write: \(error.message)"))
        default: return .output(OutputError(path: output, reason: "\(error)"))
        }
    }
}
