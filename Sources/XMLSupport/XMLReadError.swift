public import KnowledgeGraph

/// An error libxml2 reported while reading XML, with its position.
public struct XMLReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as a ``Diagnostic`` with code `xml-syntax`.
    public var diagnostic: Diagnostic {
        Diagnostic(code: "xml-syntax", message: message,
                   location: SourceLocation(file: file, line: max(line, 1), column: max(column, 1)))
    }

    public var description: String { "\(file):\(max(line, 1)):\(max(column, 1)): error: \(message)" }
}
