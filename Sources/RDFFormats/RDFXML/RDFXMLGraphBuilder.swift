import KnowledgeGraph
import XMLSupport

/// The RDF/XML grammar (RDF 1.1 XML Syntax, section 7) run over a stream of XML events,
/// adding triples to a graph as soon as they are known.
final class RDFXMLGraphBuilder: XMLEventHandler {
    private let documentScope: RDFXMLScope
    private(set) var graph = Graph()
    private var stack: [RDFXMLFrame] = []
    private var blankNodes: BlankNodeGenerator
    /// `rdf:nodeID` values and the fresh blank nodes that stand for them.
    private var nodeIDs: [String: BlankNode] = [:]
    /// IRIs made by `rdf:ID`, which must be unique in a document.
    private var usedIDs: Set<IRI> = []
    /// Element and attribute names already turned into IRIs.
    private var nameIRIs: [XMLName: IRI] = [:]

    init(baseIRI: IRI?, blankNodePrefix: String) {
        self.documentScope = RDFXMLScope(base: baseIRI, language: nil)
        self.blankNodes = BlankNodeGenerator(prefix: blankNodePrefix)
    }

    // MARK: - Events

    func handle(_ event: XMLEvent) throws(Diagnostic) {
        switch event {
        case .startElement(let tag):
            try startElement(tag)
        case .endElement:
            try endElement(event)
        case .text(let text, let location):
            try self.text(text, at: location, event: event)
        case .processingInstruction, .comment:
            if case .literal(let frame)? = stack.last { frame.canonicalizer.add(event) }
        }
    }

    private func startElement(_ tag: XMLStartTag) throws(Diagnostic) {
        guard let top = stack.last else {
            try documentElement(tag)
            return
        }
        switch top {
        case .root(let scope):
            _ = try nodeElement(tag, parentScope: scope)
        case .node(let frame):
            try propertyElement(tag, parent: frame)
        case .property(let frame):
            try nodeInsideProperty(tag, frame)
        case .collection(let frame):
            frame.items.append(try nodeElement(tag, parentScope: frame.scope))
        case .literal(let frame):
            frame.depth += 1
            frame.canonicalizer.add(.startElement(tag))
        }
    }

    private func endElement(_ event: XMLEvent) throws(Diagnostic) {
        guard let top = stack.last else { return }
        switch top {
        case .literal(let frame) where frame.depth > 0:
            frame.depth -= 1
            frame.canonicalizer.add(event)
            return
        case .literal(let frame):
            let literal = Literal(unchecked: frame.canonicalizer.canonicalForm, datatype: RDFXMLTerms.xmlLiteral, language: nil)
            emit(frame.subject, frame.predicate, .literal(literal), reifiedAs: frame.reification)
        case .property(let frame):
            try finishProperty(frame)
        case .collection(let frame):
            finishCollection(frame)
        case .root, .node:
            break
        }
        stack.removeLast()
    }

    private func text(_ text: String, at location: SourceLocation, event: XMLEvent) throws(Diagnostic) {
        guard let top = stack.last else { return }
        switch top {
        case .literal(let frame):
            frame.canonicalizer.add(event)
        case .property(let frame) where frame.object == nil:
            frame.text += text
        case .property(let frame):
            guard Self.isWhitespace(text) else {
                throw failure("the property element <\(frame.writtenName)> already contains a node element; it cannot also contain the text \(Self.quote(text))",
                              at: Self.skippingWhitespace(text, from: location))
            }
        case .root, .node, .collection:
            guard Self.isWhitespace(text) else {
                throw failure("text \(Self.quote(text)) is not allowed here: only elements may appear between node elements and property elements",
                              at: Self.skippingWhitespace(text, from: location))
            }
        }
    }

    // MARK: - Grammar

