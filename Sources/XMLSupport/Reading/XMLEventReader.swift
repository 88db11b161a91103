internal import CLibXML2
internal import CLibXML2Shim
public import KnowledgeGraph

/// Reads an XML document held in memory and streams it, event by event, to an ``XMLEventHandler``.
///
/// The reader is libxml2's SAX2 parser, set up to be safe on untrusted input:
/// - no network access (`XML_PARSE_NONET`), and no external DTD or external entity is ever
///   loaded: a document that refers to one is refused with an error naming it, rather than
///   read with the entity silently left empty;
/// - internal entities declared in the document's own DTD are expanded (Protégé writes
///   `rdf:resource="&owl;Thing"` with `<!ENTITY owl "…">` in the internal subset);
/// - libxml2's limits stay on (never `XML_PARSE_HUGE`): entity amplification ("billion laughs"),
///   nesting deeper than 256 elements, names over 50,000 bytes and attribute values over 10 MB end in an error;
/// - text nodes (character data, CDATA and entity text merged) longer than ``textLimit`` end in
///   an error, and entity expansion may not make the document's text more than ten times longer;
/// - documents larger than ``sizeLimit`` are refused before parsing.
///
/// Every problem is thrown as a ``Diagnostic`` with code `xml-syntax` (`input` for the size
/// limit) and the file, line and column; libxml2 never prints anything itself.
public struct XMLEventReader: Sendable {
    /// The largest document read by default: 1 GiB.
    public static let defaultSizeLimit = InputFile.defaultSizeLimit

    /// The longest text node read by default: 10 MB, libxml2's own limit for text (and the one
    /// it applies to names and attribute values) without `XML_PARSE_HUGE`.
    public static let defaultTextLimit = 10_000_000

    /// The largest document this reader accepts, in bytes (at most 2 GiB - 1, libxml2's limit).
    public let sizeLimit: Int
    /// The longest text node this reader accepts, in bytes of UTF-8.
    public let textLimit: Int

    public init(sizeLimit: Int = XMLEventReader.defaultSizeLimit, textLimit: Int = XMLEventReader.defaultTextLimit) {
        self.sizeLimit = min(sizeLimit, Int(Int32.max))
        self.textLimit = textLimit
    }

    /// Parses `bytes` and reports every event to `handler`, in document order.
    /// - Parameters:
    ///   - bytes: the whole document; UTF-8 unless its XML declaration or byte-order mark says otherwise.
    ///   - source: the file name used in diagnostics (`-` for standard input).
    /// - Throws: the first problem: a diagnostic thrown by `handler` (unchanged), or an XML error
    ///   (code `xml-syntax`) with its position.
    public func read(_ bytes: [UInt8], source: String, into handler: some XMLEventHandler) throws(Diagnostic) {
        XMLEnvironment.prepare()
        // libxml2 keeps the generic error handler per thread; a few errors (encoding
        // conversion) go only there, so silence it on whichever thread parses.
        kg_silenceGenericErrors()
        guard bytes.count <= sizeLimit else {
            throw Diagnostic(code: "input", message: "the document is larger than the limit of \(sizeLimit) bytes",
                             location: SourceLocation(file: source, line: 1, column: 1))
        }
        guard !bytes.isEmpty else {
            throw Diagnostic(code: "xml-syntax", message: "the document is empty",
                             location: SourceLocation(file: source, line: 1, column: 1))
        }
        guard let parser = xmlNewParserCtxt() else {
            throw Diagnostic(code: "xml-syntax", message: "libxml2 could not allocate a parser",
                             location: SourceLocation(file: source, line: 1, column: 1))
        }
        defer { xmlFreeParserCtxt(parser) }
        let result: Result<Void, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
            let state = SAXParseState(source: source, bytes: buffer, parser: parser, handler: handler, textLimit: textLimit)
            return withExtendedLifetime(state) {
                state.install()
                let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue
                    | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
                let document = buffer.withMemoryRebound(to: CChar.self) { characters in
                    xmlCtxtReadMemory(parser, characters.baseAddress, Int32(characters.count), source, nil, options)
                }
                if let document { xmlFreeDoc(document) }
                parser.pointee._private = nil
                return state.finish()
            }
        }
        try result.get()
    }
}
