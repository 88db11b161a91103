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
    /// A reusable NUL-terminated copy of the value being written (see ``writeAttribute(_:utf8:)``).
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096

    /// Creates a writer. With `indent`, elements are put on their own lines, indented.
    public init(indent: Bool = true, indentString: String = "  ") throws(XMLWriteError) {
        guard let buffer = xmlBufferCreate() else { throw XMLWriteError("libxml2 could not allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriteError("libxml2 could not create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        // Grow the output buffer in large steps: it is drained in large blocks.
        _ = xmlBufferResize(buffer, 1 << 18)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, indentString)
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
        scratch.deallocate()
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

    // MARK: - Writing prepared names and UTF-8 bytes

    /// Opens an element whose name was prepared once.
    public func startElement(_ name: PreparedXMLName) throws(XMLWriteError) {
        let result = name.cString.withUnsafeBufferPointer { xmlTextWriterStartElement(writer, $0.baseAddress) }
        try check(result, "element <\(name)>")
    }

    /// Writes an attribute whose value is given as UTF-8 bytes (escaped as ``writeAttribute(_:_:)`` does).
    /// The bytes must not contain NUL, which XML forbids anyway.
    public func writeAttribute(_ name: PreparedXMLName, utf8 value: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        let text = terminated(value)
        let result = name.cString.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(writer, $0.baseAddress, text) }
        try check(result, "attribute \(name)")
    }

    /// Writes escaped character data given as UTF-8 bytes (without NUL).
    public func writeText(utf8 text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        try check(xmlTextWriterWriteString(writer, terminated(text)), "text")
    }

    /// Bytes written and not yet drained (after libxml2's own small buffer is flushed).
    public var pendingByteCount: Int {
        _ = xmlTextWriterFlush(writer)
        return Int(xmlBufferLength(buffer))
    }

    /// `bytes` copied into the scratch buffer with a final NUL: one `memcpy`, no allocation.
    private func terminated(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if bytes.count + 1 > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(bytes.count + 1, scratchCapacity * 2)
            scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        }
        if let base = bytes.baseAddress { scratch.update(from: base, count: bytes.count) }
        scratch[bytes.count] = 0
        return scratch
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

/// An element or attribute name (such as `rdf:Description`) prepared once, as NUL-terminated
/// UTF-8, so that writing it many times costs no conversion.
public struct PreparedXMLName: Sendable, Hashable, CustomStringConvertible {
    let cString: [UInt8]

    public init(_ name: String) {
        cString = Array(name.utf8) + [0]
    }

    public var description: String { String(decoding: cString.dropLast(), as: UTF8.self) }
}

/// libxml2 refused to write (out of memory, or an element left unbalanced by a bug).
public struct XMLWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
