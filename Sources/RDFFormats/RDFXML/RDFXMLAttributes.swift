import KnowledgeGraph
import XMLSupport

/// The attributes of one RDF/XML element, sorted into what the grammar does with them.
struct RDFXMLAttributes {
    /// An attribute with a value and the name it was written with (for messages).
    struct Value {
        let value: String
        let writtenName: String
    }

    var id: Value?
    var nodeID: Value?
    var about: Value?
    var resource: Value?
    var datatype: Value?
    var parseType: Value?
    /// Property attributes, in document order: predicate and literal value.
    var properties: [(predicate: IRI, value: String, writtenName: String)] = []
    /// `xml:base`, `xml:lang`.
    var base: String?
    var language: String?

    /// Names of the syntax attributes present, for messages ("rdf:resource").
    var syntaxAttributeNames: [String] {
        [id, nodeID, about, resource, datatype, parseType].compactMap { $0?.writtenName }
    }

    /// Sorts the attributes of `tag`, refusing the ones RDF/XML forbids.
    /// - Parameter predicateFor: the IRI of an attribute name (cached by the caller).
    init(_ tag: XMLStartTag, fail: (String) -> Diagnostic,
         predicateFor: (XMLName) throws(Diagnostic) -> IRI) throws(Diagnostic) {
        for attribute in tag.attributes {
            let name = attribute.name
            let written = name.qualifiedName
            if name.namespaceURI == Vocabulary.xmlNamespace {
                if name.localName == "base" {
                    base = attribute.value
                } else if name.localName == "lang" {
                    language = attribute.value
                }
                // Other xml: attributes (xml:space, …) carry nothing for RDF.
                continue
            }
            // Names beginning with "xml" are reserved by XML; RDF/XML ignores them.
            if let prefix = name.prefix, Self.startsWithXML(prefix) { continue }
            let rdfName: String?
            if let namespace = name.namespaceURI {
                rdfName = namespace == RDFXMLTerms.namespace ? name.localName : nil
            } else {
                if Self.startsWithXML(name.localName) { continue }
                guard RDFXMLTerms.unqualifiedAttributes.contains(name.localName) else {
                    throw fail("the attribute '\(written)' has no namespace; RDF/XML property attributes must be namespace-qualified")
                }
                rdfName = name.localName
            }
            let value = Value(value: attribute.value, writtenName: written)
            if let rdfName {
                switch rdfName {
                case "ID": try Self.set(&id, value, fail)
                case "nodeID": try Self.set(&nodeID, value, fail)
                case "about": try Self.set(&about, value, fail)
                case "resource": try Self.set(&resource, value, fail)
                case "datatype": try Self.set(&datatype, value, fail)
                case "parseType": try Self.set(&parseType, value, fail)
                case "type" where name.namespaceURI == nil:
                    properties.append((RDFXMLTerms.rdfType, attribute.value, written))
                case _ where RDFXMLTerms.old.contains(rdfName):
                    throw fail("'\(written)' is no longer part of RDF/XML (RDF 1.1 removed rdf:\(rdfName))")
                case RDFXMLTerms.listItem, RDFXMLTerms.description, "RDF":
                    throw fail("'\(written)' cannot be used as an attribute")
                default:
                    properties.append((try predicateFor(name), attribute.value, written))
                }
            } else {
                properties.append((try predicateFor(name), attribute.value, written))
            }
        }
    }

    private static func set(_ slot: inout Value?, _ value: Value, _ fail: (String) -> Diagnostic) throws(Diagnostic) {
        if let existing = slot {
            throw fail("the attributes '\(existing.writtenName)' and '\(value.writtenName)' mean the same; give only one")
        }
        slot = value
    }

    private static func startsWithXML(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 3 else { return false }
        var iterator = utf8.makeIterator()
        for expected in [UInt8(ascii: "x"), UInt8(ascii: "m"), UInt8(ascii: "l")] {
            guard let byte = iterator.next(), byte | 0x20 == expected else { return false }
        }
        return true
    }
}
