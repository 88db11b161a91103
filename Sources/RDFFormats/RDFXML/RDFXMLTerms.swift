import KnowledgeGraph

/// The names of the RDF namespace that the RDF/XML grammar reserves (RDF 1.1 XML Syntax, section 7.2.2).
enum RDFXMLTerms {
    static let namespace = Vocabulary.rdfNamespace

    /// `coreSyntaxTerms`: structure, never a node, property element or property attribute name.
    static let coreSyntax: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
    /// `oldTerms`: removed from the language; always an error.
    static let old: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]

    /// Unprefixed attributes that RDF/XML still reads as `rdf:` ones, for old documents.
    static let unqualifiedAttributes: Set<String> = ["ID", "about", "resource", "parseType", "type"]

    static let description = "Description"
    static let listItem = "li"

    static let rdfType = Vocabulary.rdfType
    static let xmlLiteral = Vocabulary.rdfXMLLiteral

    /// `rdf:_n`, the n-th container membership property.
    static func member(_ index: Int) -> IRI {
        IRI(unchecked: namespace + "_\(index)")
    }
}
