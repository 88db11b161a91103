import ArgumentParser
import KnowledgeGraph
import PropertyGraph
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
    case graphml
    case yEdGraphML = "yed-graphml"
    case dot
    case svg

    /// The name people know the format by, for messages.
    var displayName: String {
        switch self {
        case .rdfxml: return "RDF/XML"
        case .ntriples: return "N-Triples"
        case .turtle: return "Turtle"
        case .graphml: return "GraphML"
        case .yEdGraphML: return "GraphML for yEd"
        case .dot: return "DOT"
        case .svg: return "SVG"
        }
    }

    /// Other names accepted by `--from` and `--to`.
    var aliases: [String] {
        switch self {
        case .rdfxml: return ["rdf", "xml", "owl"]
        case .ntriples: return ["nt"]
        case .turtle: return ["ttl"]
        case .graphml: return []
        case .yEdGraphML: return ["yed"]
        case .dot: return ["gv"]
        case .svg: return []
        }
    }

    /// File extensions (lower case, without the dot) that mean this format; a longer one
    /// (`yed.graphml`) wins over a shorter one it ends with (`graphml`).
    var fileExtensions: [String] {
        switch self {
        case .rdfxml: return ["rdf", "owl", "xml"]
        case .ntriples: return ["nt"]
        case .turtle: return ["ttl"]
        case .graphml: return ["graphml"]
        case .yEdGraphML: return ["yed.graphml"]
        case .dot: return ["dot", "gv"]
        case .svg: return ["svg"]
        }
    }

    /// Whether kgexport can read this format (some are written only).
    var isReadable: Bool {
        switch self {
        case .rdfxml, .ntriples: return true
        case .turtle, .graphml, .yEdGraphML, .dot, .svg: return false
        }
    }

    /// The parser for this format, or nil when it is written only.
    /// - Parameter baseIRI: the base for relative references (RDF/XML only).
    func parser(baseIRI: IRI?) -> (any GraphParser)? {
        switch self {
        case .rdfxml: return RDFXMLReader(baseIRI: baseIRI)
        case .ntriples: return NTriplesReader()
        case .turtle, .graphml, .yEdGraphML, .dot, .svg: return nil
        }
    }

    /// The serializer for this format.
    /// - Parameters:
    ///   - prefixes: prefixes to use instead of the graph's own; nil for the graph's.
    ///   - schema: the ontology, for the property-graph formats (super-classes as labels,
    ///     colours by class family).
    func serializer(prefixes: PrefixMap? = nil, schema: Schema? = nil) -> any GraphSerializer {
        switch self {
        case .rdfxml: return RDFXMLWriter(prefixes: prefixes)
        case .ntriples: return NTriplesWriter()
        case .turtle: return TurtleWriter(prefixes: prefixes)
        case .graphml: return GraphMLWriter(style: .plain, schema: schema)
        case .yEdGraphML: return GraphMLWriter(style: .yEd, schema: schema)
        case .dot: return DOTWriter(schema: schema)
        case .svg: return SVGWriter(schema: schema)
        }
    }


    /// The format a path's extension stands for, or nil for `-`, no extension or an unknown one.
    static func detect(fromPath path: String) -> GraphFormat? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        var best: (format: GraphFormat, length: Int)?
        for format in allCases {
            for fileExtension in format.fileExtensions where name.hasSuffix("." + fileExtension)
                && name.count > fileExtension.count + 1 && fileExtension.count > (best?.length ?? 0) {
                best = (format, fileExtension.count)
            }
        }
        return best?.format
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
