public import KnowledgeGraph

/// Turns an RDF graph into a labelled property graph, with or without the ontology's ``Schema``.
///
/// - Every IRI or blank node that is the subject or object of a triple becomes a node (events
///   and claims included); the classes that are only objects of `rdf:type` do not.
/// - Every triple whose object is an IRI or a blank node becomes an edge labelled by its property.
/// - `rdf:type` with an IRI object becomes the node's `labels` (`:Agent:Person`: local names of
///   the types, plus their super-classes when a schema is given, sorted), `labelV` (the most
///   specific type) and `types` (the full type IRIs).
/// - Every other literal-valued property becomes a node attribute: one key per property, and per
///   language for language-tagged literals (`label_et`), typed from the literals' datatypes
///   (`long`, `double`, `boolean`, else `string`). A property with several values on some node is
///   written as a JSON array of strings on every node.
///
/// The projection loses nothing: what it cannot carry (a character XML 1.0 forbids) is thrown as
/// an error naming the node and the property. The full rules are in <doc:Projection>.
public struct PropertyGraphProjection: Sendable {
    /// The ontology, for super-classes (in `labels`), the most specific type (`labelV`), node
    /// categories and property labels in key descriptions.
    public var schema: Schema?

    /// Node attribute names the projection uses itself.
    public static let reservedNodeAttributes = GraphMLConventions.reservedNodeAttributes
    /// Key ids the projection and the yEd style use (`ng` and `eg` are yEd's graphics keys).
    public static let reservedKeyIDs = GraphMLConventions.reservedKeyIDs
    /// The key ids of yEd's node and edge graphics.
    public static let yEdKeyIDs = GraphMLConventions.yEdKeyIDs

    public init(schema: Schema? = nil) {
        self.schema = schema
    }

    /// The prefixes names are made with: the graph's, then the schema's, then the standard and
    /// well-known ones (``PrefixMap/wellKnown``).
    public func prefixes(for graph: Graph) -> PrefixMap {
        var map = graph.prefixes
        for entry in (schema?.prefixes.entries ?? []) + PrefixMap.wellKnown.entries {
            map.add(prefix: entry.prefix, namespace: entry.namespace)
        }
        return map
    }

