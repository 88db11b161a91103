public import KnowledgeGraph

/// Turns a ``DatasetDocument`` into RDF triples, resolving every name against the ontology's
/// ``Schema``: keys to property IRIs, `type` values to class IRIs, plain values to node IRIs or
/// typed literals depending on the property.
///
/// It records where each triple came from (``GraphSourceMap``) and reports what cannot be
/// resolved: unknown prefixes, references to ids the dataset does not define, invalid IRIs and
/// language tags. Whether the triples fit the ontology is the ``SchemaValidator``'s job; a key
/// the ontology does not declare still gives a triple, which the validator then reports.
public struct DatasetGraphBuilder: Sendable {
    public let schema: Schema
    /// The namespace that bare names (`Person`, `endorser`) belong to, e.g. `…/newsgraph#`.
    public let vocabularyNamespace: String

    public init(schema: Schema, vocabularyNamespace: String) {
        self.schema = schema
        self.vocabularyNamespace = vocabularyNamespace
    }

    /// The graph, where each part came from, and the problems found.
    public struct Result: Sendable {
        public var graph = Graph()
        public var sourceMap = GraphSourceMap()
        public var diagnostics: [Diagnostic] = []
        /// Nodes whose `label:` or `type:` was given but every value refused (each refusal is in
        /// ``diagnostics``): the validator's "has no label" or "has no type" would only repeat it.
        public var nodesWithRefusedLabels: Set<Term> = []
        public var nodesWithRefusedTypes: Set<Term> = []
    }

    /// Builds the instance graph of `document`.
    public func build(_ document: DatasetDocument) -> Result {
        var run = BuildRun(builder: self, document: document)
        run.build()
        return run.result
    }
}

/// The state of one build.
private struct BuildRun {
    let builder: DatasetGraphBuilder
    let document: DatasetDocument
    var result = DatasetGraphBuilder.Result()
    /// Prefix → namespace, for resolving names.
    var namespaces: [String: String] = [:]
    /// Which prefixes the ontology declared (a dataset may not rebind those).
    var ontologyPrefixes: Set<String> = []
    var ids: Set<String> = []

    var schema: Schema { builder.schema }

    init(builder: DatasetGraphBuilder, document: DatasetDocument) {
        self.builder = builder
        self.document = document
    }

    mutating func build() {
        bindPrefixes()
        guard let base = checkedBase() else { return }
        ids = Set(document.nodes.map(\.id))
        for node in document.nodes {
            guard let subject = instanceIRI(base: base, id: node.id, at: node.location) else { continue }
            let subjectTerm = Term.iri(subject)
            result.sourceMap.nodes[subjectTerm] = node.location
            result.sourceMap.names[subjectTerm] = node.id
            for property in node.properties {
                addProperty(property, of: subjectTerm, nodeID: node.id, base: base)
            }
        }
        result.graph.prefixes = outputPrefixes(base: base)
    }

    // MARK: Prefixes and IRIs

    mutating func bindPrefixes() {
        for entry in schema.prefixes.entries {
            namespaces[entry.prefix] = entry.namespace
            ontologyPrefixes.insert(entry.prefix)
        }
        for entry in WellKnownPrefixes.all.entries where namespaces[entry.prefix] == nil {
            namespaces[entry.prefix] = entry.namespace
        }
        for declaration in document.prefixes {
            let namespace = declaration.namespace.value
            guard (try? IRI.check(namespace)) != nil else {
                reportInvalidIRI(namespace, at: declaration.namespace.location, what: "the namespace of prefix '\(declaration.prefix)'")
                continue
            }
            if ontologyPrefixes.contains(declaration.prefix), let bound = namespaces[declaration.prefix], bound != namespace {
                report("prefix-conflict", "the prefix '\(declaration.prefix)' is bound to <\(bound)> by the ontology; "
                       + "choose another name for <\(namespace)>", at: declaration.location)
                continue
            }
            namespaces[declaration.prefix] = namespace
        }
    }

    mutating func checkedBase() -> String? {
        guard let base = document.base else { return nil }
        do throws(IRIError) {
            try IRI.check(base.value)
        } catch {
            report("invalid-iri", "the base <\(base.value)> is not a valid IRI: it \(error.reason)", at: base.location)
            return nil
        }
        return base.value
    }