    /// The document element: `rdf:RDF`, or a single node element standing for it.
    private func documentElement(_ tag: XMLStartTag) throws(Diagnostic) {
        for declaration in tag.namespaceDeclarations {
            if let prefix = declaration.prefix, prefix != "xml", !declaration.namespaceURI.isEmpty {
                graph.prefixes.add(prefix: prefix, namespace: declaration.namespaceURI)
            }
        }
        guard tag.name.isNamed("RDF", in: RDFXMLTerms.namespace) else {
            _ = try nodeElement(tag, parentScope: documentScope)
            return
        }
        let attributes = try classify(tag)
        let extra = attributes.syntaxAttributeNames + attributes.properties.map(\.writtenName)
        if let first = extra.first {
            throw failure("<\(tag.name.qualifiedName)> cannot have the attribute '\(first)' (only xml:base, xml:lang and namespace declarations)",
                          at: tag.location)
        }
        stack.append(.root(try scope(of: attributes, inside: documentScope, at: tag.location)))
    }

    /// A node element: makes (or names) a subject, its type and property-attribute triples.
    private func nodeElement(_ tag: XMLStartTag, parentScope: RDFXMLScope) throws(Diagnostic) -> Term {
        let written = tag.name.qualifiedName
        if tag.name.namespaceURI == RDFXMLTerms.namespace {
            let local = tag.name.localName
            if RDFXMLTerms.coreSyntax.contains(local) || local == RDFXMLTerms.listItem {
                throw failure("<\(written)> cannot be used as a node element", at: tag.location)
            }
            if RDFXMLTerms.old.contains(local) {
                throw failure("<\(written)> is no longer part of RDF/XML (RDF 1.1 removed rdf:\(local))", at: tag.location)
            }
        }
        let typeIRI = try iri(of: tag.name, at: tag.location)
        let attributes = try classify(tag)
        for forbidden in [attributes.resource, attributes.datatype, attributes.parseType].compactMap({ $0 }) {
            throw failure("the node element <\(written)> cannot have the attribute '\(forbidden.writtenName)'", at: tag.location)
        }
        let identifiers = [attributes.id, attributes.nodeID, attributes.about].compactMap { $0 }
        if identifiers.count > 1 {
            throw failure("the node element <\(written)> has both '\(identifiers[0].writtenName)' and '\(identifiers[1].writtenName)'; give only one",
                          at: tag.location)
        }
        let scope = try scope(of: attributes, inside: parentScope, at: tag.location)
        let subject: Term
        if let id = attributes.id {
            subject = .iri(try idIRI(id, scope: scope, at: tag.location))
        } else if let nodeID = attributes.nodeID {
            subject = .blank(try blankNode(nodeID, at: tag.location))
        } else if let about = attributes.about {
            subject = .iri(try resolve(about.value, scope: scope, at: tag.location, what: about.writtenName))
        } else {
            subject = .blank(blankNodes.fresh())
        }
        if !tag.name.isNamed(RDFXMLTerms.description, in: RDFXMLTerms.namespace) {
            graph.insert(subject, RDFXMLTerms.rdfType, .iri(typeIRI))
        }
        try addPropertyAttributes(attributes, to: subject, scope: scope, at: tag.location)
        stack.append(.node(NodeFrame(subject: subject, scope: scope)))
        return subject
    }