    /// Projects `graph`.
    /// - Throws: ``WriteError/unrepresentable(_:)`` when a literal or IRI holds a character XML 1.0
    ///   forbids (a control character), naming the node and the property.
    public func project(_ graph: Graph) throws(WriteError) -> PropertyGraph {
        let prefixes = prefixes(for: graph)
        // One pass in insertion order; order comes later from ranks of the distinct terms,
        // which is much cheaper than sorting every triple by its strings.
        var gathered = Gathered()
        var refused: (triple: Triple, error: WriteError)?
        for triple in graph.triples {
            do {
                try GraphMLConventions.checkCharacters(triple)
            } catch {
                // Report the first refused triple in sorted order, whatever the input order.
                if refused.map({ triple < $0.triple }) ?? true { refused = (triple, error) }
            }
            gathered.add(triple)
        }
        if let refused { throw refused.error }
        var notes: [Diagnostic] = []
        let nodeTerms = gathered.resources.sorted()
        let nodeRanks = Dictionary(uniqueKeysWithValues: nodeTerms.enumerated().map { ($1, $0) })
        let links = Self.sorted(gathered.links, nodeRanks: nodeRanks)
        let nodeIDs = Self.nodeIDs(for: nodeTerms, prefixes: prefixes)
        let classInfo = classes(of: nodeTerms, types: gathered.types)
        let edgeLabels = Self.edgeLabels(for: links.map(\.predicate), prefixes: prefixes)
        let attributes = attributeKeys(for: gathered.literals, in: nodeTerms, prefixes: prefixes, notes: &notes)
        let attributeIndex = Dictionary(uniqueKeysWithValues: attributes.enumerated().map { ($1.group, $0) })
        let reserved = GraphMLConventions.reservedNodeKeys(
            anyIRINode: nodeTerms.contains { $0.iri != nil }, typed: !gathered.types.isEmpty,
            typeList: gathered.types.values.contains { $0.count > 1 })
        let nodeKeys = reserved + attributes.map(\.key)
        let labelOrder = Self.labelOrder(for: Set(attributes.map(\.group.predicate)))

        var nodes: [PropertyGraphNode] = []
        nodes.reserveCapacity(nodeTerms.count)
        for term in nodeTerms {
            guard let id = nodeIDs[term] else { continue }
            let types = (gathered.types[term] ?? []).sorted()
            let literals = gathered.literals[term] ?? [:]
            let untypedCategory: NodeCategory = literals.isEmpty ? .reference : .other
            let info = classInfo[term] ?? NodeClasses(labels: [], vertexLabel: nil, category: untypedCategory)
            var values: [AttributeValue] = []
            for key in reserved {
                switch key.id {
                case GraphMLConventions.KeyID.labels where !info.labels.isEmpty:
                    values.append(AttributeValue(key: key.id, text: GraphMLConventions.labelsText(info.labels)))
                case GraphMLConventions.KeyID.vertexLabel:
                    if let vertexLabel = info.vertexLabel { values.append(AttributeValue(key: key.id, text: vertexLabel)) }
                case GraphMLConventions.KeyID.iri:
                    if let iri = term.iri { values.append(AttributeValue(key: key.id, text: iri.value)) }
                case GraphMLConventions.KeyID.types where !types.isEmpty:
                    values.append(AttributeValue(key: key.id, text: GraphMLConventions.typesText(types, asList: key.isList)))
                default:
                    break
                }
            }
            // This node's literals by key, then in key order.
            var byKey: [Int: [Literal]] = [:]
            for (predicate, list) in literals {
                for literal in list {
                    if let index = attributeIndex[LiteralGroup(predicate, literal)] { byKey[index, default: []].append(literal) }
                }
            }
            for index in byKey.keys.sorted() {
                guard let group = byKey[index] else { continue }
                values.append(AttributeValue(key: attributes[index].key.id, text: attributes[index].text(of: group.sorted())))
            }
            nodes.append(PropertyGraphNode(
                id: id, term: term,
                displayLabel: Self.displayLabel(of: term, literals: literals, labelOrder: labelOrder, prefixes: prefixes),
                category: info.category, labels: info.labels, vertexLabel: info.vertexLabel, values: values))
        }

        var edges: [PropertyGraphEdge] = []
        edges.reserveCapacity(links.count)
        for (index, triple) in links.enumerated() {
            guard let source = nodeIDs[triple.subject], let target = nodeIDs[triple.object],
                  let label = edgeLabels[triple.predicate] else { continue }
            edges.append(PropertyGraphEdge(
                id: "e\(index + 1)", source: source, target: target, label: label, predicate: triple.predicate,
                values: [AttributeValue(key: GraphMLConventions.KeyID.edgeLabel, text: label),
                         AttributeValue(key: GraphMLConventions.KeyID.tinkerPopEdgeLabel, text: label),
                         AttributeValue(key: GraphMLConventions.KeyID.predicate, text: triple.predicate.value)]))
        }
        let edgeKeys = edges.isEmpty ? [] : GraphMLConventions.edgeKeys
        return PropertyGraph(nodeKeys: nodeKeys, edgeKeys: edgeKeys, nodes: nodes, edges: edges, notes: notes)
    }

    /// `links` in `Triple` order (subject, predicate, object), sorted by the ranks of their terms.
    static func sorted(_ links: [Triple], nodeRanks: [Term: Int]) -> [Triple] {
        let predicates = Set(links.map(\.predicate)).sorted()
        let predicateRanks = Dictionary(uniqueKeysWithValues: predicates.enumerated().map { ($1, $0) })
        let keyed = links.map { triple in
            (subject: nodeRanks[triple.subject] ?? 0, predicate: predicateRanks[triple.predicate] ?? 0,
             object: nodeRanks[triple.object] ?? 0, triple: triple)
        }
        return keyed.sorted { left, right in
            (left.subject, left.predicate, left.object) < (right.subject, right.predicate, right.object)
        }.map(\.triple)
    }

    // MARK: - Gathering

    /// The triples sorted into what the projection needs.
    private struct Gathered {
        var resources: Set<Term> = []
        var types: [Term: Set<IRI>] = [:]
        /// Literal values by subject and property, in input order.
        var literals: [Term: [IRI: [Literal]]] = [:]
        /// Triples that become edges, in input order.
        var links: [Triple] = []

        mutating func add(_ triple: Triple) {
            resources.insert(triple.subject)
            switch triple.object {
            case .literal(let literal):
                literals[triple.subject, default: [:]][triple.predicate, default: []].append(literal)
            case .iri(let type) where triple.predicate == Vocabulary.rdfType:
                types[triple.subject, default: []].insert(type)
            case .iri, .blank:
                resources.insert(triple.object)
                links.append(triple)
            }
        }
    }

