/// Lookups the validator and the dataset loader share: built-in properties, datatypes, and
/// what kind of value a property takes.
extension Schema {
    /// Whether a property's values are nodes (IRIs or blank nodes) or literals.
    public enum ValueKind: Sendable, Hashable {
        case resource, literal
    }

    /// Properties every dataset may use without the ontology declaring them: `rdf:type`,
    /// `owl:sameAs` (IRI-valued) and the label-like `rdfs:label`, `rdfs:comment`,
    /// `skos:prefLabel`, `skos:altLabel` (literal-valued). A declaration in the ontology wins.
    public static let builtInProperties: [IRI: PropertyInfo] = {
        var table: [IRI: PropertyInfo] = [:]
        for iri in [Vocabulary.rdfType, Vocabulary.owlSameAs] {
            table[iri] = PropertyInfo(iri: iri, kind: .object)
        }
        for iri in [Vocabulary.rdfsLabel, Vocabulary.rdfsComment, Vocabulary.skosPrefLabel, Vocabulary.skosAltLabel] {
            table[iri] = PropertyInfo(iri: iri, kind: .annotation, ranges: [Vocabulary.rdfsLiteral])
        }
        return table
    }()

    /// The declared property, or the built-in one of that IRI.
    public func property(_ iri: IRI) -> PropertyInfo? {
        properties[iri] ?? Self.builtInProperties[iri]
    }

    /// Whether `iri` names a class instances may have: a declared class, `owl:Thing` or `rdfs:Resource`.
    public func isKnownClass(_ iri: IRI) -> Bool {
        classes[iri] != nil || iri == Vocabulary.owlThing || iri == Vocabulary.rdfsResource
    }

    /// Whether `iri` is a datatype rather than a class: the XSD types, `rdfs:Literal`
    /// and the `rdf:` literal types.
    public func isDatatype(_ iri: IRI) -> Bool {
        iri.value.hasPrefix(Vocabulary.xsdNamespace) || iri == Vocabulary.rdfsLiteral
            || iri == Vocabulary.rdfLangString || iri == Vocabulary.rdfXMLLiteral
            || iri.value == Vocabulary.rdfNamespace + "HTML" || iri.value == Vocabulary.rdfNamespace + "PlainLiteral"
    }

    /// What a property's values are: nodes for object properties (and annotation properties
    /// whose range is a class), literals otherwise.
    public func valueKind(of property: PropertyInfo) -> ValueKind {
        switch property.kind {
        case .object: return .resource
        case .datatype: return .literal
        case .annotation:
            return property.ranges.contains { !isDatatype($0) } ? .resource : .literal
        }
    }

    /// The property and its super-properties, transitively (cycles tolerated).
    public func superPropertyClosure(of iri: IRI) -> [PropertyInfo] {
        var seen: Set<IRI> = [iri]
        var pending = [iri]
        var result: [PropertyInfo] = []
        while let next = pending.popLast() {
            guard let info = property(next) else { continue }
            result.append(info)
            for parent in info.superProperties where seen.insert(parent).inserted {
                pending.append(parent)
            }
        }
        return result
    }
}
