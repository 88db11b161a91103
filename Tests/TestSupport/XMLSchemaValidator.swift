// Test-only code that calls libxml2 itself: the one exception to XMLSupport being its only
// importer (see Package.swift).
internal import CLibXML2
internal import CLibXML2Shim
public import XMLSupport

/// Validates XML documents against an XML Schema (XSD) with libxml2, in-process and offline.
/// The tests check the GraphML writers' output with it; kgexport itself never validates XML.
///
/// The schema and the document are read with no network access; the schema's own includes
/// must be local files (as in the GraphML schemas of the project).
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr
    /// The schema file.
    public let schemaPath: String

    /// Loads and compiles the schema at `schemaPath`.
    /// - Throws: ``XMLReadError`` when the schema cannot be read or compiled.
    public init(schemaPath: String) throws(XMLReadError) {
        XMLEnvironment.prepare()
        self.schemaPath = schemaPath
        let collector = ErrorCollector(file: schemaPath)
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLReadError(file: schemaPath, line: 0, column: 0, message: "cannot open the schema")
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(parserContext, ErrorCollector.callback, unmanaged.toOpaque())
        // The refusing entity loader would refuse the schema's own files; allow local ones for this parse.
        kg_beginSchemaLoading()
        let compiled = xmlSchemaParse(parserContext)
        kg_endSchemaLoading()
        guard let schema = compiled else {
            throw collector.errors.first ?? XMLReadError(file: schemaPath, line: 0, column: 0, message: "invalid schema")
        }
        self.schema = schema
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Validates an XML document held in memory; returns every validity error (empty when valid).
    /// - Parameter name: the name used in messages (usually the file path).
    /// - Throws: ``XMLReadError`` when the document is not well-formed XML.
    public func validate(_ bytes: [UInt8], name: String) throws(XMLReadError) -> [XMLReadError] {
        let collector = ErrorCollector(file: name)
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        guard let parser = xmlNewParserCtxt() else {
            throw XMLReadError(file: name, line: 0, column: 0, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(parser) }
        xmlCtxtSetStructuredErrors(parser, unmanaged)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { raw in
            raw.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                    xmlCtxtReadMemory(parser, $0, Int32(raw.count), name, "UTF-8", options)
                }
            } ?? nil
        }
        guard let document else {
            throw collector.errors.first ?? XMLReadError(file: name, line: 0, column: 0, message: "not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        if let error = collector.errors.first { throw error }
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            throw XMLReadError(file: name, line: 0, column: 0, message: "libxml2 could not allocate a validator")
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, ErrorCollector.callback, unmanaged.toOpaque())
        let result = xmlSchemaValidateDoc(validator, document)
        if result != 0 && collector.errors.isEmpty {
            return [XMLReadError(file: name, line: 0, column: 0, message: "the document is not valid against \(schemaPath)")]
        }
        return collector.errors
    }
}

private func xmlCtxtSetStructuredErrors(_ parser: xmlParserCtxtPtr, _ collector: Unmanaged<ErrorCollector>) {
    // A per-parser structured error handler: sax->serror with initialized SAX2. libxml2 calls it
    // with ctxt->userData, which must stay the parser context (the SAX2 handlers write through
    // it), so the collector travels in ctxt->_private.
    parser.pointee.sax.pointee.serror = ErrorCollector.parserCallback
    parser.pointee.sax.pointee.initialized = XML_SAX2_MAGIC
    parser.pointee._private = collector.toOpaque()
}

/// Gathers libxml2's structured errors for one operation.
final class ErrorCollector {
    let file: String
    var errors: [XMLReadError] = []

    init(file: String) {
        self.file = file
    }

    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.add(error.pointee)
    }

    /// For parser errors: `userData` is the parser context, whose `_private` is the collector.
    static let parserCallback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let parser = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let collector = parser.pointee._private else { return }
        Unmanaged<ErrorCollector>.fromOpaque(collector).takeUnretainedValue().add(error.pointee)
    }

    func add(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        errors.append(XMLReadError(file: file, line: Int(error.line), column: Int(error.int2), message: message))
    }
}
