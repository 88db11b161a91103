internal import CLibXML2
public import KnowledgeGraph

/// A streaming XML writer on libxml2's `xmlTextWriter`.
///
/// Output accumulates in a small libxml2 buffer that the caller drains into a ``ByteSink``
/// (``drain(into:)``) as often as it likes, e.g. after each subject, so memory stays bounded by
/// what was written since the last drain. The writer escapes `&`, `<`, `>` and quotes, and writes
/// CR, and TAB/LF in attributes, as character references. It does **not** check for characters
/// XML 1.0 forbids: callers check with ``XMLCharacters/firstForbidden(in:)`` first, because they
/// can name the node and property concerned.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Creates a writer. With `indent`, elements are put on their own lines, indented.
    public init(indent: Bool = true, indentString: String = "  ") throws(XMLWriteError) {
        guard let buffer = xmlBufferCreate() else { throw XMLWriteError("libxml2 could not allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriteError("libxml2 could not create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, indentString)
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32, _ what: @autoclosure () -> String) throws(XMLWriteError) {
        if result < 0 { throw XMLWriteError("libxml2 failed to write \(what())") }
    }

    /// Writes the XML declaration (`version="1.0" encoding="UTF-8"`).
    public func startDocument() throws(XMLWriteError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    /// Opens an element with a qualified name such as `rdf:Description`.
    public func startElement(_ name: String) throws(XMLWriteError) {
        try check(xmlTextWriterStartElement(writer, name), "element <\(name)>")
    }

    /// Writes an attribute of the element just opened; the value is escaped.
    public func writeAttribute(_ name: String, _ value: String) throws(XMLWriteError) {
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    /// Writes escaped character data.
    public func writeText(_ text: String) throws(XMLWriteError) {
        try check(xmlTextWriterWriteString(writer, text), "text")
    }

    /// Writes a comment (`--` must not occur in it).
    public func writeComment(_ text: String) throws(XMLWriteError) {
        try check(xmlTextWriterWriteComment(writer, text), "a comment")
    }

    /// Writes a complete element with escaped text content.
    public func writeElement(_ name: String, text: String) throws(XMLWriteError) {
        try check(xmlTextWriterWriteElement(writer, name, text), "element <\(name)>")
    }

    /// Closes the innermost open element (as `<x/>` when it has no content).
    public func endElement() throws(XMLWriteError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// Closes every open element and ends the document.
    public func endDocument() throws(XMLWriteError) {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
    }

    /// Moves everything written so far into `sink`.
    public func drain(into sink: some ByteSink) throws(OutputError) {
        _ = xmlTextWriterFlush(writer)
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return }
        try sink.write(UnsafeRawBufferPointer(start: content, count: length))
        xmlBufferEmpty(buffer)
    }
}

/// libxml2 refused to write (out of memory, or an element left unbalanced by a bug).
public struct XMLWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