    mutating func instanceIRI(base: String, id: String, at location: SourceLocation) -> IRI? {
        do throws(IRIError) {
            return try IRI(base + id)
        } catch {
            report("invalid-iri", "the node IRI <\(base + id)> is not valid: it \(error.reason)", at: location)
            return nil
        }
    }

    /// Resolves a name as written in a key, a `type` value or a datatype: `<IRI>`, `prefix:local`,
    /// or a bare name in the ontology's namespace.
    mutating func resolveName(_ text: String, at location: SourceLocation, what: String) -> IRI? {
        if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 {
            return checkedIRI(String(text.dropFirst().dropLast()), at: location, what: what)
        }
        if let colon = text.firstIndex(of: ":") {
            return resolvePrefixedName(text, colon: colon, at: location, what: what)
        }
        return checkedIRI(builder.vocabularyNamespace + text, at: location, what: what)
    }

    mutating func resolvePrefixedName(_ text: String, colon: String.Index, at location: SourceLocation, what: String) -> IRI? {
        let prefix = String(text[..<colon])
        let local = String(text[text.index(after: colon)...])
        guard let namespace = namespaces[prefix] else {
            var message = "unknown prefix '\(prefix)' in \(what) '\(text)': declare it under prefixes:"
            if local.hasPrefix("//") { message += ", or write a full IRI in angle brackets (<\(text)>)" }
            report("unknown-prefix", message, at: location)
            return nil
        }
        return checkedIRI(namespace + local, at: location, what: what)
    }

    mutating func checkedIRI(_ text: String, at location: SourceLocation, what: String) -> IRI? {
        do throws(IRIError) {
            return try IRI(text)
        } catch {
            reportInvalidIRI(text, at: location, what: what, reason: error.reason)
            return nil
        }
    }

    mutating func reportInvalidIRI(_ text: String, at location: SourceLocation, what: String, reason: String? = nil) {
        let because = reason ?? Self.iriReason(text)
        report("invalid-iri", "\(what) <\(text)> is not a valid IRI: it \(because)", at: location)
    }

    static func iriReason(_ text: String) -> String {
        do throws(IRIError) {
            try IRI.check(text)
            return "is not valid"
        } catch {
            return error.reason
        }
    }

    // MARK: Properties and values

    mutating func addProperty(_ property: DatasetProperty, of subject: Term, nodeID: String, base: String) {
        let predicate: IRI
        switch property.key {
        case "type": predicate = Vocabulary.rdfType
        case "label": predicate = Vocabulary.rdfsLabel
        default:
            guard let resolved = resolveName(property.key, at: property.location, what: "the property") else { return }
            predicate = resolved
        }
        let info = schema.property(predicate)
        var added = 0
        defer {
            if added == 0 && predicate == Vocabulary.rdfsLabel { result.nodesWithRefusedLabels.insert(subject) }
            if added == 0 && predicate == Vocabulary.rdfType { result.nodesWithRefusedTypes.insert(subject) }
        }
        for value in property.values {
            let object: Term?
            if predicate == Vocabulary.rdfType {
                object = classTerm(value, nodeID: nodeID)
            } else if let info, schema.valueKind(of: info) == .resource {
                object = resourceTerm(value, property: property.key, base: base)
            } else {
                object = literalTerm(value, property: property.key, info: info)
            }
            guard let object else { continue }
            let triple = Triple(subject: subject, predicate: predicate, object: object)
            result.graph.insert(triple)
            result.sourceMap.record(triple, property: property.location, value: value.location)
            added += 1
        }
    }

    mutating func classTerm(_ value: DatasetValue, nodeID: String) -> Term? {
        guard case .text(let text) = value.form else {
            report("wrong-shape", "the type of node '\(nodeID)' must be a class name, not a literal", at: value.location)
            return nil
        }
        return resolveName(text, at: value.location, what: "the class").map(Term.iri)
    }

