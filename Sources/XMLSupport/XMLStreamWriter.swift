internal import CLibXML2
internal import CLibXML2Shim
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
    /// What the writer must know to write a leaf element in one piece exactly as libxml2 would
    /// in several calls (``writeLeaf(_:attribute:value:text:)``): the indentation, how many
    /// elements are open, whether the innermost one's start tag is still open, and which open
    /// elements hold text (leaves there take the ordinary path).
    private let indentBytes: [UInt8]?
    /// Behind a pointer, so that the hot path pays no exclusivity checks.
    private struct State {
        var depth = 0
        var startTagOpen = false
        /// Bit `k`: whether the open element at depth `k + 1` holds text (deeper ones count as holding text).
        var holdsText: UInt64 = 0
        var leaf: UnsafeMutablePointer<UInt8>
        var leafCapacity: Int
        var leafCount = 0
        var recordHasChildren = false
        /// Bytes written in records since ``shouldDrain(threshold:)`` last looked at libxml2's buffer.
        var rawSinceCheck = 0
        /// Whole elements (leaves and records) written after libxml2's last raw write, kept here
        /// and passed to the sink by ``drain(into:)`` without a copy through libxml2's buffers.
        /// Allowed only while libxml2 has nothing to finish first (such as closing a start tag
        /// with `>`): from a raw write through libxml2 until the next other libxml2 call.
        var direct: UnsafeMutablePointer<UInt8>
        var directCapacity: Int
        var directCount = 0
        var directAllowed = false
    }

    private let state: UnsafeMutablePointer<State>
    /// Where libxml2 escapes attribute values for records.
    private let escapeBuffer: xmlBufferPtr

    /// Creates a writer. With `indent`, elements are put on their own lines, indented.
    public init(indent: Bool = true, indentString: String = "  ") throws(XMLWriteError) {
        // libxml2 initialises its globals (the encoding handlers among them) lazily and without a
        // lock: two writers made at once on two threads raced there, and one table leaked.
        XMLEnvironment.prepare()
        guard let buffer = xmlBufferCreate() else { throw XMLWriteError("libxml2 could not allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriteError("libxml2 could not create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        indentBytes = indent ? Array(indentString.utf8) : nil
        guard let escapeBuffer = xmlBufferCreate() else {
            xmlFreeTextWriter(writer)
            xmlBufferFree(buffer)
            throw XMLWriteError("libxml2 could not allocate a buffer")
        }
        self.escapeBuffer = escapeBuffer
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(leaf: UnsafeMutablePointer<UInt8>.allocate(capacity: 4096), leafCapacity: 4096,
                                   direct: UnsafeMutablePointer<UInt8>.allocate(capacity: Self.directLimit),
                                   directCapacity: Self.directLimit))
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
        xmlBufferFree(escapeBuffer)
        scratch.deallocate()
        state.pointee.leaf.deallocate()
        state.pointee.direct.deallocate()
        state.deallocate()
    }

    private func check(_ result: Int32, _ what: @autoclosure () -> String) throws(XMLWriteError) {
        if result < 0 { throw XMLWriteError("libxml2 failed to write \(what())") }
    }

    /// Writes the XML declaration (`version="1.0" encoding="UTF-8"`).
    public func startDocument() throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    /// Opens an element with a qualified name such as `rdf:Description`.
    public func startElement(_ name: String) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterStartElement(writer, name), "element <\(name)>")
        opened()
    }

    @inline(__always)
    private func opened() {
        state.pointee.depth += 1
        state.pointee.startTagOpen = true
        let depth = state.pointee.depth
        if depth <= 64 { state.pointee.holdsText &= ~(1 << UInt64(depth - 1)) }
    }

    @inline(__always)
    private func wroteContent() {
        state.pointee.startTagOpen = false
        let depth = state.pointee.depth
        if depth >= 1 && depth <= 64 { state.pointee.holdsText |= 1 << UInt64(depth - 1) }
    }

    @inline(__always)
    private func closed() {
        state.pointee.depth -= 1
        state.pointee.startTagOpen = false
    }

    /// Whether the innermost open element may take a leaf in one piece.
    @inline(__always)
    private var mayWriteLeaf: Bool {
        let depth = state.pointee.depth
        return depth >= 1 && depth <= 64 && state.pointee.holdsText & (1 << UInt64(depth - 1)) == 0
    }

    @inline(__always)
    private func appendLeaf(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = state.pointee.leafCount
        if count + bytes.count > state.pointee.leafCapacity {
            let capacity = max(state.pointee.leafCapacity * 2, count + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: state.pointee.leaf, count: count)
            state.pointee.leaf.deallocate()
            state.pointee.leaf = grown
            state.pointee.leafCapacity = capacity
        }
        if let base = bytes.baseAddress { (state.pointee.leaf + count).update(from: base, count: bytes.count) }
        state.pointee.leafCount = count + bytes.count
    }

    /// Writes an attribute of the element just opened; the value is escaped.
    public func writeAttribute(_ name: String, _ value: String) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    /// Writes escaped character data.
    public func writeText(_ text: String) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterWriteString(writer, text), "text")
        wroteContent()
    }

    /// Writes a comment (`--` must not occur in it).
    public func writeComment(_ text: String) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterWriteComment(writer, text), "a comment")
        wroteContent()
    }

    /// Writes a complete element with escaped text content.
    public func writeElement(_ name: String, text: String) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterWriteElement(writer, name, text), "element <\(name)>")
        state.pointee.startTagOpen = false
    }

    /// Closes the innermost open element (as `<x/>` when it has no content).
    public func endElement() throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterEndElement(writer), "an end tag")
        closed()
    }

    /// Closes every open element and ends the document.
    public func endDocument() throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        state.pointee.depth = 0
        state.pointee.startTagOpen = false
        state.pointee.holdsText = 0
    }

    // MARK: - Writing prepared names and UTF-8 bytes

    /// Opens an element whose name was prepared once.
    public func startElement(_ name: PreparedXMLName) throws(XMLWriteError) {
        try beforeLibXML2()
        let result = name.cString.withUnsafeBufferPointer { xmlTextWriterStartElement(writer, $0.baseAddress) }
        try check(result, "element <\(name)>")
        opened()
    }

    /// Writes an attribute whose value is given as UTF-8 bytes (escaped as ``writeAttribute(_:_:)`` does).
    /// The bytes must not contain NUL, which XML forbids anyway.
    public func writeAttribute(_ name: PreparedXMLName, utf8 value: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        try beforeLibXML2()
        let text = terminated(value)
        let result = name.cString.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(writer, $0.baseAddress, text) }
        try check(result, "attribute \(name)")
    }

    /// Writes escaped character data given as UTF-8 bytes (without NUL).
    public func writeText(utf8 text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        try beforeLibXML2()
        try check(xmlTextWriterWriteString(writer, terminated(text)), "text")
        wroteContent()
    }

    /// Writes a whole element with at most one attribute and, when `text` is given, escaped
    /// text — `<name attribute="value">text</name>`, or `<name attribute="value"/>` without
    /// text — with exactly the bytes of ``startElement(_:)-(PreparedXMLName)``,
    /// ``writeAttribute(_:utf8:)``, ``writeText(utf8:)`` and ``endElement()``, in one call.
    ///
    /// The element is assembled here (indentation as libxml2 indents, text escaped by libxml2's
    /// `xmlEncodeSpecialChars`, as `xmlTextWriterWriteString` escapes it) and handed to libxml2
    /// as one raw write; an attribute value that needs escaping, or a parent that holds text,
    /// takes the ordinary calls instead. Per element this saves a dozen small writes into
    /// libxml2's buffer and three allocations.
    public func writeLeaf(_ name: PreparedXMLName, attribute: PreparedXMLName?, value: UnsafeBufferPointer<UInt8>,
                          text: UnsafeBufferPointer<UInt8>?) throws(XMLWriteError) {
        guard mayWriteLeaf, attribute == nil || Self.isPlainAttributeValue(value) else {
            try startElement(name)
            if let attribute { try writeAttribute(attribute, utf8: value) }
            if let text { try writeText(utf8: text) }
            try endElement()
            return
        }
        state.pointee.leafCount = 0
        let depth = state.pointee.depth
        reserveLeaf(8 + indentWidth * depth + 2 * name.cString.count + (attribute?.cString.count ?? 0) + value.count)
        if indentBytes != nil {
            // libxml2 closes an open start tag with '>' itself (before a raw write); the line
            // break it would then write before a child element is ours to write.
            if state.pointee.startTagOpen { putLeaf(0x0A) }
            putIndent(depth)
        }
        putLeaf(0x3C)
        putLeaf(name)
        if let attribute {
            putLeaf(0x20)
            putLeaf(attribute)
            putLeaf(0x3D)
            putLeaf(0x22)
            appendLeaf(value)
            reserveLeaf(1)
            putLeaf(0x22)
        }
        if let text {
            reserveLeaf(1)
            putLeaf(0x3E)
            try appendText(text)
            reserveLeaf(4 + name.cString.count)
            putLeaf(0x3C)
            putLeaf(0x2F)
            putLeaf(name)
            putLeaf(0x3E)
        } else {
            reserveLeaf(2)
            putLeaf(0x2F)
            putLeaf(0x3E)
        }
        reserveLeaf(1)
        if indentBytes != nil { putLeaf(0x0A) }
        try emitLeaf(name)
        state.pointee.startTagOpen = false
    }

    // MARK: - Records: an element with attributes and leaf children, in one write

    /// Starts a record: an element whose attributes and leaf children (``recordLeaf(_:attribute:value:text:)``)
    /// are gathered and written in one piece by ``endRecord()``, with exactly the bytes of the
    /// ordinary calls (``startElement(_:)-(PreparedXMLName)``, ``writeAttribute(_:utf8:)``,
    /// ``writeLeaf(_:attribute:value:text:)`` for each child, ``endElement()``). Attribute values
    /// and text are escaped by libxml2's own functions (`xmlAttrSerializeTxtContent`,
    /// `xmlEncodeSpecialChars`) when they need it.
    ///
    /// For GraphML's nodes and edges this turns some twenty small writes into libxml2's buffer,
    /// and a dozen allocations, into one write.
    public func beginRecord(_ name: PreparedXMLName) {
        state.pointee.leafCount = 0
        state.pointee.recordHasChildren = false
        reserveLeaf(2 + indentWidth * state.pointee.depth + name.cString.count)
        if indentBytes != nil {
            if state.pointee.startTagOpen { putLeaf(0x0A) }
            putIndent(state.pointee.depth)
        }
        putLeaf(0x3C)
        putLeaf(name)
    }

    /// Adds an attribute to the record's element (before any child).
    public func recordAttribute(_ name: PreparedXMLName, utf8 value: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        reserveLeaf(4 + name.cString.count)
        putLeaf(0x20)
        putLeaf(name)
        putLeaf(0x3D)
        putLeaf(0x22)
        try appendAttributeValue(value)
        reserveLeaf(1)
        putLeaf(0x22)
    }

    /// Adds a leaf child `<name attribute="value">text</name>` to the record.
    public func recordLeaf(_ name: PreparedXMLName, attribute: PreparedXMLName, value: UnsafeBufferPointer<UInt8>,
                           text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        guard Self.isPlainAttributeValue(value), !Self.needsEscaping(text) else {
            try recordEscapedLeaf(name, attribute: attribute, value: value, text: text)
            return
        }
        // The common case in one reservation and straight copies.
        let depth = state.pointee.depth, width = indentWidth
        name.cString.withUnsafeBufferPointer { nameBytes in
            attribute.cString.withUnsafeBufferPointer { attributeBytes in
                let nameCount = nameBytes.count - 1, attributeCount = attributeBytes.count - 1
                reserveLeaf(12 + width * (depth + 1) + 2 * nameCount + attributeCount + value.count + text.count)
                var cursor = state.pointee.leaf + state.pointee.leafCount
                if !state.pointee.recordHasChildren {
                    cursor.put(0x3E)
                    if width > 0 { cursor.put(0x0A) }
                    state.pointee.recordHasChildren = true
                }
                if let indentBytes, width > 0 {
                    indentBytes.withUnsafeBufferPointer { indent in
                        for _ in 0...depth { cursor.put(indent.baseAddress, indent.count) }
                    }
                }
                cursor.put(0x3C)
                cursor.put(nameBytes.baseAddress, nameCount)
                cursor.put(0x20)
                cursor.put(attributeBytes.baseAddress, attributeCount)
                cursor.put(0x3D)
                cursor.put(0x22)
                cursor.put(value.baseAddress, value.count)
                cursor.put(0x22)
                cursor.put(0x3E)
                cursor.put(text.baseAddress, text.count)
                cursor.put(0x3C)
                cursor.put(0x2F)
                cursor.put(nameBytes.baseAddress, nameCount)
                cursor.put(0x3E)
                if width > 0 { cursor.put(0x0A) }
                state.pointee.leafCount = cursor - state.pointee.leaf
            }
        }
    }

    /// ``recordLeaf(_:attribute:value:text:)`` when the value or the text needs escaping.
    private func recordEscapedLeaf(_ name: PreparedXMLName, attribute: PreparedXMLName, value: UnsafeBufferPointer<UInt8>,
                                   text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        let depth = state.pointee.depth
        reserveLeaf(2 + indentWidth * (depth + 1) + 2 * name.cString.count + attribute.cString.count + 8)
        if !state.pointee.recordHasChildren {
            putLeaf(0x3E)
            if indentBytes != nil { putLeaf(0x0A) }
            state.pointee.recordHasChildren = true
        }
        if indentBytes != nil { putIndent(depth + 1) }
        putLeaf(0x3C)
        putLeaf(name)
        putLeaf(0x20)
        putLeaf(attribute)
        putLeaf(0x3D)
        putLeaf(0x22)
        try appendAttributeValue(value)
        try appendText(text, after: (0x22, 0x3E))
        reserveLeaf(4 + name.cString.count)
        putLeaf(0x3C)
        putLeaf(0x2F)
        putLeaf(name)
        putLeaf(0x3E)
        if indentBytes != nil { putLeaf(0x0A) }
    }

    /// Leaf children built once and added to many records by ``recordChildren(_:)``: the bytes
    /// that `add`'s ``recordLeaf(_:attribute:value:text:)`` calls give a record at the current
    /// depth. For children that repeat, such as an edge's label and predicate, this escapes and
    /// lays them out once instead of once per record. The record being built, if any, is kept.
    public func prepareRecordChildren<Failure: Error>(
        _ add: (XMLStreamWriter) throws(Failure) -> Void
    ) throws(Failure) -> PreparedRecordChildren {
        let savedCount = state.pointee.leafCount, savedHasChildren = state.pointee.recordHasChildren
        defer {
            state.pointee.leafCount = savedCount
            state.pointee.recordHasChildren = savedHasChildren
        }
        // Already "has children": the `>` that ends the start tag belongs to each record, not here.
        state.pointee.recordHasChildren = true
        try add(self)
        let bytes = Array(UnsafeBufferPointer(start: state.pointee.leaf + savedCount, count: state.pointee.leafCount - savedCount))
        return PreparedRecordChildren(bytes: bytes, depth: state.pointee.depth, indentWidth: indentWidth)
    }

    /// Adds children prepared by ``prepareRecordChildren(_:)`` to the record, with the same bytes
    /// as adding them one by one (none: nothing changes). They must have been prepared at this
    /// depth, with this indentation.
    public func recordChildren(_ children: PreparedRecordChildren) throws(XMLWriteError) {
        guard children.depth == state.pointee.depth, children.indentWidth == indentWidth else {
            throw XMLWriteError("record children prepared at another depth or indentation")
        }
        guard !children.bytes.isEmpty else { return }
        reserveLeaf(2)
        if !state.pointee.recordHasChildren {
            putLeaf(0x3E)
            if indentBytes != nil { putLeaf(0x0A) }
            state.pointee.recordHasChildren = true
        }
        children.bytes.withUnsafeBufferPointer { appendLeaf($0) }
    }

    /// Writes the record: `/>` when it has no children, else its end tag.
    public func endRecord(_ name: PreparedXMLName) throws(XMLWriteError) {
        reserveLeaf(4 + indentWidth * state.pointee.depth + name.cString.count)
        if state.pointee.recordHasChildren {
            if indentBytes != nil { putIndent(state.pointee.depth) }
            putLeaf(0x3C)
            putLeaf(0x2F)
            putLeaf(name)
            putLeaf(0x3E)
        } else {
            putLeaf(0x2F)
            putLeaf(0x3E)
        }
        if indentBytes != nil { putLeaf(0x0A) }
        guard mayWriteLeaf else { throw XMLWriteError("a record cannot be written inside an element that holds text") }
        try emitLeaf(name)
        state.pointee.startTagOpen = false
        state.pointee.rawSinceCheck += state.pointee.leafCount
    }

    /// Whether at least `threshold` bytes wait to be drained. Cheap: libxml2's buffer is looked
    /// at only once a quarter of the threshold has been written in records since the last look.
    public func shouldDrain(threshold: Int) -> Bool {
        guard state.pointee.rawSinceCheck >= threshold / 4 else { return false }
        state.pointee.rawSinceCheck = 0
        return pendingByteCount >= threshold
    }

    // MARK: - Whole elements past libxml2's buffers

    /// At most this many bytes wait in the direct block; more go on through libxml2.
    private static let directLimit = 1 << 20

    /// Hands the element built in the leaf buffer on: as a raw write through libxml2 when
    /// libxml2 may have something to write first (it closes an open start tag with `>`), else
    /// into the direct block.
    @inline(__always)
    private func emitLeaf(_ name: PreparedXMLName) throws(XMLWriteError) {
        let count = state.pointee.leafCount
        if state.pointee.directAllowed && state.pointee.directCount + count <= state.pointee.directCapacity {
            (state.pointee.direct + state.pointee.directCount).update(from: state.pointee.leaf, count: count)
            state.pointee.directCount += count
            return
        }
        try flushDirect()
        try check(xmlTextWriterWriteRawLen(writer, state.pointee.leaf, Int32(count)), "element <\(name)>")
        // A raw write turns libxml2's "indent the next end tag" off; a finished child element
        // turns it on, as the ordinary calls would have left it.
        if indentBytes != nil { xmlTextWriterSetIndent(writer, 1) }
        state.pointee.directAllowed = true
    }

    /// Before any other libxml2 call: the direct block goes into libxml2's buffer first, so
    /// that the output keeps its order, and what follows goes through libxml2 again.
    @inline(__always)
    private func beforeLibXML2() throws(XMLWriteError) {
        try flushDirect()
        state.pointee.directAllowed = false
    }

    private func flushDirect() throws(XMLWriteError) {
        guard state.pointee.directCount > 0 else { return }
        try check(xmlTextWriterWriteRawLen(writer, state.pointee.direct, Int32(state.pointee.directCount)), "elements")
        if indentBytes != nil { xmlTextWriterSetIndent(writer, 1) }
        state.pointee.directCount = 0
    }

    // MARK: - Building records

    private var indentWidth: Int { indentBytes?.count ?? 0 }

    /// Makes room for `extra` more bytes in the record being built.
    @inline(__always)
    private func reserveLeaf(_ extra: Int) {
        let count = state.pointee.leafCount
        guard count + extra > state.pointee.leafCapacity else { return }
        let capacity = max(state.pointee.leafCapacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: state.pointee.leaf, count: count)
        state.pointee.leaf.deallocate()
        state.pointee.leaf = grown
        state.pointee.leafCapacity = capacity
    }

    /// Appends a byte (room reserved before).
    @inline(__always)
    private func putLeaf(_ byte: UInt8) {
        state.pointee.leaf[state.pointee.leafCount] = byte
        state.pointee.leafCount += 1
    }

    /// Appends a name (room reserved before).
    @inline(__always)
    private func putLeaf(_ name: PreparedXMLName) {
        name.cString.withUnsafeBufferPointer { bytes in
            let count = bytes.count - 1
            if let base = bytes.baseAddress { (state.pointee.leaf + state.pointee.leafCount).update(from: base, count: count) }
            state.pointee.leafCount += count
        }
    }

    /// Appends `levels` indentations (room reserved before).
    @inline(__always)
    private func putIndent(_ levels: Int) {
        guard let indentBytes else { return }
        indentBytes.withUnsafeBufferPointer { indent in
            guard let base = indent.baseAddress else { return }
            for _ in 0..<levels {
                (state.pointee.leaf + state.pointee.leafCount).update(from: base, count: indent.count)
                state.pointee.leafCount += indent.count
            }
        }
    }

    /// An attribute value as `xmlTextWriterWriteAttribute` writes it.
    private func appendAttributeValue(_ value: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        guard !Self.isPlainAttributeValue(value) else {
            appendLeaf(value)
            return
        }
        xmlBufferEmpty(escapeBuffer)
        xmlAttrSerializeTxtContent(escapeBuffer, nil, nil, terminated(value))
        guard let content = xmlBufferContent(escapeBuffer) else { throw XMLWriteError("libxml2 could not escape an attribute") }
        appendLeaf(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(escapeBuffer))))
    }

    /// `prefix`, then text as `xmlTextWriterWriteString` writes it.
    @inline(__always)
    private func appendText(_ text: UnsafeBufferPointer<UInt8>, after prefix: (UInt8, UInt8)) throws(XMLWriteError) {
        reserveLeaf(2)
        putLeaf(prefix.0)
        putLeaf(prefix.1)
        try appendText(text)
    }

    /// Text as `xmlTextWriterWriteString` writes it.
    private func appendText(_ text: UnsafeBufferPointer<UInt8>) throws(XMLWriteError) {
        guard Self.needsEscaping(text) else {
            appendLeaf(text)
            return
        }
        guard let escaped = xmlEncodeSpecialChars(nil, terminated(text)) else { throw XMLWriteError("libxml2 could not escape text") }
        appendLeaf(UnsafeBufferPointer(start: escaped, count: Int(xmlStrlen(escaped))))
        kg_xmlFree(escaped)
    }

    /// Whether libxml2 would write an attribute value unchanged: no `& < > "` and no TAB, LF, CR.
    @inline(__always)
    static func isPlainAttributeValue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        noneOf(value, mask: attributeSpecials)
    }

    /// Whether `xmlEncodeSpecialChars` would change the text: `& < > "` or CR.
    @inline(__always)
    static func needsEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        !noneOf(text, mask: textSpecials)
    }

    /// Bit `b` set for the bytes that need escaping (all below 0x40).
    private static let attributeSpecials: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D
    private static let textSpecials: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x0D

    /// Whether no byte of `bytes` is in `mask` (a set of bytes below 0x40). Eight bytes at a time
    /// skip words whose bytes are all 0x40 or above.
    @inline(__always)
    private static func noneOf(_ bytes: UnsafeBufferPointer<UInt8>, mask: UInt64) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte is 0x40 or above when bit 6 or bit 7 is set.
            let high = (word | (word << 1)) & 0x8080_8080_8080_8080
            if high != 0x8080_8080_8080_8080 {
                for offset in 0..<8 {
                    let byte = base[index + offset]
                    if byte < 0x40 && mask & (1 << UInt64(byte)) != 0 { return false }
                }
            }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x40 && mask & (1 << UInt64(byte)) != 0 { return false }
            index += 1
        }
        return true
    }

    /// Bytes written and not yet drained (after libxml2's own small buffer is flushed).
    public var pendingByteCount: Int {
        _ = xmlTextWriterFlush(writer)
        return Int(xmlBufferLength(buffer)) + state.pointee.directCount
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
        state.pointee.rawSinceCheck = 0
        _ = xmlTextWriterFlush(writer)
        let length = Int(xmlBufferLength(buffer))
        if length > 0, let content = xmlBufferContent(buffer) {
            try sink.write(UnsafeRawBufferPointer(start: content, count: length))
            xmlBufferEmpty(buffer)
        }
        // The direct block comes after everything in libxml2's buffer (any libxml2 call after
        // it would have moved it there first).
        if state.pointee.directCount > 0 {
            try sink.write(UnsafeRawBufferPointer(start: state.pointee.direct, count: state.pointee.directCount))
            state.pointee.directCount = 0
        }
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

/// Leaf children laid out once for many records (``XMLStreamWriter/prepareRecordChildren(_:)``).
public struct PreparedRecordChildren: Sendable {
    let bytes: [UInt8]
    let depth: Int
    let indentWidth: Int
}

/// libxml2 refused to write (out of memory, or an element left unbalanced by a bug).
public struct XMLWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension UnsafeMutablePointer where Pointee == UInt8 {
    /// Writes a byte and moves past it.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        pointee = byte
        self += 1
    }

    /// Copies `count` bytes and moves past them.
    @inline(__always)
    mutating func put(_ source: UnsafePointer<UInt8>?, _ count: Int) {
        guard let source, count > 0 else { return }
        update(from: source, count: count)
        self += count
    }
}
