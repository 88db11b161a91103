import KnowledgeGraph
import XMLSupport

/// The GraphML rules a property graph must meet before a single byte is written.
///
/// The projection always meets them; the checks guard graphs built or changed by hand, so the
/// writer never produces a document that readers reject.
enum GraphMLChecks {
    static func check(_ graph: PropertyGraph) throws(WriteError) {
        var keyIDs: [String: AttributeKey] = [:]
        var names: Set<String> = []
        for key in graph.keys {
            guard isNMToken(key.id), isNMToken(key.name) else {
                throw refusal("key '\(key.id)'", "the key id and attr.name must be NMTOKENs (no spaces, no punctuation)")
            }
            guard !GraphMLConventions.yEdKeyIDs.contains(key.id) else {
                throw refusal("key '\(key.id)'", "the key id is kept for yEd's graphics")
            }
            guard keyIDs.updateValue(key, forKey: key.id) == nil else {
                throw refusal("key '\(key.id)'", "two keys have this id")
            }
            guard key.name != "id" else { throw refusal("key '\(key.id)'", "attr.name=\"id\" is refused (igraph replaces it)") }
            guard names.insert("\(key.domain.rawValue) \(key.name)").inserted else {
                throw refusal("key '\(key.id)'", "two \(key.domain.rawValue) keys have the attr.name '\(key.name)'")
            }
            try checkText(key.summary, "key '\(key.id)'", "description")
        }
        var nodeIDs: Set<String> = []
        for node in graph.nodes {
            guard isNMToken(node.id) else { throw refusal("node '\(node.id)'", "the node id must be an NMTOKEN") }
            guard nodeIDs.insert(node.id).inserted else { throw refusal("node '\(node.id)'", "two nodes have this id") }
            try checkValues(node.values, domain: .node, element: "node '\(node.id)'", keys: keyIDs)
            try checkText(node.displayLabel, "node '\(node.id)'", "display label")
        }
        var edgeIDs: Set<String> = []
        for edge in graph.edges {
            let element = "edge '\(edge.id)'"
            guard isNMToken(edge.id) else { throw refusal(element, "the edge id must be an NMTOKEN") }
            guard edgeIDs.insert(edge.id).inserted else { throw refusal(element, "two edges have this id") }
            guard nodeIDs.contains(edge.source), nodeIDs.contains(edge.target) else {
                throw refusal(element, "its source '\(edge.source)' or target '\(edge.target)' is not a node")
            }
            try checkValues(edge.values, domain: .edge, element: element, keys: keyIDs)
        }
    }

    private static func checkValues(_ values: [AttributeValue], domain: AttributeKey.Domain, element: String,
                                    keys: [String: AttributeKey]) throws(WriteError) {
        var seen: Set<String> = []
        for value in values {
            guard let key = keys[value.key], key.domain == domain else {
                throw refusal(element, "it has a value for '\(value.key)', which is not a declared \(domain.rawValue) key")
            }
            guard seen.insert(value.key).inserted else { throw refusal(element, "it has two values for '\(value.key)'") }
            try checkText(value.text, element, "property '\(key.name)'")
        }
    }

    private static func checkText(_ text: String, _ element: String, _ what: String) throws(WriteError) {
        if let scalar = XMLCharacters.firstForbidden(in: text) {
            throw refusal("\(element), \(what)",
                          "the value contains the control character \(XMLCharacters.describe(scalar)), which XML 1.0 forbids")
        }
    }

    static func isNMToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { XMLCharacters.isNameChar($0) || $0 == ":" }
    }

    private static func refusal(_ subject: String, _ message: String) -> WriteError {
        .unrepresentable(Diagnostic(code: "graphml", message: message, subject: subject))
    }
}
