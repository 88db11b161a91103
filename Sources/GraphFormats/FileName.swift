/// The parts of a file's name that export naming and format detection need.
public enum FileName {
    /// `newsgraph.owl` for `Ontology/newsgraph.owl`.
    public static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `newsgraph` for `Ontology/newsgraph.owl` (a leading dot is not an extension).
    public static func stem(_ path: String) -> String {
        let name = name(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `owl` for `Ontology/newsgraph.owl`, lower-cased; empty when there is none.
    public static func fileExtension(_ path: String) -> String {
        let name = name(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