    // MARK: - Node ids

    /// Node ids: the local name, else (when two nodes share it) the prefixed name, else a token
    /// of the whole IRI; blank nodes `_:b1`, `_:b2`, … in sorted order. A candidate two nodes
    /// want goes to neither. Local names first keep ids the same whichever prefixes the input
    /// syntax happened to declare.
    static func nodeIDs(for terms: [Term], prefixes: PrefixMap) -> [Term: String] {
        var blankCount = 0
        let candidates: [[String]] = terms.map { term in
            switch term {
            case .iri(let iri):
                var list = [Naming.localToken(of: iri)]
                if let name = Naming.prefixedName(of: iri, in: prefixes) { list.append("\(name.prefix):\(name.local)") }
                list.append(Naming.token(iri.value, keepingColons: true))
                return list
            case .blank, .literal:
                blankCount += 1
                return ["_:b\(blankCount)"]
            }
        }
        var namer = UniqueNamer()
        return Dictionary(uniqueKeysWithValues: zip(terms, namer.assign(candidates)))
    }

    // MARK: - Classes

    /// What a node's types give it: label names, the most specific type, the category.
    struct NodeClasses {
        var labels: [String]
        var vertexLabel: String?
        var category: NodeCategory
    }

    /// Classes that are too general to be a label.
    static let generalClasses: Set<IRI> = [
        Vocabulary.owlThing, Vocabulary.rdfsResource,
    ]

    func classes(of terms: [Term], types: [Term: Set<IRI>]) -> [Term: NodeClasses] {
        var result: [Term: NodeClasses] = [:]
        for term in terms {
            let asserted = (types[term] ?? []).sorted()
            guard !asserted.isEmpty else { continue }
            var closure = Set(asserted)
            if let schema {
                for type in asserted { closure.formUnion(schema.superClassClosure(of: type)) }
            }
            closure.subtract(Self.generalClasses.subtracting(asserted))
            let labels = GraphMLConventions.labels(of: closure)
            result[term] = NodeClasses(labels: labels, vertexLabel: mostSpecific(of: asserted).map(Naming.localToken),
                                       category: NodeCategory.of(classes: closure))
        }
        return result
    }

    /// The asserted type that no other asserted type specialises; among several, the deepest in
    /// the schema's hierarchy, then the first by name.
    func mostSpecific(of asserted: [IRI]) -> IRI? {
        guard let schema else { return GraphMLConventions.firstByLocalName(asserted) }
        let closures = Dictionary(uniqueKeysWithValues: asserted.map { ($0, schema.superClassClosure(of: $0)) })
        let specific = asserted.filter { type in
            !asserted.contains { other in other != type && closures[other]?.contains(type) == true }
        }
        return specific.min { left, right in
            let depths = (closures[left]?.count ?? 0, closures[right]?.count ?? 0)
            if depths.0 != depths.1 { return depths.0 > depths.1 }
            let names = (Naming.localToken(of: left), Naming.localToken(of: right))
            if names.0 != names.1 { return names.0.utf8.lexicographicallyPrecedes(names.1.utf8) }
            return left < right
        }
    }

    // MARK: - Edges

    /// Each predicate's edge label: its local name, else (when two predicates share it) the
    /// prefix-qualified name, else the whole IRI as a token.
    static func edgeLabels(for predicates: some Sequence<IRI>, prefixes: PrefixMap) -> [IRI: String] {
        let predicates = Set(predicates).sorted()
        var namer = UniqueNamer()
        let names = namer.assign(predicates.map { predicate in
            [Naming.localToken(of: predicate), Naming.qualifiedToken(of: predicate, in: prefixes), Naming.token(predicate.value)]
        })
        return Dictionary(uniqueKeysWithValues: zip(predicates, names))
    }

    // MARK: - Literal keys

    /// Which literals one attribute key holds: one property, and one language or one datatype.
    struct LiteralGroup: Hashable, Comparable {
        var predicate: IRI
        /// Lowercased language tag (tags compare case-insensitively), or nil.
        var language: String?
        /// The datatype, for untagged literals.
        var datatype: IRI?

        init(_ predicate: IRI, datatype: IRI) {
            self.predicate = predicate
            self.datatype = datatype
        }

