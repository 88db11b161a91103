public import KnowledgeGraph

/// Writes a graph as Turtle for people to read, exactly re-readable as the same graph.
///
/// Layout: `@prefix` lines for the prefixes used (sorted by prefix), then one block per subject
/// in sorted order, predicates joined by `;` (`a` for `rdf:type`, first), objects by `,`.
/// IRIs are prefixed names where a prefix's namespace is followed by a valid `PN_LOCAL`
/// (without backslash escapes), otherwise `<full IRIs>`; namespaces of predicates and classes
/// that no given prefix covers get `ns1`, `ns2`, … as in ``RDFXMLWriter``. Blank nodes are `_:b1`, `_:b2`, …,
/// generated from the graph's content. Integers, decimals and booleans are written bare only
/// when their lexical form is canonical (so they read back with the same lexical form);
/// strings with line feeds use `"""…"""`; control characters are `\uXXXX` escapes.
///
/// Refused (``WriteError/unrepresentable(_:)``): what ``NTriplesWriter`` refuses.
public struct TurtleWriter: GraphSerializer {
    /// Prefixes to use; nil means the graph's own ``Graph/prefixes``. `rdf`, `rdfs`, `xsd` and
    /// `owl` are added when missing. Only prefixes that the output uses are declared.
    public var prefixes: PrefixMap?

    public init(prefixes: PrefixMap? = nil) {
        self.prefixes = prefixes
    }

    public func write(_ graph: Graph, to sink: some ByteSink) throws(WriteError) {
        try TermChecks.checkEveryTriple(of: graph, format: "Turtle")
        let terms = graph.termStore, table = graph.tripleTable
        var map = prefixes ?? graph.prefixes
        for entry in PrefixMap.standard.entries { map.add(prefix: entry.prefix, namespace: entry.namespace) }
        Self.addGeneratedPrefixes(for: graph, to: &map)
        var names = TurtleNames(map)

        // The order of the blocks (on ids), and each triple made only when needed: once per
        // new combination of roles for noting the prefixes used, once when written.
        let layout = CanonicalLayout(graph)
        func relabelled(_ id: TermID) -> Term {
            terms.kind(id) == .blank ? .blank(BlankNode(String(decoding: layout.blankLabel(id), as: UTF8.self))) : terms.term(id)
        }
        func triple(_ index: Int) -> Triple {
            Triple(subject: relabelled(table.subject(index)), predicate: terms.iri(table.predicate(index)),
                   object: relabelled(table.object(index)))
        }
        var noted = [UInt8](repeating: 0, count: terms.count)  // bit 0 as subject, 1 as predicate, 2 as object
        for position in layout.order {
            let index = Int(position)
            let s = TermStore.index(table.subject(index)), p = TermStore.index(table.predicate(index))
            let o = TermStore.index(table.object(index))
            guard noted[s] & 1 == 0 || noted[p] & 2 == 0 || noted[o] & 4 == 0 else { continue }
            names.noteUses(in: triple(index))
            noted[s] |= 1
            noted[p] |= 2
            noted[o] |= 4
        }
        noted = []

        var output = ""
        do {
            for entry in names.declarations {
                output += "@prefix \(entry.prefix): <\(entry.namespace)> .\n"
            }
            var separate = !output.isEmpty
            for group in 0..<layout.subjects.count {
                if separate { output += "\n" }
                separate = true
                let triples = (layout.groupStarts[group]..<layout.groupStarts[group + 1]).map { triple(Int(layout.order[$0])) }
                output += block(SubjectDescription(subject: relabelled(layout.subjects[group]), triples: triples), names)
                if output.utf8.count >= 1 << 16 {
                    try sink.write(output)
                    output = ""
                }
            }
            try sink.write(output)
        } catch {
            throw .output(error)
        }
    }

