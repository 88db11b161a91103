public import KnowledgeGraph

/// A dataset file as written, before any name is resolved against an ontology: the header,
/// the prefixes and the nodes, each piece with the position it was written at.
///
/// ``DatasetParser`` makes it from YAML; ``DatasetGraphBuilder`` turns it into a graph.
public struct DatasetDocument: Sendable {
    /// The file name used in diagnostics.
    public var file: String
    /// `dataset.id`: names the dataset and its export files.
    public var id: Located<String>?
    /// `dataset.title`.
    public var title: Located<String>?
    /// `dataset.base`: instance IRIs are this plus the node id.
    public var base: Located<String>?
    /// `dataset.ontology`: a path relative to the dataset file.
    public var ontology: Located<String>?
    /// The `prefixes:` section, in file order.
    public var prefixes: [PrefixDeclaration] = []
    /// The nodes of all sections, in file order.
    public var nodes: [DatasetNode] = []

    public init(file: String) {
        self.file = file
    }
}

/// A value with the position it was written at.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One entry of the `prefixes:` section.
public struct PrefixDeclaration: Sendable, Hashable {
    public var prefix: String
    public var namespace: Located<String>
    /// Where the prefix name was written.
    public var location: SourceLocation

    public init(prefix: String, namespace: Located<String>, location: SourceLocation) {
        self.prefix = prefix
        self.namespace = namespace
        self.location = location
    }
}

/// One node: its id, the section it is written in, and its properties in file order.
public struct DatasetNode: Sendable, Hashable {
    public var id: String
    /// `sources`, `entities`, `events` or `claims`.
    public var section: String
    /// Where the id was written.
    public var location: SourceLocation
    public var properties: [DatasetProperty]

    public init(id: String, section: String, location: SourceLocation, properties: [DatasetProperty]) {
        self.id = id
        self.section = section
        self.location = location
        self.properties = properties
    }
}

/// One property of a node: the key as written and its values (several when written as a list).
public struct DatasetProperty: Sendable, Hashable {
    /// The key exactly as written: `type`, `label`, `endorser`, `skos:altLabel`, `<http://…>`.
    public var key: String
    /// Where the key was written.
    public var location: SourceLocation
    public var values: [DatasetValue]

    public init(key: String, location: SourceLocation, values: [DatasetValue]) {
        self.key = key
        self.location = location
        self.values = values
    }
}

/// One value as written: plain text, or a mapping giving a language tag or a datatype.
public struct DatasetValue: Sendable, Hashable {
    /// The forms a value can take.
    public enum Form: Sendable, Hashable {
        /// A scalar: a node id, a prefixed name, an `<IRI>`, or a literal's lexical form,
        /// depending on the property.
        case text(String)
        /// `{value: …, lang: …}`.
        case languageTagged(String, language: Located<String>)
        /// `{value: …, datatype: …}`.
        case typed(String, datatype: Located<String>)
    }

    public var form: Form
    /// Where the value (its text, or the mapping) was written.
    public var location: SourceLocation

    public init(_ form: Form, at location: SourceLocation) {
        self.form = form
        self.location = location
    }
}
