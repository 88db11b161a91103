internal import CLibXML2
import KnowledgeGraph

/// The state of one parse with libxml2's SAX2 interface: the C callbacks, the text buffer,
/// positions, and the first failure.
///
/// libxml2 hands each callback the parser context (`userData` stays the context so that the
/// default SAX2 DTD handlers keep working); the state is found through the context's
/// `_private` field, which libxml2 copies into the sub-parsers it uses for entity content.
final class SAXParseState {
    let source: String
    let bytes: UnsafeBufferPointer<UInt8>
    let parser: xmlParserCtxtPtr
    let handler: any XMLEventHandler

    /// The first problem; once set, later events are ignored and the parser is stopped.
    private(set) var failure: Diagnostic?
    private var positions = TextPositionCounter()
    /// Character data not yet reported (libxml2 delivers it in pieces).
    private var text: [UInt8] = []
    private var textLocation: SourceLocation?
    /// Byte offset just after the last markup reported, where following text starts.
    private var markupEnd = 0
    /// The same as a location, for documents converted from another encoding.
    private var convertedMarkupEnd: SourceLocation
    /// Strings for names and namespace URIs that live in libxml2's dictionary, by address.
    private var names: [UnsafePointer<xmlChar>: String] = [:]
    /// Bytes of text and attribute values reported so far, and how many entity expansion may
    /// make of the document: libxml2 2.9 stops "billion laughs" but not one large entity
    /// referenced many times, which would otherwise produce gigabytes from kilobytes.
    private var reportedBytes = 0
    private let reportedBytesLimit: Int
    /// The longest text node accepted. libxml2 enforces its own 10 MB limit only in its default
    /// SAX2 text handler, which this state replaces, so the limit is kept here.
    private let textLimit: Int

    init(source: String, bytes: UnsafeBufferPointer<UInt8>, parser: xmlParserCtxtPtr, handler: any XMLEventHandler,
         textLimit: Int) {
        self.source = source
        self.bytes = bytes
        self.parser = parser
        self.handler = handler
        self.textLimit = textLimit
        self.convertedMarkupEnd = SourceLocation(file: source, line: 1, column: 1)
        self.reportedBytesLimit = SAXParseState.amplificationFactor * bytes.count + SAXParseState.amplificationAllowance
    }

    /// Without entities, text and attribute values are never longer than the document itself.
    static let amplificationFactor = 10
    static let amplificationAllowance = 4 << 20

    /// Counts reported bytes; fails once entity expansion has blown the document up too far.
    private func account(_ count: Int, _ context: xmlParserCtxtPtr) -> Bool {
        reportedBytes += count
        guard reportedBytes > reportedBytesLimit else { return true }
        fail(diagnostic("entity expansion makes the text of this \(bytes.count)-byte document larger than \(reportedBytesLimit) bytes; refusing it (an entity amplification attack?)",
                        at: libxmlLocation(parser)), in: context)
        return false
    }

    /// Points the parser's SAX2 handler at this state's callbacks.
    func install() {
        parser.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        guard let sax = parser.pointee.sax else { return }
        sax.pointee.startElementNs = SAXParseState.startElement
        sax.pointee.endElementNs = SAXParseState.endElement
        sax.pointee.characters = SAXParseState.characters
        sax.pointee.ignorableWhitespace = SAXParseState.characters
        sax.pointee.cdataBlock = SAXParseState.characters
        sax.pointee.processingInstruction = SAXParseState.processingInstruction
        sax.pointee.comment = SAXParseState.comment
        sax.pointee.getEntity = SAXParseState.getEntity
        sax.pointee.getParameterEntity = SAXParseState.getParameterEntity
        sax.pointee.externalSubset = SAXParseState.externalSubset
        sax.pointee.serror = SAXParseState.structuredError
        sax.pointee.error = nil
        sax.pointee.warning = nil
        sax.pointee.fatalError = nil
        sax.pointee.initialized = XML_SAX2_MAGIC
    }

    /// Reports trailing text and returns the outcome of the parse.
    func finish() -> Result<Void, Diagnostic> {
        if failure == nil { flushText() }
        if let failure { return .failure(failure) }
        if parser.pointee.wellFormed == 0 {
            return .failure(diagnostic("the document is not well-formed XML", at: libxmlLocation(parser)))
        }
        return .success(())
    }

    // MARK: - Failing

    private func fail(_ diagnostic: Diagnostic, in context: xmlParserCtxtPtr?) {
        guard failure == nil else { return }
        failure = diagnostic
        if let context, context != parser { xmlStopParser(context) }
        xmlStopParser(parser)
    }