    /// A value of an object property: a node id of this dataset, `prefix:local` or `<IRI>`.
    mutating func resourceTerm(_ value: DatasetValue, property: String, base: String) -> Term? {
        guard case .text(let text) = value.form else {
            report("range-mismatch", "property '\(property)' links to nodes: its value must be a node id, "
                   + "a prefixed name or an <IRI>, not a literal with lang: or datatype:", at: value.location)
            return nil
        }
        if text.hasPrefix("<") || text.contains(":") {
            return resolveName(text, at: value.location, what: "the value").map(Term.iri)
        }
        guard DatasetParser.isValidID(text) else {
            report("invalid-reference", "'\(text)' is not a node id (ids use only letters, digits, '_' and '-'): "
                   + "property '\(property)' links to nodes", at: value.location)
            return nil
        }
        if !ids.contains(text) {
            var message = "no node has the id '\(text)'"
            if let near = NameSuggestion.closest(to: text, among: ids) { message += " (did you mean '\(near)'?)" }
            report("missing-reference", message, at: value.location)
        }
        // The triple is kept even when the id is missing, so that the node is not also reported
        // as lacking the property (e.g. its source).
        return instanceIRI(base: base, id: text, at: value.location).map(Term.iri)
    }

    /// A value of a datatype or annotation property (or of an undeclared one).
    mutating func literalTerm(_ value: DatasetValue, property: String, info: Schema.PropertyInfo?) -> Term? {
        switch value.form {
        case .text(let text):
            if info == nil, text.hasPrefix("<"), text.hasSuffix(">") {
                return resolveName(text, at: value.location, what: "the value").map(Term.iri)
            }
            let datatype = info.flatMap(defaultDatatype) ?? Vocabulary.xsdString
            return literal(text, datatype: datatype, property: property, at: value.location)
        case .languageTagged(let text, let language):
            do throws(LiteralError) {
                return .literal(try Literal(text, language: language.value))
            } catch {
                report("invalid-language-tag", "'\(language.value)' is not a well-formed language tag (BCP 47, "
                       + "such as en, et or pt-BR)", at: language.location)
                return nil
            }
        case .typed(let text, let datatypeName):
            guard let datatype = resolveName(datatypeName.value, at: datatypeName.location, what: "the datatype") else {
                return nil
            }
            return literal(text, datatype: datatype, property: property, at: datatypeName.location)
        }
    }

    mutating func literal(_ text: String, datatype: IRI, property: String, at location: SourceLocation) -> Term? {
        do throws(LiteralError) {
            return .literal(try Literal(text, datatype: datatype))
        } catch {
            report("missing-language", "property '\(property)' takes text with a language tag: "
                   + "write {value: \(text), lang: …}", at: location)
            return nil
        }
    }

    /// The datatype a plain value gets: the first datatype among the property's ranges (its
    /// own first, then its super-properties'), ignoring `rdfs:Literal`.
    func defaultDatatype(_ info: Schema.PropertyInfo) -> IRI? {
        for property in schema.superPropertyClosure(of: info.iri) {
            if let range = property.ranges.first(where: { schema.isDatatype($0) && $0 != Vocabulary.rdfsLiteral }) {
                return range
            }
        }
        return nil
    }

    // MARK: Output prefixes

    /// The prefixes writers should use (they declare only those the output needs): the
    /// dataset's, the dataset id for its own nodes, the ontology's and the well-known ones.
    func outputPrefixes(base: String) -> PrefixMap {
        var prefixes = PrefixMap()
        for declaration in document.prefixes { prefixes.add(prefix: declaration.prefix, namespace: declaration.namespace.value) }
        if let id = document.id?.value, DatasetParser.isValidPrefix(id), namespaces[id] == nil {
            prefixes.add(prefix: id, namespace: base)
        }
        for entry in schema.prefixes.entries { prefixes.add(prefix: entry.prefix, namespace: entry.namespace) }
        prefixes.add(prefix: "ng", namespace: builder.vocabularyNamespace)
        for entry in WellKnownPrefixes.all.entries { prefixes.add(prefix: entry.prefix, namespace: entry.namespace) }
        return prefixes
    }

    mutating func report(_ code: String, _ message: String, at location: SourceLocation) {
        result.diagnostics.append(Diagnostic(code: code, message: message, location: location))
    }
}
