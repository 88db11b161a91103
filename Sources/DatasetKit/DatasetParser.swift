internal import Yams
public import KnowledgeGraph

/// Reads the YAML of a dataset file into a ``DatasetDocument``, checking its shape: the
/// sections, the header fields, node ids, and the forms values may take.
///
/// It keeps going after a problem so that one run reports every problem of the file; only a
/// YAML syntax error stops it (libyaml cannot recover from one).
public struct DatasetParser: Sendable {
    /// The sections that hold nodes. They share one syntax and one id space.
    public static let nodeSections = ["sources", "entities", "events", "claims"]
    static let headerKeys = ["id", "title", "base", "ontology"]

    public init() {}

    /// Parses a dataset file.
    /// - Parameters:
    ///   - bytes: the file's contents (UTF-8).
    ///   - file: the name used in diagnostics.
    /// - Returns: the document (nil when the YAML cannot be read at all) and every problem found.
    public func parse(_ bytes: [UInt8], file: String) -> (document: DatasetDocument?, diagnostics: [Diagnostic]) {
        let composed: YAMLSource.Composed
        do {
            composed = try YAMLSource.compose(bytes, file: file)
        } catch {
            return (nil, [error])
        }
        var run = ParseRun(file: file, text: composed.text)
        run.diagnostics = composed.problems
        guard let root = composed.root else {
            run.report("empty-file", "the dataset file is empty: it needs at least a dataset: section",
                       at: SourceLocation(file: file, line: 1, column: 1))
            return (run.document, run.diagnostics)
        }
        run.readRoot(root)
        return (run.document, run.diagnostics)
    }

    /// Whether `text` is a valid node id: ASCII letters, digits, `_` and `-`.
    public static func isValidID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// Whether `text` is a valid prefix name: a letter, then letters, digits, `_`, `-` or `.`
    /// (not last), so it also works as an XML namespace prefix and a Turtle prefix.
    public static func isValidPrefix(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              text.last != "." else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
    }
}

/// The state of one parse: the document so far and the problems found.
private struct ParseRun {
    let file: String
    /// The text the nodes were composed from.
    let text: YAMLSourceText
    var document: DatasetDocument
    var diagnostics: [Diagnostic] = []
    /// Where each node id was first defined, across all sections.
    var definedIDs: [String: (location: SourceLocation, section: String)] = [:]

    init(file: String, text: YAMLSourceText) {
        self.file = file
        self.text = text
        self.document = DatasetDocument(file: file)
    }

    mutating func readRoot(_ root: Node) {
        guard let mapping = root.mapping else {
            report("wrong-shape", "a dataset file must be a mapping with the sections dataset:, prefixes:, "
                   + "sources:, entities:, events: and claims:, not \(describe(root))", at: location(of: root))
            return
        }
        var sawHeader = false
        // A node section written twice is still read: its ids are checked across sections anyway.
        for (keyNode, key, value) in entries(of: mapping, keepingRepeated: DatasetParser.nodeSections.contains) {
            switch key {
            case "dataset":
                sawHeader = true
                readHeader(value)
            case "prefixes":
                readPrefixes(value)
            case _ where DatasetParser.nodeSections.contains(key):
                readSection(key, value)
            default:
                report("unknown-key", "unknown section '\(key)': a dataset has the sections dataset, prefixes, "
                       + DatasetParser.nodeSections.joined(separator: ", "), at: location(of: keyNode))
            }
        }
        if !sawHeader {
            report("missing-field", "the file has no dataset: section (it needs at least an id and a base)",
                   at: location(of: root))
        }
    }

    // MARK: Header and prefixes

    mutating func readHeader(_ node: Node) {
        guard let mapping = node.mapping else {
            report("wrong-shape", "the dataset: section must be a mapping (id:, title:, base:, ontology:), "
                   + "not \(describe(node))", at: location(of: node))
            return
        }
        for (keyNode, key, value) in entries(of: mapping) {
            guard DatasetParser.headerKeys.contains(key) else {
                report("unknown-key", "unknown field '\(key)' in the dataset: section: it takes "
                       + DatasetParser.headerKeys.joined(separator: ", "), at: location(of: keyNode))
                continue
            }
            guard let text = singleText(value, what: "dataset.\(key)") else { continue }
            let located = Located(text, at: location(of: value))
            switch key {
            case "id":
                if DatasetParser.isValidID(text) {
                    document.id = located
                } else {
                    report("invalid-id", "the dataset id '\(text)' may use only letters, digits, '_' and '-'",
                           at: located.location)
                }
            case "title": document.title = located
            case "base": document.base = located
            default: document.ontology = located
            }
        }
        if document.id == nil && !mapping.keys.contains(where: { $0.scalar?.string == "id" }) {
            report("missing-field", "the dataset: section has no id", at: location(of: node))
        }
        if document.base == nil && !mapping.keys.contains(where: { $0.scalar?.string == "base" }) {
            report("missing-field", "the dataset: section has no base (the IRI that node ids are appended to)",
                   at: location(of: node))
        }
    }

