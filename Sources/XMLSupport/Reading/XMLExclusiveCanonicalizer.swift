/// Exclusive XML Canonicalization 1.0, without comments (W3C `xml-exc-c14n`), of a sequence of
/// events: what RDF/XML makes of `rdf:parseType="Literal"` content.
///
/// Feed it the events between the start and end tags of the enclosing element (that element
/// itself is not part of the output), then read ``canonicalForm``. As the specification says:
/// empty elements become start/end pairs; a namespace declaration is written on an element
/// only where the element or one of its attributes visibly uses the prefix and the nearest
/// output ancestor has not already declared it with the same URI; namespace declarations come
/// first, sorted by prefix, then attributes sorted by namespace URI and local name; text and
/// attribute values are escaped the canonical way; comments are dropped; `xml:` attributes are
/// kept where they are written and never inherited.
public struct XMLExclusiveCanonicalizer: Sendable {
    private var output: [UInt8] = []
    /// For each open element, the prefixes it declared in the output (nil key: the default namespace).
    private var rendered: [[String?: String]] = []

    public init() {}

    /// The canonical form of everything fed so far.
    public var canonicalForm: String { String(decoding: output, as: UTF8.self) }

    /// Adds one event. Comments are ignored; an end element closes the innermost open one.
    public mutating func add(_ event: XMLEvent) {
        switch event {
        case .startElement(let tag): startElement(tag)
        case .endElement(let name, _): endElement(name)
        case .text(let text, _): appendEscapedText(text)
        case .processingInstruction(let target, let data, _): processingInstruction(target: target, data: data)
        case .comment: break
        }
    }

    private func inScope(_ prefix: String?) -> String? {
        for scope in rendered.reversed() {
            if let uri = scope[prefix] { return uri }
        }
        return nil
    }

    private mutating func startElement(_ tag: XMLStartTag) {
        var declarations: [String?: String] = [:]
        // The element's own prefix (or the default namespace) is always visibly used.
        let elementURI = tag.name.namespaceURI ?? ""
        if let current = inScope(tag.name.prefix) {
            if current != elementURI { declarations[tag.name.prefix] = elementURI }
        } else if !(tag.name.prefix == nil && elementURI.isEmpty) {
            declarations[tag.name.prefix] = elementURI
        }
        for attribute in tag.attributes {
            guard let prefix = attribute.name.prefix, prefix != "xml" else { continue }
            let uri = attribute.name.namespaceURI ?? ""
            if declarations[prefix] == nil && inScope(prefix) != uri { declarations[prefix] = uri }
        }
        append("<")
        append(tag.name.qualifiedName)
        // The default namespace (nil) sorts before every prefix.
        let sortedDeclarations = declarations.sorted { left, right in
            guard let leftPrefix = left.key else { return right.key != nil }
            guard let rightPrefix = right.key else { return false }
            return leftPrefix.utf8.lexicographicallyPrecedes(rightPrefix.utf8)
        }
        for (prefix, uri) in sortedDeclarations {
            append(prefix.map { " xmlns:" + $0 } ?? " xmlns")
            append("=\"")
            appendEscapedAttribute(uri)
            append("\"")
        }
        let sortedAttributes = tag.attributes.sorted { left, right in
            let leftURI = left.name.namespaceURI ?? ""
            let rightURI = right.name.namespaceURI ?? ""
            if leftURI != rightURI { return leftURI.utf8.lexicographicallyPrecedes(rightURI.utf8) }
            return left.name.localName.utf8.lexicographicallyPrecedes(right.name.localName.utf8)
        }
        for attribute in sortedAttributes {
            append(" ")
            append(attribute.name.qualifiedName)
            append("=\"")
            appendEscapedAttribute(attribute.value)
            append("\"")
        }
        append(">")
        rendered.append(declarations)
    }

    private mutating func endElement(_ name: XMLName) {
        append("</")
        append(name.qualifiedName)
        append(">")
        if !rendered.isEmpty { rendered.removeLast() }
    }

    private mutating func processingInstruction(target: String, data: String) {
        append("<?")
        append(target)
        if !data.isEmpty {
            append(" ")
            append(data)
        }
        append("?>")
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func appendEscapedText(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case 0x0D: append("&#xD;")
            default: output.append(byte)
            }
        }
    }

    private mutating func appendEscapedAttribute(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: "\""): append("&quot;")
            case 0x09: append("&#x9;")
            case 0x0A: append("&#xA;")
            case 0x0D: append("&#xD;")
            default: output.append(byte)
            }
        }
    }
}
