public import KnowledgeGraph

/// One step of a streamed XML document, as ``XMLEventReader`` reports it.
///
/// Entity references are already expanded, CDATA sections are reported as text, adjacent
/// character data is merged into one ``text(_:at:)`` event, and line ends are normalised to LF
/// as XML requires. Text outside the document element is not reported; comments and processing
/// instructions are, wherever they are.
public enum XMLEvent: Sendable {
    case startElement(XMLStartTag)
    /// The end of the element named `name`; `location` is the `<` of its end tag (or of `<a/>`).
    case endElement(XMLName, at: SourceLocation)
    /// Character data; `location` is where it starts.
    case text(String, at: SourceLocation)
    case processingInstruction(target: String, data: String, at: SourceLocation)
    case comment(String, at: SourceLocation)
}

/// Receives the events of a document from ``XMLEventReader``, in document order.
///
/// Throwing stops the parse at once; ``XMLEventReader/read(_:source:into:)`` then rethrows
/// that diagnostic unchanged.
public protocol XMLEventHandler: AnyObject {
    func handle(_ event: XMLEvent) throws(Diagnostic)
}
