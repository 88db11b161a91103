/// A problem found in an input or a graph: what is wrong, where, and how bad.
///
/// Readers throw a `Diagnostic` (or a ``DiagnosticList``) for syntax errors; the validator
/// returns a list of them. The ``description`` is `FILE:LINE:COL: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// A short, stable identifier of the kind of problem (e.g. `unknown-class`), for tests and tools.
    public var code: String
    /// What is wrong, as a sentence without a trailing period.
    public var message: String
    /// Where in the input, when the problem has a position.
    public var location: SourceLocation?
    /// What the problem concerns when it has no position: a node, a property, a triple.
    public var subject: String?

    public init(_ severity: Severity = .error, code: String, message: String,
                location: SourceLocation? = nil, subject: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.subject = subject
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if location == nil, let subject { text += "\(subject): " }
        text += message
        return text
    }
}

/// Several diagnostics thrown together (a validator reports all problems, not only the first).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