    private func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(code: "xml-syntax", message: message, location: location)
    }

    private func deliver(_ event: XMLEvent, in context: xmlParserCtxtPtr) {
        do {
            try handler.handle(event)
        } catch {
            fail(error, in: context)
        }
    }

    // MARK: - Positions

    /// The main document's current byte offset, or nil when libxml2 is converting from another
    /// encoding (offsets are then in the converted text and cannot be mapped back).
    private func currentOffset() -> Int? {
        guard let inputs = parser.pointee.inputTab, let input = inputs[0] else { return nil }
        if let buffer = input.pointee.buf, buffer.pointee.encoder != nil { return nil }
        guard let base = input.pointee.base, let current = input.pointee.cur else { return nil }
        let offset = Int(input.pointee.consumed) + (current - base)
        return offset >= 0 && offset <= bytes.count ? offset : nil
    }

    /// libxml2's own line and column of the current position (used when byte offsets cannot be).
    private func libxmlLocation(_ context: xmlParserCtxtPtr) -> SourceLocation {
        guard let input = context.pointee.input else { return SourceLocation(file: source, line: 1, column: 1) }
        return SourceLocation(file: source, line: max(1, Int(input.pointee.line)), column: max(1, Int(input.pointee.col)))
    }

    /// For documents libxml2 converts to UTF-8: finds the tag's `<` in the converted text
    /// (libxml2 keeps a whole tag in its buffer while reporting it) and counts back from
    /// libxml2's current line and column.
    private func convertedTagLocation(isStart: Bool) -> SourceLocation {
        let current = libxmlLocation(parser)
        guard let input = parser.pointee.input, let base = input.pointee.base, let cursor = input.pointee.cur,
              cursor > base else { return current }
        let end = cursor - base
        convertedMarkupEnd = current
        if isStart { convertedMarkupEnd.column += base[end] == UInt8(ascii: "/") ? 2 : 1 }
        var start = end
        while start > 0 && base[start] != UInt8(ascii: "<") { start -= 1 }
        guard base[start] == UInt8(ascii: "<") else { return current }
        func characters(_ range: Range<Int>) -> Int { range.filter { base[$0] & 0xC0 != 0x80 }.count }
        let newlines = (start..<end).filter { base[$0] == 0x0A }.count
        if newlines == 0 {
            return SourceLocation(file: source, line: current.line, column: max(1, current.column - characters(start..<end)))
        }
        var lineStart = start
        while lineStart > 0 && base[lineStart - 1] != 0x0A { lineStart -= 1 }
        return SourceLocation(file: source, line: max(1, current.line - newlines), column: characters(lineStart..<start) + 1)
    }

    private func location(ofOffset offset: Int) -> SourceLocation {
        let (line, column) = positions.position(of: offset, in: bytes)
        return SourceLocation(file: source, line: line, column: column)
    }

    /// Where the markup that ends at (or just before) `offset` begins: the last `<` (or `&`
    /// for markup that came out of an entity, reported at the entity reference).
    private func markupStart(endingAt offset: Int, opener: UInt8) -> Int {
        var index = min(offset, bytes.count - 1)
        while index > 0 && bytes[index] != opener { index -= 1 }
        return max(index, 0)
    }

    /// Location of a tag whose callback is running; records where following text starts.
    /// `isStart`: libxml2 calls the start callback with the parser on the tag's `>` (or `/>`),
    /// the end callback just after the `>`.
    private func tagLocation(_ context: xmlParserCtxtPtr, isStart: Bool) -> SourceLocation {
        guard let offset = currentOffset() else { return convertedTagLocation(isStart: isStart) }
        if context != parser {
            markupEnd = offset
            return location(ofOffset: markupStart(endingAt: offset - 1, opener: UInt8(ascii: "&")))
        }
        if isStart {
            markupEnd = offset < bytes.count && bytes[offset] == UInt8(ascii: "/") ? offset + 2 : offset + 1
        } else {
            markupEnd = offset
        }
        return location(ofOffset: markupStart(endingAt: isStart ? offset : offset - 1, opener: UInt8(ascii: "<")))
    }

    /// Location of a comment or processing instruction that ends at the current position.
    private func trailingMarkupLocation(_ context: xmlParserCtxtPtr) -> SourceLocation {
        guard let offset = currentOffset() else { return libxmlLocation(parser) }
        markupEnd = offset
        let opener = context == parser ? UInt8(ascii: "<") : UInt8(ascii: "&")
        return location(ofOffset: markupStart(endingAt: offset - 1, opener: opener))
    }

    // MARK: - Strings

    private func name(_ pointer: UnsafePointer<xmlChar>, _ context: xmlParserCtxtPtr) -> String {
        if let known = names[pointer] { return known }
        let value = String(cString: pointer)
        // Only dictionary strings keep their address for the whole parse.
        if let dictionary = context.pointee.dict, xmlDictOwns(dictionary, pointer) == 1 {
            names[pointer] = value
        }
        return value
    }

    private func optionalName(_ pointer: UnsafePointer<xmlChar>?, _ context: xmlParserCtxtPtr) -> String? {
        pointer.map { name($0, context) }
    }

    private func flushText() {
        guard !text.isEmpty, let location = textLocation else { return }
        let value = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        textLocation = nil
        deliver(.text(value, at: location), in: parser)
    }

    // MARK: - Event handlers

    private func startElement(_ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>,
                              prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
                              namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        guard failure == nil else { return }
        let location = tagLocation(context, isStart: true)
        let name = XMLName(namespaceURI: optionalName(uri, context), localName: self.name(localName, context),
                           prefix: optionalName(prefix, context))
        var declarations: [XMLNamespaceDeclaration] = []
        if let namespaces, namespaceCount > 0 {
            declarations.reserveCapacity(namespaceCount)
            for index in 0..<namespaceCount {
                let declaredPrefix = optionalName(namespaces[2 * index], context)
                let declaredURI = optionalName(namespaces[2 * index + 1], context) ?? ""
                declarations.append(XMLNamespaceDeclaration(prefix: declaredPrefix, namespaceURI: declaredURI))
            }
        }
        var list: [XMLAttribute] = []
        if let attributes, attributeCount > 0 {
            list.reserveCapacity(attributeCount)
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            for index in 0..<attributeCount {
                let base = 5 * index
                guard let attributeName = attributes[base] else { continue }
                var value = ""
                if let start = attributes[base + 3], let end = attributes[base + 4], end >= start {
                    guard account(end - start, context) else { return }
                    value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                }
                let qualified = XMLName(namespaceURI: optionalName(attributes[base + 2], context),
                                        localName: self.name(attributeName, context),
                                        prefix: optionalName(attributes[base + 1], context))
                list.append(XMLAttribute(name: qualified, value: value))
            }
        }
        deliver(.startElement(XMLStartTag(name: name, attributes: list, namespaceDeclarations: declarations,
                                          location: location)), in: context)
    }

    private func endElement(_ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>,
                            prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) {
        flushText()
        guard failure == nil else { return }
        let location = tagLocation(context, isStart: false)
        let name = XMLName(namespaceURI: optionalName(uri, context), localName: self.name(localName, context),
                           prefix: optionalName(prefix, context))
        deliver(.endElement(name, at: location), in: context)
    }

    private func characters(_ context: xmlParserCtxtPtr, _ pointer: UnsafePointer<xmlChar>, _ count: Int) {
        guard failure == nil, count > 0, account(count, context) else { return }
        if text.isEmpty {
            textLocation = currentOffset() != nil ? location(ofOffset: markupEnd) : convertedMarkupEnd
        }
        guard text.count + count <= textLimit else {
            fail(diagnostic("a text node is longer than the limit of \(textLimit) bytes",
                            at: textLocation ?? libxmlLocation(parser)), in: context)
            return
        }
        text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    }

    private func processingInstruction(_ context: xmlParserCtxtPtr, target: UnsafePointer<xmlChar>,
                                       data: UnsafePointer<xmlChar>?) {
        flushText()
        guard failure == nil else { return }
        let location = trailingMarkupLocation(context)
        deliver(.processingInstruction(target: String(cString: target), data: data.map { String(cString: $0) } ?? "",
                                       at: location), in: context)
    }

    private func comment(_ context: xmlParserCtxtPtr, _ value: UnsafePointer<xmlChar>) {
        flushText()
        guard failure == nil else { return }
        let location = trailingMarkupLocation(context)
        deliver(.comment(String(cString: value), at: location), in: context)
    }

    /// Refuses external entities: the refusing loader alone would leave them silently empty
    /// when libxml2 parses entity content in a sub-parser.
    private func refuseExternal(_ entity: xmlEntityPtr?, parameter: Bool, _ context: xmlParserCtxtPtr) -> xmlEntityPtr? {
        guard let entity else { return nil }
        let type = entity.pointee.etype.rawValue
        let external = type == XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue
            || type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue
            || type == XML_EXTERNAL_PARAMETER_ENTITY.rawValue
        guard external else { return entity }
        let entityName = entity.pointee.name.map { String(cString: $0) } ?? "?"
        let system = entity.pointee.SystemID.map { String(cString: $0) }
        let reference = parameter ? "%\(entityName);" : "&\(entityName);"
        var message = "the entity \(reference) is external"
        if let system { message += " (SYSTEM \"\(system)\")" }
        message += "; external entities are never loaded"
        var location = libxmlLocation(parser)
        if context == parser, let offset = currentOffset() {
            location = self.location(ofOffset: markupStart(endingAt: offset - 1, opener: parameter ? UInt8(ascii: "%") : UInt8(ascii: "&")))
        }
        fail(diagnostic(message, at: location), in: context)
        return nil
    }

    private func externalSubset(_ context: xmlParserCtxtPtr, externalID: UnsafePointer<xmlChar>?,
                                systemID: UnsafePointer<xmlChar>?) {
        guard externalID != nil || systemID != nil else { return }
        let what = systemID.map { "\"\(String(cString: $0))\"" } ?? externalID.map { "\"\(String(cString: $0))\"" } ?? ""
        fail(diagnostic("the document type declaration refers to the external DTD \(what); external DTDs are never loaded",
                        at: libxmlLocation(parser)), in: context)
    }

    private func libxmlError(_ error: xmlError, _ context: xmlParserCtxtPtr) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        // libxml2 checks namespace names against RFC 2396 and so flags every IRI with a
        // non-ASCII character (`http://example.org/é#`) as "not a valid URI"; it keeps the
        // binding and parses on. Namespace names are IRI references: whoever turns them into
        // IRIs (the RDF/XML reader) checks them, as xmllint, Raptor and rdflib accept them.
        if error.code == Int32(XML_WAR_NS_URI.rawValue) || error.code == Int32(XML_WAR_NS_URI_RELATIVE.rawValue) { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        message = message.split(whereSeparator: { $0 == "\n" }).map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        let location: SourceLocation
        let offset = context == parser ? currentOffset() : nil
        if let offset, offset >= bytes.count {
            message = "the document ends before it is complete (\(message))"
        }
        if let offset, error.domain == Int32(XML_FROM_NAMESPACE.rawValue) {
            // Namespace errors are found at the end of a start tag: report the tag.
            location = self.location(ofOffset: markupStart(endingAt: min(offset, bytes.count - 1), opener: UInt8(ascii: "<")))
        } else if context == parser && error.line > 0 {
            location = SourceLocation(file: source, line: Int(error.line), column: max(1, Int(error.int2)))
        } else {
            // Errors inside entity text carry positions within that text; report the reference.
            location = libxmlLocation(parser)
        }
        fail(diagnostic(message, at: location), in: context)
    }

    // MARK: - C callbacks

    private static func state(_ context: UnsafeMutableRawPointer?) -> (SAXParseState, xmlParserCtxtPtr)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = parser.pointee._private else { return nil }
        return (Unmanaged<SAXParseState>.fromOpaque(opaque).takeUnretainedValue(), parser)
    }

    private static let startElement: startElementNsSAX2Func = {
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
        guard let (state, parser) = state(context), let localName else { return }
        state.startElement(parser, localName: localName, prefix: prefix, uri: uri,
                             namespaceCount: Int(namespaceCount), namespaces: namespaces,
                             attributeCount: Int(attributeCount), attributes: attributes)
    }

    private static let endElement: endElementNsSAX2Func = { context, localName, prefix, uri in
        guard let (state, parser) = state(context), let localName else { return }
        state.endElement(parser, localName: localName, prefix: prefix, uri: uri)
    }

    private static let characters: charactersSAXFunc = { context, pointer, count in
        guard let (state, parser) = state(context), let pointer else { return }
        state.characters(parser, pointer, Int(count))
    }

    private static let processingInstruction: processingInstructionSAXFunc = { context, target, data in
        guard let (state, parser) = state(context), let target else { return }
        state.processingInstruction(parser, target: target, data: data)
    }

    private static let comment: commentSAXFunc = { context, value in
        guard let (state, parser) = state(context), let value else { return }
        state.comment(parser, value)
    }

    private static let getEntity: getEntitySAXFunc = { context, name in
        let entity = xmlSAX2GetEntity(context, name)
        guard let (state, parser) = state(context) else { return entity }
        return state.refuseExternal(entity, parameter: false, parser)
    }

    private static let getParameterEntity: getParameterEntitySAXFunc = { context, name in
        let entity = xmlSAX2GetParameterEntity(context, name)
        guard let (state, parser) = state(context) else { return entity }
        return state.refuseExternal(entity, parameter: true, parser)
    }

    private static let externalSubset: externalSubsetSAXFunc = { context, _, externalID, systemID in
        guard let (state, parser) = state(context) else { return }
        state.externalSubset(parser, externalID: externalID, systemID: systemID)
    }

    private static let structuredError: xmlStructuredErrorFunc = { userData, error in
        guard let (state, parser) = state(userData), let error else { return }
        state.libxmlError(error.pointee, parser)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
