import ArgumentParser
import KnowledgeGraph
import RDFFormats

/// The graph syntaxes `kgexport convert` knows: their names on the command line, their file
/// extensions, and the parser and serializer behind each.
///
/// To add a format, add a case and answer it in each `switch` below (the compiler lists them);
/// the help texts and extension detection pick it up from ``allCases``. When two formats share
/// an extension, detection picks the one declared first.
enum GraphFormat: String, CaseIterable, Sendable {
    case rdfxml
    case ntriples
    case turtle

    /// The name people know the format by, for messages.
    var displayName: String {
        switch self {
        case .rdfxml: return "RDF/XML"
        case .ntriples: return "N-Triples"
        case .turtle: return "Turtle"
        }
    }

    /// Other names accepted by `--from` and `--to`.
    var aliases: [String] {
        switch self {
        case .rdfxml: return ["rdf", "xml", "owl"]
        case .ntriples: return ["nt"]
        case .turtle: return ["ttl"]
        }
    }

    /// File extensions (lower case, without the dot) that mean this format.
    var fileExtensions: [String] {
        switch self {
        case .rdfxml: return ["rdf", "owl", "xml"]
        case .ntriples: return ["nt"]
        case .turtle: return ["ttl"]
        }
    }

    /// Whether kgexport can read this format (some are written only).
    var isReadable: Bool {
        switch self {
        case .rdfxml, .ntriples: return true
        case .turtle: return false
        }
    }

    /// The parser for this format, or nil when it is written only.
    /// - Parameter baseIRI: the base for relative references (RDF/XML only).
    func parser(baseIRI: IRI?) -> (any GraphParser)? {
        switch self {
        case .rdfxml: return RDFXMLReader(baseIRI: baseIRI)
        case .ntriples: return NTriplesReader()
        case .turtle: return nil
        }
    }

    /// The serializer for this format.
    /// - Parameter prefixes: prefixes to use instead of the graph's own; nil for the graph's.
    func serializer(prefixes: PrefixMap? = nil) -> any GraphSerializer {
        switch self {
        case .rdfxml: return RDFXMLWriter(prefixes: prefixes)
        case .ntriples: return NTriplesWriter()
        case .turtle: return TurtleWriter(prefixes: prefixes)
        }
    }

    /// The format a path's extension stands for, or nil for `-`, no extension or an unknown one.
    static func detect(fromPath path: String) -> GraphFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        return allCases.first { $0.fileExtensions.contains(fileExtension) }
    }

    /// One line per format for help texts: name, aliases, extensions, and whether it is read.
    static var helpTable: String {
        allCases.map { format in
            let names = ([format.rawValue] + format.aliases).joined(separator: "|")
            let extensions = format.fileExtensions.map { "." + $0 }.joined(separator: " ")
            let direction = format.isReadable ? "read and write" : "write only"
            return "  \(names.padding(to: 22)) \(format.displayName.padding(to: 10)) \(extensions.padding(to: 16)) \(direction)"
        }.joined(separator: "\n")
    }
}

extension GraphFormat: ExpressibleByArgument {
    init?(argument: String) {
        let name = argument.lowercased()
        guard let format = Self.allCases.first(where: { $0.rawValue == name || $0.aliases.contains(name) }) else {
            return nil
        }
        self = format
    }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