    mutating func readPrefixes(_ node: Node) {
        if isEmptyScalar(node) { return }
        guard let mapping = node.mapping else {
            report("wrong-shape", "the prefixes: section must be a mapping from prefix to namespace IRI, "
                   + "not \(describe(node))", at: location(of: node))
            return
        }
        for (keyNode, prefix, value) in entries(of: mapping) {
            guard DatasetParser.isValidPrefix(prefix) else {
                report("invalid-prefix", "the prefix '\(prefix)' must start with a letter and use only letters, "
                       + "digits, '_', '-' and '.'", at: location(of: keyNode))
                continue
            }
            guard let namespace = singleText(value, what: "the namespace of prefix '\(prefix)'") else { continue }
            document.prefixes.append(PrefixDeclaration(
                prefix: prefix, namespace: Located(namespace, at: location(of: value)), location: location(of: keyNode)))
        }
    }

    // MARK: Nodes

    mutating func readSection(_ section: String, _ node: Node) {
        if isEmptyScalar(node) { return }
        guard let mapping = node.mapping else {
            report("wrong-shape", "the \(section): section must be a mapping from node ids to nodes, "
                   + "not \(describe(node))", at: location(of: node))
            return
        }
        for (keyNode, value) in mapping {
            guard let id = scalarKey(keyNode) else { continue }
            let idLocation = location(of: keyNode)
            guard DatasetParser.isValidID(id) else {
                report("invalid-id", "the node id '\(id)' may use only letters, digits, '_' and '-'", at: idLocation)
                continue
            }
            if let first = definedIDs[id] {
                report("duplicate-id", "duplicate id '\(id)': it is already defined at line \(first.location.line), "
                       + "column \(first.location.column) (in \(first.section):)", at: idLocation)
                continue
            }
            definedIDs[id] = (idLocation, section)
            guard let properties = value.mapping else {
                report("wrong-shape", "node '\(id)' must be a mapping of properties (type:, label:, …), "
                       + "not \(describe(value))", at: location(of: value))
                continue
            }
            var node = DatasetNode(id: id, section: section, location: idLocation, properties: [])
            for (propertyKey, key, propertyValue) in entries(of: properties) {
                let values = readValues(propertyValue, key: key, nodeID: id)
                node.properties.append(DatasetProperty(key: key, location: location(of: propertyKey), values: values))
            }
            document.nodes.append(node)
        }
    }

    /// A property's values: one scalar, one value mapping, or a list of those.
    mutating func readValues(_ node: Node, key: String, nodeID: String) -> [DatasetValue] {
        if let sequence = node.sequence {
            var values: [DatasetValue] = []
            for item in sequence {
                if item.sequence != nil {
                    report("wrong-shape", "property '\(key)' of node '\(nodeID)' has a list inside a list; "
                           + "write the values as one list", at: location(of: item))
                } else if let value = readValue(item, key: key, nodeID: nodeID) {
                    values.append(value)
                }
            }
            return values
        }
        return readValue(node, key: key, nodeID: nodeID).map { [$0] } ?? []
    }

    mutating func readValue(_ node: Node, key: String, nodeID: String) -> DatasetValue? {
        let at = location(of: node)
        if let scalar = node.scalar {
            guard !isEmptyScalar(node) else {
                report("empty-value", "property '\(key)' of node '\(nodeID)' has no value", at: at)
                return nil
            }
            return checkedText(scalar, what: "value").map { DatasetValue(.text($0), at: at) }
        }
        guard let mapping = node.mapping else { return nil }
        var text: String?
        var language: Located<String>?
        var datatype: Located<String>?
        var valid = true
        if mapping.keys.contains(where: { $0.scalar == nil }) { valid = false }
        for (keyNode, field, part) in entries(of: mapping) {
            guard ["value", "lang", "datatype"].contains(field) else {
                report("wrong-shape", "a value written as a mapping takes value: with lang: or datatype:, "
                       + "not '\(field)' (property '\(key)' of node '\(nodeID)')", at: location(of: keyNode))
                valid = false
                continue
            }
            guard let partText = singleText(part, what: "\(field): of property '\(key)'", allowEmpty: field == "value") else {
                valid = false
                continue
            }
            switch field {
            case "value": text = partText
            case "lang": language = Located(partText, at: location(of: part))
            default: datatype = Located(partText, at: location(of: part))
            }
        }
        guard valid else { return nil }
        guard let text else {
            report("wrong-shape", "a value written as a mapping needs value: (property '\(key)' of node '\(nodeID)')", at: at)
            return nil
        }
        switch (language, datatype) {
        case (let language?, nil): return DatasetValue(.languageTagged(text, language: language), at: at)
        case (nil, let datatype?): return DatasetValue(.typed(text, datatype: datatype), at: at)
        case (nil, nil): return DatasetValue(.text(text), at: at)
        case (_?, _?):
            report("wrong-shape", "a value cannot have both lang: and datatype: (property '\(key)' of node '\(nodeID)')", at: at)
            return nil
        }
    }