    /// Adds `ns1`, `ns2`, … (in the sorted order of the namespaces, skipping taken names) for
    /// the namespaces of predicates and classes that no prefix of `map` covers, split as in
    /// RDF/XML, so that vocabulary terms read as prefixed names.
    static func addGeneratedPrefixes(for graph: Graph, to map: inout PrefixMap) {
        let covering = TurtleNames(map)
        var namespaces: Set<String> = []
        // Predicates and the classes of rdf:type: each distinct one once.
        let terms = graph.termStore, table = graph.tripleTable
        let rdfType = terms.find(.iri, Vocabulary.rdfType.value)
        var seen = Set<TermID>()
        var candidates: [IRI] = []
        for index in 0..<table.count {
            let p = table.predicate(index), o = table.object(index)
            if seen.insert(p).inserted { candidates.append(terms.iri(p)) }
            if p == rdfType, terms.kind(o) == .iri, seen.insert(o).inserted { candidates.append(terms.iri(o)) }
        }
        for iri in candidates where !covering.hasPrefixedName(iri) {
            if let split = XMLQualifiedNames.naturalSplit(iri.value), TurtleSyntax.isLocalName(split.localName) {
                namespaces.insert(split.namespace)
            }
        }
        for generated in XMLQualifiedNames.generatedPrefixes(for: namespaces, avoiding: Set(map.entries.map(\.prefix))) {
            map.add(prefix: generated.prefix, namespace: generated.namespace)
        }
    }

    /// One subject with all its predicates and objects, ending with ` .` and a line feed.
    private func block(_ description: SubjectDescription, _ names: TurtleNames) -> String {
        var groups: [(predicate: IRI, objects: [Term])] = []
        for triple in description.triples {
            if let last = groups.indices.last, groups[last].predicate == triple.predicate {
                groups[last].objects.append(triple.object)
            } else {
                groups.append((triple.predicate, [triple.object]))
            }
        }
        // `a` first, as people expect; the rest stay in sorted order.
        if let typeIndex = groups.firstIndex(where: { $0.predicate == Vocabulary.rdfType }), typeIndex > 0 {
            groups.insert(groups.remove(at: typeIndex), at: 0)
        }
        var text = names.term(description.subject)
        for (index, group) in groups.enumerated() {
            text += index == 0 ? " " : " ;\n    "
            text += group.predicate == Vocabulary.rdfType ? "a" : names.iri(group.predicate)
            text += " "
            text += group.objects.map(names.term).joined(separator: ", ")
        }
        return text + " .\n"
    }
}

/// Prefixed names for one Turtle document.
struct TurtleNames {
    private let entries: [(prefix: String, namespace: String)]
    private var used: Set<String> = []

    init(_ map: PrefixMap) {
        entries = map.entries.filter { TurtleSyntax.isPrefix($0.prefix) && (try? IRI.check($0.namespace)) != nil }
            .sorted { $0.namespace.utf8.count > $1.namespace.utf8.count }
    }

    /// The prefix and local name for `iri`, using the longest namespace that fits.
    private func prefixed(_ iri: IRI) -> (prefix: String, local: Substring)? {
        for entry in entries where iri.value.hasPrefix(entry.namespace) {
            let local = iri.value.dropFirst(entry.namespace.count)
            if TurtleSyntax.isLocalName(String(local)) { return (entry.prefix, local) }
        }
        return nil
    }

    /// Whether some prefix can spell `iri`.
    func hasPrefixedName(_ iri: IRI) -> Bool { prefixed(iri) != nil }

    /// Marks the prefixes that the triple's terms will be written with.
    mutating func noteUses(in triple: Triple) {
        var iris = [triple.predicate]
        if let iri = triple.subject.iri { iris.append(iri) }
        switch triple.object {
        case .iri(let iri): iris.append(iri)
        case .literal(let literal) where literal.language == nil && literal.datatype != Vocabulary.xsdString
            && TurtleSyntax.shortForm(literal) == nil:
            iris.append(literal.datatype)
        default: break
        }
        for iri in iris where !(iri == triple.predicate && iri == Vocabulary.rdfType) {
            if let name = prefixed(iri) { used.insert(name.prefix) }
        }
    }

    /// The prefixes used, sorted.
    var declarations: [(prefix: String, namespace: String)] {
        entries.filter { used.contains($0.prefix) }.sorted { $0.prefix.utf8.lexicographicallyPrecedes($1.prefix.utf8) }
    }

    func iri(_ iri: IRI) -> String {
        if let name = prefixed(iri), used.contains(name.prefix) { return name.prefix + ":" + name.local }
        return NTriplesSyntax.iri(iri)
    }

    func term(_ term: Term) -> String {
        switch term {
        case .iri(let value):
            return iri(value)
        case .blank(let node):
            return "_:" + node.id
        case .literal(let literal):
            if let short = TurtleSyntax.shortForm(literal) { return short }
            var text = TurtleSyntax.quotedString(literal.lexicalForm)
            if let language = literal.language {
                text += "@" + language
            } else if literal.datatype != Vocabulary.xsdString {
                text += "^^" + iri(literal.datatype)
            }
            return text
        }
    }
}