    /// A property element inside a node element (or `rdf:parseType="Resource"` content).
    private func propertyElement(_ tag: XMLStartTag, parent: NodeFrame) throws(Diagnostic) {
        let written = tag.name.qualifiedName
        let predicate: IRI
        if tag.name.namespaceURI == RDFXMLTerms.namespace {
            let local = tag.name.localName
            if RDFXMLTerms.coreSyntax.contains(local) || local == RDFXMLTerms.description {
                throw failure("<\(written)> cannot be used as a property element", at: tag.location)
            }
            if RDFXMLTerms.old.contains(local) {
                throw failure("<\(written)> is no longer part of RDF/XML (RDF 1.1 removed rdf:\(local))", at: tag.location)
            }
            if local == RDFXMLTerms.listItem {
                predicate = RDFXMLTerms.member(parent.nextMember)
                parent.nextMember += 1
            } else {
                predicate = try iri(of: tag.name, at: tag.location)
            }
        } else {
            predicate = try iri(of: tag.name, at: tag.location)
        }
        let attributes = try classify(tag)
        if let about = attributes.about {
            throw failure("the property element <\(written)> cannot have the attribute '\(about.writtenName)'", at: tag.location)
        }
        if let resource = attributes.resource, let nodeID = attributes.nodeID {
            throw failure("the property element <\(written)> has both '\(resource.writtenName)' and '\(nodeID.writtenName)'; give only one",
                          at: tag.location)
        }
        let scope = try scope(of: attributes, inside: parent.scope, at: tag.location)
        let reification = try attributes.id.map { id throws(Diagnostic) in try idIRI(id, scope: scope, at: tag.location) }
        guard let parseType = attributes.parseType else {
            stack.append(.property(PropertyFrame(subject: parent.subject, predicate: predicate, scope: scope,
                                                 attributes: attributes, reification: reification,
                                                 location: tag.location, writtenName: written)))
            return
        }
        let others = [attributes.resource, attributes.nodeID, attributes.datatype].compactMap { $0?.writtenName }
            + attributes.properties.map(\.writtenName)
        if let other = others.first {
            throw failure("the property element <\(written)> has '\(parseType.writtenName)', so it cannot also have '\(other)'",
                          at: tag.location)
        }
        switch parseType.value {
        case "Resource":
            let object = Term.blank(blankNodes.fresh())
            emit(parent.subject, predicate, object, reifiedAs: reification)
            stack.append(.node(NodeFrame(subject: object, scope: scope)))
        case "Collection":
            stack.append(.collection(CollectionFrame(subject: parent.subject, predicate: predicate, scope: scope,
                                                     reification: reification)))
        default:
            // "Literal", and any other value, which RDF/XML reads as "Literal".
            stack.append(.literal(LiteralFrame(subject: parent.subject, predicate: predicate, reification: reification)))
        }
    }

    /// A node element inside a property element: the property is a resource property element.
    private func nodeInsideProperty(_ tag: XMLStartTag, _ frame: PropertyFrame) throws(Diagnostic) {
        if frame.object != nil {
            throw failure("the property element <\(frame.writtenName)> can contain only one node element", at: tag.location)
        }
        if !Self.isWhitespace(frame.text) {
            throw failure("the property element <\(frame.writtenName)> contains both text \(Self.quote(frame.text)) and a node element",
                          at: tag.location)
        }
        let attributes = frame.attributes
        let others = [attributes.resource, attributes.nodeID, attributes.datatype].compactMap { $0?.writtenName }
            + attributes.properties.map(\.writtenName)
        if let other = others.first {
            throw failure("the property element <\(frame.writtenName)> has '\(other)', so it cannot contain a node element",
                          at: tag.location)
        }
        let object = try nodeElement(tag, parentScope: frame.scope)
        frame.object = object
        frame.text = ""
        emit(frame.subject, frame.predicate, object, reifiedAs: frame.reification)
    }

    /// The end of a property element without `rdf:parseType`: a literal, or an empty property element.
    private func finishProperty(_ frame: PropertyFrame) throws(Diagnostic) {
        guard frame.object == nil else { return }
        let attributes = frame.attributes
        let refersToResource = attributes.resource != nil || attributes.nodeID != nil || !attributes.properties.isEmpty
        // Whitespace inside an element that names its object is layout, not a literal.
        let hasText = !frame.text.isEmpty && !(refersToResource && Self.isWhitespace(frame.text))
        if hasText || attributes.datatype != nil || !refersToResource {
            if refersToResource {
                let other = [attributes.resource, attributes.nodeID].compactMap { $0?.writtenName }
                    + attributes.properties.map(\.writtenName)
                let reason = hasText ? "contains text" : "has '\(attributes.datatype?.writtenName ?? "rdf:datatype")'"
                throw failure("the property element <\(frame.writtenName)> \(reason), so it cannot also have '\(other.first ?? "")'",
                              at: frame.location)
            }
            let text = hasText ? frame.text : ""
            let object = try literal(text, datatype: attributes.datatype, scope: frame.scope, at: frame.location)
            emit(frame.subject, frame.predicate, .literal(object), reifiedAs: frame.reification)
            return
        }
        let object: Term
        if let resource = attributes.resource {
            object = .iri(try resolve(resource.value, scope: frame.scope, at: frame.location, what: resource.writtenName))
        } else if let nodeID = attributes.nodeID {
            object = .blank(try blankNode(nodeID, at: frame.location))
        } else {
            object = .blank(blankNodes.fresh())
        }
        emit(frame.subject, frame.predicate, object, reifiedAs: frame.reification)
        try addPropertyAttributes(attributes, to: object, scope: frame.scope, at: frame.location)
    }

