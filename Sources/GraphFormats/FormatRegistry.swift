public import KnowledgeGraph
import PropertyGraph
import RDFFormats

/// Every format kgexport reads or writes, in one list: the command line, `export`, ontology
/// reading and the help texts take their answers from here.
///
/// Adding a format is one folder with its reader or writer and its ``GraphFormat`` value, and
/// one line in ``formats``: see <doc:AddingAFormat>.
public enum FormatRegistry {
    /// The formats, in the order help texts list them; when two share an extension, detection
    /// picks the one listed first.
    public static let formats: [GraphFormat] = [
        .rdfXML,
        .nTriples,
        .turtle,
        .graphML,
        .yEdGraphML,
        .dot,
        .svg,
    ]

    /// The formats kgexport reads.
    public static var readable: [GraphFormat] { formats.filter(\.isReadable) }

    /// The format called `name` (its ``GraphFormat/name`` or an alias, in any case), if any.
    public static func format(named name: String) -> GraphFormat? {
        let name = name.lowercased()
        return formats.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The format a path's extension stands for: nil for `-`, no extension or an unknown one.
    /// The longest matching extension wins (`x.yed.graphml` is yEd's, not plain GraphML).
    /// - Parameter candidates: the formats to choose from (all of them by default).
    public static func format(forPath path: String, among candidates: [GraphFormat] = formats) -> GraphFormat? {
        let name = FileName.name(path).lowercased()
        var best: (format: GraphFormat, length: Int)?
        for format in candidates {
            for fileExtension in format.fileExtensions where name.hasSuffix("." + fileExtension)
                && name.count > fileExtension.count + 1 && fileExtension.count > (best?.length ?? 0) {
                best = (format, fileExtension.count)
            }
        }
        return best?.format
    }

    /// One line per format for help texts: names, display name, extensions, and direction, in
    /// columns as wide as their widest entry.
    public static var helpTable: String {
        let rows = formats.map { format in
            [([format.name] + format.aliases).joined(separator: "|"), format.displayName,
             format.fileExtensions.map { "." + $0 }.joined(separator: " "),
             format.isReadable ? "read and write" : "write only"]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + (0..<3).map { row[$0].padded(to: widths[$0] + 2) }.joined() + row[3]
        }.joined(separator: "\n")
    }

    /// Words joined as a sentence says them (`.rdf, .owl or .xml`), for messages about formats.
    public static func list(_ words: [String], conjunction: String = "or") -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