    // MARK: Helpers

    /// The entries of `mapping` whose key is a usable scalar, each key once: a key written again
    /// is reported at its own position and left out, unless `keepingRepeated` says to keep it.
    /// (The composer lets such mappings through so that this and every other problem is reported.)
    mutating func entries(of mapping: Node.Mapping, keepingRepeated: (String) -> Bool = { _ in false })
        -> [(keyNode: Node, key: String, value: Node)] {
        var firstLocations: [String: SourceLocation] = [:]
        var entries: [(keyNode: Node, key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = scalarKey(keyNode) else { continue }
            let keyLocation = location(of: keyNode)
            if let first = firstLocations[key] {
                report("duplicate-key", "the key '\(key)' appears twice in the same mapping "
                       + "(first at line \(first.line), column \(first.column))", at: keyLocation)
                guard keepingRepeated(key) else { continue }
            } else {
                firstLocations[key] = keyLocation
            }
            entries.append((keyNode, key, value))
        }
        return entries
    }

    /// A mapping key's text; reports keys that are lists or mappings.
    mutating func scalarKey(_ node: Node) -> String? {
        guard let scalar = node.scalar else {
            report("wrong-shape", "a key must be a single value, not \(describe(node))", at: location(of: node))
            return nil
        }
        return checkedText(scalar, what: "key")
    }

    /// The text of a field that takes exactly one value.
    mutating func singleText(_ node: Node, what: String, allowEmpty: Bool = false) -> String? {
        guard let scalar = node.scalar else {
            report("wrong-shape", "\(what) must be a single value, not \(describe(node))", at: location(of: node))
            return nil
        }
        if !allowEmpty && isEmptyScalar(node) {
            report("empty-value", "\(what) has no value", at: location(of: node))
            return nil
        }
        return checkedText(scalar, what: "value")
    }

    /// The text of a scalar that becomes part of the dataset (a key, a value, a header field),
    /// or nil after reporting each character in it that XML 1.0 forbids: RDF/XML and GraphML
    /// could not hold it, and only here is its position known. Such characters can come only
    /// from escapes in double-quoted scalars (libyaml refuses them written as they are), so
    /// each is reported at its escape.
    mutating func checkedText(_ scalar: Node.Scalar, what: String) -> String? {
        let forbidden = Array(scalar.string.unicodeScalars.filter { !Self.isAllowedInXML($0) })
        guard !forbidden.isEmpty else { return scalar.string }
        let rule = "a character XML 1.0 does not allow (RDF/XML and GraphML cannot hold it)"
        var escapes: [YAMLSourceText.Escape] = []
        if scalar.style == .doubleQuoted, let mark = scalar.mark {
            escapes = text.escapes(inDoubleQuotedScalarAt: mark.line, column: mark.column)
                .filter { !Self.isAllowedInXML($0.character) }
        }
        if escapes.map(\.character) == forbidden {
            for escape in escapes {
                report("forbidden-character", "the escape \(escape.spelling) stands for \(Self.codePoint(escape.character)), "
                       + "\(rule): remove it from this \(what)",
                       at: SourceLocation(file: file, line: escape.line, column: escape.column))
            }
        } else {
            for character in forbidden {
                report("forbidden-character", "this \(what) contains \(Self.codePoint(character)), \(rule): remove it",
                       at: location(of: .scalar(scalar)))
            }
        }
        return nil
    }

    /// Whether XML 1.0 allows `scalar`: TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 { return value != 0xFFFE && value != 0xFFFF }
        return value == 0x09 || value == 0x0A || value == 0x0D
    }

    /// `U+0007`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether a node is YAML's "nothing": an empty plain scalar, `~` or `null`. Quoted empty
    /// strings are real (empty) values.
    func isEmptyScalar(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return "the single value '\(scalar.string)'"
        case .alias: return "an alias"
        }
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(_ code: String, _ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(code: code, message: message, location: location))
    }
}