    /// The end of a `rdf:parseType="Collection"` property element: an RDF list of its items.
    private func finishCollection(_ frame: CollectionFrame) {
        guard !frame.items.isEmpty else {
            emit(frame.subject, frame.predicate, .iri(Vocabulary.rdfNil), reifiedAs: frame.reification)
            return
        }
        let cells = frame.items.map { _ in Term.blank(blankNodes.fresh()) }
        emit(frame.subject, frame.predicate, cells[0], reifiedAs: frame.reification)
        for (index, item) in frame.items.enumerated() {
            graph.insert(cells[index], Vocabulary.rdfFirst, item)
            graph.insert(cells[index], Vocabulary.rdfRest, index + 1 < cells.count ? cells[index + 1] : .iri(Vocabulary.rdfNil))
        }
    }

    // MARK: - Helpers

    /// Adds a triple and, when the property element had `rdf:ID`, the four reification triples.
    private func emit(_ subject: Term, _ predicate: IRI, _ object: Term, reifiedAs statement: IRI?) {
        graph.insert(subject, predicate, object)
        guard let statement else { return }
        let node = Term.iri(statement)
        graph.insert(node, Vocabulary.rdfType, .iri(Vocabulary.rdfStatement))
        graph.insert(node, Vocabulary.rdfSubject, subject)
        graph.insert(node, Vocabulary.rdfPredicate, .iri(predicate))
        graph.insert(node, Vocabulary.rdfObject, object)
    }

    private func addPropertyAttributes(_ attributes: RDFXMLAttributes, to subject: Term, scope: RDFXMLScope,
                                       at location: SourceLocation) throws(Diagnostic) {
        for property in attributes.properties {
            if property.predicate == RDFXMLTerms.rdfType {
                let type = try resolve(property.value, scope: scope, at: location, what: property.writtenName)
                graph.insert(subject, RDFXMLTerms.rdfType, .iri(type))
            } else {
                let value = try literal(property.value, datatype: nil, scope: scope, at: location)
                graph.insert(subject, property.predicate, .literal(value))
            }
        }
    }

    private func classify(_ tag: XMLStartTag) throws(Diagnostic) -> RDFXMLAttributes {
        try RDFXMLAttributes(tag, fail: { failure($0, at: tag.location) }, predicateFor: { name throws(Diagnostic) in
            try iri(of: name, at: tag.location)
        })
    }

    /// The scope of an element: its parent's, with its own `xml:base` and `xml:lang` applied.
    private func scope(of attributes: RDFXMLAttributes, inside parent: RDFXMLScope,
                       at location: SourceLocation) throws(Diagnostic) -> RDFXMLScope {
        var scope = parent
        if let base = attributes.base {
            scope.base = try resolve(base, scope: parent, at: location, what: "xml:base")
        }
        if let language = attributes.language {
            scope.language = language.isEmpty ? nil : language
        }
        return scope
    }

    /// The IRI of an element or attribute name: namespace URI followed by local name.
    private func iri(of name: XMLName, at location: SourceLocation) throws(Diagnostic) -> IRI {
        if let known = nameIRIs[name] { return known }
        guard let namespace = name.namespaceURI else {
            throw failure("<\(name.qualifiedName)> is in no namespace; RDF/XML needs namespace-qualified element names",
                          at: location)
        }
        do {
            let iri = try IRI(namespace + name.localName)
            nameIRIs[name] = iri
            return iri
        } catch {
            throw failure("the name '\(name.qualifiedName)' does not make an IRI: \(error.description)", at: location)
        }
    }

