public import KnowledgeGraph

/// The family of classes a node belongs to, which decides its colour and shape in diagrams.
///
/// A node's category is found from the local names of its types and (with a schema) their
/// super-classes, trying the categories in the order of ``allCases``; the first that matches
/// wins, so a country that is also a place is a ``state``. Names compare case-insensitively, so
/// `schema:Person`, `foaf:Person` and `ng:Person` are all people.
public enum NodeCategory: String, CaseIterable, Hashable, Sendable {
    case claim
    case event
    case tenure
    case post
    case article
    case person
    case state
    case organisation
    case place
    case equipment
    case time
    case concept
    /// A node with no type and no attribute: a link to something described elsewhere
    /// (an `owl:sameAs` Wikidata item, say). Found by the projection, never by class names.
    case reference
    case other

    /// The class local names (lowercased) that put a node in this category.
    public var classNames: Set<String> {
        switch self {
        case .claim: return ["claim", "quotation", "quote", "target", "spendingtarget", "count"]
        case .event: return ["event"]
        case .tenure: return ["membership", "tenure", "positionheld"]
        case .post: return ["post", "office", "position", "role"]
        case .article: return ["newsarticle", "article", "creativework", "document", "webpage", "report"]
        case .person: return ["person"]
        case .state: return ["country", "state", "sovereignstate", "nation"]
        case .organisation: return ["organization", "organisation", "governmentorganization", "politicalparty",
                                    "party", "formalorganization"]
        case .place: return ["place", "city", "location", "settlement", "spatialthing"]
        case .equipment: return ["equipment", "equipmentsystemtype", "weaponsystem", "system", "product", "productmodel",
                                 "militaryunit", "unit"]
        case .time: return ["temporalentity", "interval", "properinterval", "instant", "timeinterval"]
        case .concept: return ["concept", "conceptscheme", "status"]
        case .reference, .other: return []
        }
    }

    /// A title for legends: "Person", "State", ….
    public var title: String {
        switch self {
        case .claim: return "Claim / quotation"
        case .event: return "Event"
        case .tenure: return "Tenure"
        case .post: return "Post"
        case .article: return "Article"
        case .person: return "Person"
        case .state: return "State"
        case .organisation: return "Organisation"
        case .place: return "Place"
        case .equipment: return "Equipment"
        case .time: return "Time"
        case .concept: return "Concept"
        case .reference: return "External link"
        case .other: return "Other"
        }
    }

    /// The category of a node whose types (with super-classes) are `classes`.
    public static func of(classes: some Sequence<IRI>) -> NodeCategory {
        let names = Set(classes.map { Naming.localName(of: $0).lowercased() })
        return allCases.first { !$0.classNames.isDisjoint(with: names) } ?? .other
    }

    /// The colours and shapes diagrams use for this category.
    public var style: NodeStyle { NodeStyle.palette[self] ?? NodeStyle.fallback }
}
