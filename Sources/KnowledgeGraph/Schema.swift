/// What an ontology declares: its classes and properties with their labels, domains, ranges
/// and super-terms. Built from the ontology's graph by ``init(ontology:)``.
public struct Schema: Sendable {
    /// What kind of OWL property a property is.
    public enum PropertyKind: String, Sendable, Hashable {
        case object, datatype, annotation
    }

    /// A declared class.
    public struct ClassInfo: Sendable, Hashable {
        public var iri: IRI
        public var label: String?
        public var comment: String?
        /// Direct super-classes (`rdfs:subClassOf`, named classes only).
        public var superClasses: [IRI]

        public init(iri: IRI, label: String? = nil, comment: String? = nil, superClasses: [IRI] = []) {
            self.iri = iri
            self.label = label
            self.comment = comment
            self.superClasses = superClasses
        }
    }

    /// A declared property.
    public struct PropertyInfo: Sendable, Hashable {
        public var iri: IRI
        public var kind: PropertyKind
        public var label: String?
        public var comment: String?
        /// Declared `rdfs:domain` classes (all must hold).
        public var domains: [IRI]
        /// Declared `rdfs:range` classes or datatypes (all must hold).
        public var ranges: [IRI]
        /// Direct super-properties (`rdfs:subPropertyOf`).
        public var superProperties: [IRI]

        public init(iri: IRI, kind: PropertyKind, label: String? = nil, comment: String? = nil,
                    domains: [IRI] = [], ranges: [IRI] = [], superProperties: [IRI] = []) {
            self.iri = iri
            self.kind = kind
            self.label = label
            self.comment = comment
            self.domains = domains
            self.ranges = ranges
            self.superProperties = superProperties
        }
    }

    /// The ontology's IRI, when it declares an `owl:Ontology`.
    public var ontologyIRI: IRI?
    public var classes: [IRI: ClassInfo] = [:]
    public var properties: [IRI: PropertyInfo] = [:]
    /// The prefixes the ontology file declared, for readable output.
    public var prefixes: PrefixMap = PrefixMap()

    public init() {}

    /// Reads the declarations of an OWL/RDFS ontology graph.
    ///
    /// Classes are subjects typed `owl:Class` or `rdfs:Class`; properties are typed
    /// `owl:ObjectProperty`, `owl:DatatypeProperty` or `owl:AnnotationProperty`. Labels are the
    /// first `rdfs:label` (English preferred).
    public init(ontology graph: Graph) {
        prefixes = graph.prefixes
        var bySubject: [Term: [Triple]] = [:]
        for triple in graph { bySubject[triple.subject, default: []].append(triple) }
        func values(_ subject: Term, _ predicate: IRI) -> [Term] {
            (bySubject[subject] ?? []).filter { $0.predicate == predicate }.map(\.object)
        }
        func label(_ subject: Term, _ predicate: IRI) -> String? {
            let literals = values(subject, predicate).compactMap(\.literal)
            return (literals.first { $0.language?.lowercased().hasPrefix("en") == true } ?? literals.first)?.lexicalForm
        }
        for (subject, triples) in bySubject {
            guard case .iri(let iri) = subject else { continue }
            let types = Set(triples.filter { $0.predicate == Vocabulary.rdfType }.compactMap(\.object.iri))
            if types.contains(Vocabulary.owlOntology) { ontologyIRI = iri }
            if types.contains(Vocabulary.owlClass) || types.contains(Vocabulary.rdfsClass) {
                classes[iri] = ClassInfo(
                    iri: iri, label: label(subject, Vocabulary.rdfsLabel), comment: label(subject, Vocabulary.rdfsComment),
                    superClasses: values(subject, Vocabulary.rdfsSubClassOf).compactMap(\.iri).sorted())
            }
            let kind: PropertyKind?
            if types.contains(Vocabulary.owlObjectProperty) {
                kind = .object
            } else if types.contains(Vocabulary.owlDatatypeProperty) {
                kind = .datatype
            } else if types.contains(Vocabulary.owlAnnotationProperty) {
                kind = .annotation
            } else {
                kind = nil
            }
            if let kind {
                properties[iri] = PropertyInfo(
                    iri: iri, kind: kind, label: label(subject, Vocabulary.rdfsLabel),
                    comment: label(subject, Vocabulary.rdfsComment),
                    domains: values(subject, Vocabulary.rdfsDomain).compactMap(\.iri).sorted(),
                    ranges: values(subject, Vocabulary.rdfsRange).compactMap(\.iri).sorted(),
                    superProperties: values(subject, Vocabulary.rdfsSubPropertyOf).compactMap(\.iri).sorted())
            }
        }
    }

    /// `iri` and all its super-classes, transitively (cycles are tolerated).
    public func superClassClosure(of iri: IRI) -> Set<IRI> {
        var seen: Set<IRI> = [iri]
        var pending = [iri]
        while let next = pending.popLast() {
            for parent in classes[next]?.superClasses ?? [] where seen.insert(parent).inserted {
                pending.append(parent)
            }
        }
        return seen
    }

    /// Whether `candidate` is `ancestor` or one of its sub-classes.
    public func isSubClass(_ candidate: IRI, of ancestor: IRI) -> Bool {
        superClassClosure(of: candidate).contains(ancestor)
    }
}