    /// Resolves an IRI reference against the scope's base (RFC 3986).
    private func resolve(_ reference: String, scope: RDFXMLScope, at location: SourceLocation,
                         what: String) throws(Diagnostic) -> IRI {
        do {
            if Self.isPlainAbsolute(reference) { return try IRI(reference) }
            if let base = scope.base { return try base.resolving(reference) }
            let absolute = try IRI(reference)
            return try absolute.resolving(reference)
        } catch {
            if scope.base == nil && !Self.hasScheme(reference) {
                throw failure("the relative IRI '\(reference)' in \(what) cannot be resolved: the document has no base IRI (set one, or use xml:base)",
                              at: location)
            }
            throw failure("\(what) is not a valid IRI: \(error.description)", at: location)
        }
    }

    /// The IRI that `rdf:ID` names (`#` + the ID, against the base), checked and recorded as used.
    private func idIRI(_ id: RDFXMLAttributes.Value, scope: RDFXMLScope, at location: SourceLocation) throws(Diagnostic) -> IRI {
        guard XMLCharacters.isNCName(id.value) else {
            throw failure("\(id.writtenName)=\"\(id.value)\" is not an XML NCName", at: location)
        }
        let iri = try resolve("#" + id.value, scope: scope, at: location, what: id.writtenName)
        guard usedIDs.insert(iri).inserted else {
            throw failure("\(id.writtenName)=\"\(id.value)\" is used twice: it gives <\(iri.value)> again", at: location)
        }
        return iri
    }

    private func blankNode(_ nodeID: RDFXMLAttributes.Value, at location: SourceLocation) throws(Diagnostic) -> BlankNode {
        guard XMLCharacters.isNCName(nodeID.value) else {
            throw failure("\(nodeID.writtenName)=\"\(nodeID.value)\" is not an XML NCName", at: location)
        }
        if let known = nodeIDs[nodeID.value] { return known }
        let node = blankNodes.fresh()
        nodeIDs[nodeID.value] = node
        return node
    }

    private func literal(_ text: String, datatype: RDFXMLAttributes.Value?, scope: RDFXMLScope,
                         at location: SourceLocation) throws(Diagnostic) -> Literal {
        if let datatype {
            let type = try resolve(datatype.value, scope: scope, at: location, what: datatype.writtenName)
            do {
                return try Literal(text, datatype: type)
            } catch {
                throw failure(error.description, at: location)
            }
        }
        guard let language = scope.language else { return Literal(text) }
        do {
            return try Literal(text, language: language)
        } catch {
            throw failure("xml:lang=\"\(language)\" is not a well-formed BCP 47 language tag", at: location)
        }
    }

    private func failure(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(code: "rdfxml-syntax", message: message, location: location)
    }

    private static func isWhitespace(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    /// The start of `text` (its first line, at most 40 characters), quoted, for messages.
    private static func quote(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        var trimmed = Substring(text.drop(while: isSpace))
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        let line = trimmed.prefix(while: { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        var shown = String(line.prefix(40))
        while let last = shown.last, isSpace(last) { shown.removeLast() }
        return "\"" + shown + (shown.count < trimmed.count ? "…" : "") + "\""
    }

    /// Where the first non-whitespace character of `text` is, given where the text starts.
    private static func skippingWhitespace(_ text: String, from location: SourceLocation) -> SourceLocation {
        var result = location
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                result.line += 1
                result.column = 1
            case " ", "\t", "\r":
                result.column += 1
            default:
                return result
            }
        }
        return result
    }

    /// Whether `reference` starts with a URI scheme (`letter *(letter / digit / + - .) :`).
    static func hasScheme(_ reference: String) -> Bool {
        var sawLetter = false
        for byte in reference.utf8 {
            if byte == UInt8(ascii: ":") { return sawLetter }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if !sawLetter {
                guard isLetter else { return false }
                sawLetter = true
                continue
            }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isLetter || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }

    /// An absolute reference with no dot segments resolves to itself: skip the resolver.
    private static func isPlainAbsolute(_ reference: String) -> Bool {
        guard hasScheme(reference) else { return false }
        var previous: UInt8 = 0
        for byte in reference.utf8 {
            if byte == UInt8(ascii: ".") && (previous == UInt8(ascii: "/") || previous == UInt8(ascii: ":")) { return false }
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            previous = byte
        }
        return true
    }
}