        init(_ predicate: IRI, _ literal: Literal) {
            self.predicate = predicate
            if let language = literal.language {
                self.language = language.lowercased()
            } else {
                self.datatype = literal.datatype
            }
        }

        func contains(_ literal: Literal) -> Bool {
            if let language { return literal.language?.lowercased() == language }
            return literal.language == nil && literal.datatype == datatype
        }

        static func < (lhs: LiteralGroup, rhs: LiteralGroup) -> Bool {
            if lhs.predicate != rhs.predicate { return lhs.predicate < rhs.predicate }
            if lhs.language != rhs.language {
                return (lhs.language ?? "").utf8.lexicographicallyPrecedes((rhs.language ?? "").utf8)
            }
            return (lhs.datatype?.value ?? "").utf8.lexicographicallyPrecedes((rhs.datatype?.value ?? "").utf8)
        }
    }

    /// A node attribute made from literals.
    struct LiteralAttribute {
        var group: LiteralGroup
        var key: AttributeKey

        /// The value for one node's literals of this group (sorted, at least one).
        func text(of literals: [Literal]) -> String {
            if key.isList { return GraphMLConventions.jsonArray(literals.map(\.lexicalForm)) }
            return LiteralTyping.text(of: literals[0], as: key.type) ?? literals[0].lexicalForm
        }
    }

    func attributeKeys(for literals: [Term: [IRI: [Literal]]], in nodeTerms: [Term], prefixes: PrefixMap,
                       notes: inout [Diagnostic]) -> [LiteralAttribute] {
        // Which groups exist, how many literals each has, and whether some node has several.
        var counts: [LiteralGroup: Int] = [:]
        var multiValued: Set<LiteralGroup> = []
        var members: [LiteralGroup: [Literal]] = [:]
        for subject in nodeTerms {
            for (predicate, values) in (literals[subject] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var perNode: [LiteralGroup: Int] = [:]
                for literal in values {
                    let group = LiteralGroup(predicate, literal)
                    perNode[group, default: 0] += 1
                    counts[group, default: 0] += 1
                    members[group, default: []].append(literal)
                }
                for (group, count) in perNode where count > 1 { multiValued.insert(group) }
            }
        }
        let groups = counts.keys.sorted()
        let naming = attributeNaming(groups: groups, counts: counts, prefixes: prefixes)
        var types: [LiteralGroup: AttributeKey.ValueType] = [:]
        for (index, group) in groups.enumerated() {
            let values = members[group] ?? []
            var type = group.datatype.map(LiteralTyping.preferredType) ?? .string
            if type != .string, let bad = values.filter({ LiteralTyping.text(of: $0, as: type) == nil }).min() {
                notes.append(Diagnostic(
                    .warning, code: "attribute-as-text",
                    message: "the value \"\(bad.lexicalForm)\" does not fit GraphML's \(type.rawValue) type unchanged, "
                        + "so the attribute '\(naming.names[index])' is written as text",
                    subject: "property <\(group.predicate.value)>"))
                type = .string
            }
            types[group] = type
        }
        return attributeKeys(groups: groups, naming: naming, multiValued: multiValued, types: types, prefixes: prefixes)
    }

    /// The attribute name and key id of each group (`groups` sorted), by the projection's rules:
    /// local name, then prefix-qualified, then the whole IRI as a token, with a language or
    /// (for other than the property's primary datatype) datatype suffix.
    func attributeNaming(groups: [LiteralGroup], counts: [LiteralGroup: Int], prefixes: PrefixMap) -> (names: [String], ids: [String]) {
        // The primary datatype of each property keeps the plain name; other datatypes get a suffix.
        // Primary: the schema's range when literals have it, else the most used, else the first.
        var datatypes: [IRI: [IRI]] = [:]
        for group in groups where group.language == nil {
            if let datatype = group.datatype { datatypes[group.predicate, default: []].append(datatype) }
        }
        var primary: [IRI: IRI] = [:]
        for (predicate, candidates) in datatypes {
            let range = schema?.properties[predicate]?.ranges ?? []
            primary[predicate] = candidates.first(where: range.contains) ?? candidates.max { left, right in
                let (l, r) = (counts[LiteralGroup(predicate, datatype: left)] ?? 0, counts[LiteralGroup(predicate, datatype: right)] ?? 0)
                return l != r ? l < r : right < left
            }
        }
        func suffix(_ group: LiteralGroup) -> String {
            if let language = group.language { return "_" + Naming.token(language) }
            if let datatype = group.datatype, datatype != primary[group.predicate] { return "_" + Naming.localToken(of: datatype) }
            return ""
        }
        var nameNamer = UniqueNamer(reserved: Self.reservedNodeAttributes)
        let names = nameNamer.assign(groups.map { group in
            let end = suffix(group)
            return [Naming.localToken(of: group.predicate) + end, Naming.qualifiedToken(of: group.predicate, in: prefixes) + end,
                    Naming.token(group.predicate.value) + end]
        })
        var idNamer = UniqueNamer(reserved: Self.reservedKeyIDs)
        let ids = idNamer.assign(zip(groups, names).map { group, name in
            let end = suffix(group)
            return [name, Naming.qualifiedToken(of: group.predicate, in: prefixes) + end, Naming.token(group.predicate.value) + end]
        })
        return (names, ids)
    }

