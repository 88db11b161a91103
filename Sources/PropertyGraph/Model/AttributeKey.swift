public import KnowledgeGraph

/// One attribute of a property graph's nodes or edges: a GraphML `<key>`, a DOT attribute.
///
/// An attribute holds at most one value per element. Values come from literals of one property,
/// and, for properties with language-tagged literals, of one language (see <doc:Projection>).
public struct AttributeKey: Hashable, Sendable {
    /// Which elements an attribute belongs to.
    public enum Domain: String, Hashable, Sendable {
        case node, edge
    }

    /// The value types GraphML's `attr.type` allows and kgexport uses.
    public enum ValueType: String, Hashable, Sendable {
        case boolean, long, double, string
    }

    /// The key id (`<key id>`, `<data key>`): unique in the document, an NMTOKEN.
    public let id: String
    /// The attribute's name (`attr.name`): unique within its domain, an NMTOKEN, never `id`.
    public let name: String
    public let domain: Domain
    public let type: ValueType
    /// Whether every value is a JSON array of strings (the property has several values on some element).
    public let isList: Bool
    /// What the attribute holds, for the key's `<desc>`.
    public let summary: String
    /// The RDF property the values come from; nil for the attributes the projection adds
    /// (`labels`, `labelV`, `iri`, `label`, `labelE`, `predicate`).
    public let property: IRI?
    /// The language of the values, for a key that holds one language of a property.
    public let language: String?
    /// The datatype of the values, for a key that holds literals of one property and datatype.
    public let datatype: IRI?

    public init(id: String, name: String, domain: Domain, type: ValueType, isList: Bool = false, summary: String,
                property: IRI? = nil, language: String? = nil, datatype: IRI? = nil) {
        self.id = id
        self.name = name
        self.domain = domain
        self.type = type
        self.isList = isList
        self.summary = summary
        self.property = property
        self.language = language
        self.datatype = datatype
    }
}
