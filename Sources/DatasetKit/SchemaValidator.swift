public import KnowledgeGraph

/// Judges an instance graph against a ``Schema``: every class and property must be declared,
/// used within its domain and range, every literal must parse as its datatype, every node must
/// have a type and a label, and instances of the ``ValidationRules/sourcedClasses`` must cite a
/// source.
///
/// It reports every problem, not only the first, each with the position the ``GraphSourceMap``
/// gives (or naming the node when there is none), sorted by position.
public struct SchemaValidator: Sendable {
    public let schema: Schema
    public var rules: ValidationRules
    /// Prefixes used to name classes and properties in messages (`ng:Person`).
    public var prefixes: PrefixMap

    public init(schema: Schema, rules: ValidationRules = ValidationRules(), prefixes: PrefixMap? = nil) {
        self.schema = schema
        self.rules = rules
        var names = prefixes ?? schema.prefixes
        for entry in PrefixMap.standard.entries { names.add(prefix: entry.prefix, namespace: entry.namespace) }
        self.prefixes = names
    }

    /// All problems of `graph`, sorted by position.
    public func validate(_ graph: Graph, sourceMap: GraphSourceMap = GraphSourceMap()) -> [Diagnostic] {
        var run = ValidationRun(validator: self, graph: graph, sourceMap: sourceMap)
        run.checkTriples()
        run.checkNodes()
        return run.sortedDiagnostics()
    }
}

/// What the validator requires beyond the schema's declarations.
public struct ValidationRules: Sendable {
    /// Classes whose instances (including instances of sub-classes) must have a
    /// ``sourceProperty`` value, e.g. `ng:Event`.
    public var sourcedClasses: [IRI]
    /// The property that cites a source; `prov:wasDerivedFrom`.
    public var sourceProperty: IRI
    /// Whether every node must have an `rdfs:label`.
    public var requiresLabel: Bool
    /// Whether every node must have an `rdf:type`.
    public var requiresType: Bool

    public init(sourcedClasses: [IRI] = [], sourceProperty: IRI = Vocabulary.provWasDerivedFrom,
                requiresLabel: Bool = true, requiresType: Bool = true) {
        self.sourcedClasses = sourcedClasses
        self.sourceProperty = sourceProperty
        self.requiresLabel = requiresLabel
        self.requiresType = requiresType
    }
}

/// The state of one validation: the graph's types indexed, and the diagnostics so far.
private struct ValidationRun {
    let validator: SchemaValidator
    let graph: Graph
    let sourceMap: GraphSourceMap
    /// The classes each node is typed with (`rdf:type` objects that are IRIs).
    let types: [Term: [IRI]]
    var diagnostics: Set<Diagnostic> = []

    var schema: Schema { validator.schema }

    init(validator: SchemaValidator, graph: Graph, sourceMap: GraphSourceMap) {
        self.validator = validator
        self.graph = graph
        self.sourceMap = sourceMap
        var types: [Term: [IRI]] = [:]
        for triple in graph where triple.predicate == Vocabulary.rdfType {
            if let type = triple.object.iri { types[triple.subject, default: []].append(type) }
        }
        self.types = types
    }

    // MARK: Triples

    mutating func checkTriples() {
        for triple in graph {
            if case .literal(let literal) = triple.object { checkLexicalForm(literal, of: triple) }
            if triple.predicate == Vocabulary.rdfType {
                checkType(triple)
                continue
            }
            guard let property = schema.property(triple.predicate) else {
                report(code: "unknown-property", at: sourceMap.properties[triple], about: triple,
                       "unknown property \(name(triple.predicate)): the ontology does not declare it"
                       + suggestion(for: triple.predicate, among: schema.properties.keys))
                continue
            }
            let lineage = schema.superPropertyClosure(of: property.iri)
            checkDomain(of: triple, lineage: lineage)
            checkRange(of: triple, property: property, lineage: lineage)
        }
    }

    mutating func checkType(_ triple: Triple) {
        guard let type = triple.object.iri else {
            report(code: "range-mismatch", at: sourceMap.values[triple], about: triple,
                   "the type of \(nodeName(triple.subject)) must be a class, not \(triple.object)")
            return
        }
        if !schema.isKnownClass(type) {
            report(code: "unknown-class", at: sourceMap.values[triple], about: triple,
                   "unknown class \(name(type)): the ontology does not declare it"
                   + suggestion(for: type, among: schema.classes.keys))
        }
    }

    mutating func checkDomain(of triple: Triple, lineage: [Schema.PropertyInfo]) {
        let subjectTypes = types[triple.subject] ?? []
        // An untyped node or one with an unknown class is reported once as such, not once per property.
        guard !subjectTypes.isEmpty, subjectTypes.allSatisfy(schema.isKnownClass) else { return }
        let closure = classClosure(subjectTypes)
        for domain in Set(lineage.flatMap(\.domains)).sorted() where !closure.contains(domain) {
            report(code: "domain-mismatch", at: sourceMap.properties[triple], about: triple,
                   "property \(name(triple.predicate)) does not apply to \(nodeName(triple.subject)), "
                   + "\(describeTypes(subjectTypes)): its domain is \(name(domain))")
        }
    }