    /// The attribute keys of the groups (`groups` sorted, named by ``attributeNaming``), given
    /// which groups are lists and each group's GraphML type after checking its values; sorted
    /// by name.
    func attributeKeys(groups: [LiteralGroup], naming: (names: [String], ids: [String]), multiValued: Set<LiteralGroup>,
                       types: [LiteralGroup: AttributeKey.ValueType], prefixes: PrefixMap) -> [LiteralAttribute] {
        var attributes: [LiteralAttribute] = []
        for (index, group) in groups.enumerated() {
            let isList = multiValued.contains(group)
            let type = types[group] ?? .string
            attributes.append(LiteralAttribute(group: group, key: AttributeKey(
                id: naming.ids[index], name: naming.names[index], domain: .node, type: isList ? .string : type, isList: isList,
                summary: summary(of: group, type: type, isList: isList, prefixes: prefixes),
                property: group.predicate, language: group.language, datatype: group.datatype)))
        }
        return attributes.sorted { $0.key.name.utf8.lexicographicallyPrecedes($1.key.name.utf8) }
    }

    func summary(of group: LiteralGroup, type: AttributeKey.ValueType, isList: Bool, prefixes: PrefixMap) -> String {
        var text = "<\(group.predicate.value)>"
        if let label = schema?.properties[group.predicate]?.label { text += " (\(label))" }
        if let language = group.language {
            text += ": text in language '\(language)'"
        } else if let datatype = group.datatype {
            text += ": " + LiteralTyping.describe(datatype, as: type, prefixes: prefixes)
        }
        if isList { text += "; as a JSON array of the lexical forms, sorted, because some node has several values" }
        return text
    }

    // MARK: - Display labels

    static let labelProperties: [IRI] = [
        Vocabulary.skosPrefLabel, Vocabulary.rdfsLabel,
        IRI(unchecked: "http://schema.org/name"), IRI(unchecked: "https://schema.org/name"),
        IRI(unchecked: "http://xmlns.com/foaf/0.1/name"), IRI(unchecked: "http://purl.org/dc/terms/title"),
    ]

    /// Local names that mark a property of any vocabulary as a name, tried after ``labelProperties``.
    static let labelLocalNames = ["prefLabel", "label", "name", "title"]

    /// The properties a display label is looked for in, in order: ``labelProperties``, then the
    /// graph's other literal-valued properties with a name-like local name.
    static func labelOrder(for predicates: Set<IRI>) -> [IRI] {
        let others = labelLocalNames.flatMap { local in
            predicates.filter { Naming.localName(of: $0) == local && !labelProperties.contains($0) }.sorted()
        }
        return labelProperties + others
    }

    /// The preferred label (untagged, then English, then the first language) among the
    /// properties of `labelOrder`, else a short form of the IRI.
    static func displayLabel(of term: Term, literals: [IRI: [Literal]], labelOrder: [IRI], prefixes: PrefixMap) -> String {
        for property in labelOrder {
            let values = literals[property] ?? []
            let chosen = values.first { $0.language == nil }
                ?? values.first { $0.language?.lowercased().hasPrefix("en") == true }
                ?? values.first
            if let chosen, !chosen.lexicalForm.isEmpty { return chosen.lexicalForm }
        }
        switch term {
        case .iri(let iri):
            if let name = Naming.prefixedName(of: iri, in: prefixes) { return "\(name.prefix):\(name.local)" }
            let local = Naming.localName(of: iri)
            return local.isEmpty ? iri.value : String(local)
        case .blank: return "(blank node)"
        case .literal(let literal): return literal.lexicalForm
        }
    }
}
