/// Where a pipeline stage reports what it has to say besides its result: notes and warnings
/// (a GraphML key written as text, a label shortened), passed to the stage by its caller as
/// swift-openapi-generator passes its `DiagnosticCollector`.
///
/// Errors that stop a stage are thrown, not emitted; a collector receives what the user should
/// see while the stage goes on.
public protocol DiagnosticCollector: AnyObject {
    /// Receives one diagnostic, in the order the stage finds them.
    func emit(_ diagnostic: Diagnostic)
}

/// Keeps every diagnostic emitted to it, in order: for callers that show them later, and tests.
public final class DiagnosticCollection: DiagnosticCollector {
    /// What was emitted, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