    mutating func checkRange(of triple: Triple, property: Schema.PropertyInfo, lineage: [Schema.PropertyInfo]) {
        let ranges = Set(lineage.flatMap(\.ranges)).sorted()
        let expectsLiteral = schema.valueKind(of: property) == .literal
        switch triple.object {
        case .literal(let literal):
            guard expectsLiteral else {
                report(code: "range-mismatch", at: sourceMap.values[triple], about: triple,
                       "property \(name(triple.predicate)) links to nodes\(rangeClause(ranges)), "
                       + "but its value here is the literal \(triple.object)")
                return
            }
            for range in ranges where !literalFits(literal, range) {
                let found = literal.language.map { "a literal tagged @\($0)" } ?? "a literal of type \(name(literal.datatype))"
                report(code: "datatype-mismatch", at: sourceMap.values[triple], about: triple,
                       "property \(name(triple.predicate)) expects values of type \(name(range)), "
                       + "but this value is \(found)")
            }
        case .iri, .blank:
            guard !expectsLiteral else {
                report(code: "range-mismatch", at: sourceMap.values[triple], about: triple,
                       "property \(name(triple.predicate)) takes a literal value\(rangeClause(ranges)), "
                       + "but its value here is the node \(nodeName(triple.object))")
                return
            }
            let objectTypes = types[triple.object] ?? []
            // Nodes described elsewhere (external IRIs) have no types here: nothing to check.
            guard !objectTypes.isEmpty, objectTypes.allSatisfy(schema.isKnownClass) else { return }
            let closure = classClosure(objectTypes)
            for range in ranges where !schema.isDatatype(range) && !closure.contains(range) {
                report(code: "range-mismatch", at: sourceMap.values[triple], about: triple,
                       "property \(name(triple.predicate)) expects a \(name(range)), "
                       + "but \(nodeName(triple.object)) is \(describeTypes(objectTypes))")
            }
        }
    }

    mutating func checkLexicalForm(_ literal: Literal, of triple: Triple) {
        guard let problem = XSDLexicalSpace.problem(with: literal.lexicalForm, datatype: literal.datatype) else { return }
        report(code: "invalid-literal", at: sourceMap.values[triple], about: triple,
               "\"\(literal.lexicalForm)\" is not a valid \(name(literal.datatype)): it \(problem)")
    }

    // MARK: Nodes

    mutating func checkNodes() {
        var subjects: [Term] = []
        var seen: Set<Term> = []
        for triple in graph where seen.insert(triple.subject).inserted { subjects.append(triple.subject) }
        for subject in subjects {
            let location = sourceMap.nodes[subject]
            let subjectTypes = types[subject] ?? []
            if validator.rules.requiresType && subjectTypes.isEmpty {
                report(code: "missing-type", at: location, subject: subject,
                       "node \(nodeName(subject)) has no type")
            }
            if validator.rules.requiresLabel && graph.objects(of: subject, Vocabulary.rdfsLabel).isEmpty {
                report(code: "missing-label", at: location, subject: subject,
                       "node \(nodeName(subject)) has no label (rdfs:label)")
            }
            let closure = classClosure(subjectTypes)
            if let sourced = validator.rules.sourcedClasses.first(where: closure.contains),
               graph.objects(of: subject, validator.rules.sourceProperty).isEmpty {
                let kind = subjectTypes.contains(sourced)
                    ? "a \(name(sourced))" : "\(describeTypes(subjectTypes)), which is a kind of \(name(sourced)),"
                report(code: "missing-source", at: location, subject: subject,
                       "node \(nodeName(subject)) is \(kind) but cites no source: "
                       + "give it \(name(validator.rules.sourceProperty))")
            }
        }
    }

    // MARK: Helpers

    func classClosure(_ classes: [IRI]) -> Set<IRI> {
        var closure: Set<IRI> = [Vocabulary.owlThing, Vocabulary.rdfsResource]
        for type in classes { closure.formUnion(schema.superClassClosure(of: type)) }
        return closure
    }

    func literalFits(_ literal: Literal, _ range: IRI) -> Bool {
        if range == Vocabulary.rdfsLiteral { return true }
        if range == Vocabulary.rdfLangString { return literal.language != nil }
        guard schema.isDatatype(range) else { return false }
        return literal.language == nil && XSDLexicalSpace.isDerived(literal.datatype, from: range)
    }

    func rangeClause(_ ranges: [IRI]) -> String {
        ranges.isEmpty ? "" : " (\(ranges.map(name).joined(separator: ", ")))"
    }

    func name(_ iri: IRI) -> String { validator.prefixes.display(iri) }

    func nodeName(_ term: Term) -> String {
        if let name = sourceMap.names[term] { return "'\(name)'" }
        if let iri = term.iri { return name(iri) }
        return term.description
    }

    func describeTypes(_ classes: [IRI]) -> String {
        "a " + Array(Set(classes)).sorted().map(name).joined(separator: " and a ")
    }

    func suggestion(for iri: IRI, among candidates: Dictionary<IRI, some Any>.Keys) -> String {
        guard let match = NameSuggestion.closest(to: iri, among: candidates) else { return "" }
        return " (did you mean \(name(match))?)"
    }

    mutating func report(code: String, at location: SourceLocation?, about triple: Triple, _ message: String) {
        diagnostics.insert(Diagnostic(code: code, message: message, location: location, subject: triple.description))
    }

    mutating func report(code: String, at location: SourceLocation?, subject: Term, _ message: String) {
        diagnostics.insert(Diagnostic(code: code, message: message, location: location, subject: subject.description))
    }

    func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.sorted(by: Diagnostic.positionOrder)
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line and column (those without a position last), then by
    /// code and message, so that reports are stable.
    public static func positionOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return false
        case (.some, nil): return true
        case (.some(let a), .some(let b)) where a != b:
            if a.file != b.file { return (a.file ?? "") < (b.file ?? "") }
            if a.line != b.line { return a.line < b.line }
            return a.column < b.column
        default:
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            if lhs.message != rhs.message { return lhs.message < rhs.message }
            return (lhs.subject ?? "") < (rhs.subject ?? "")
        }
    }
}
