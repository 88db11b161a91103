public import KnowledgeGraph
#if canImport(Glibc)
import Glibc
#endif

/// `file:` IRIs for local paths: the default base IRI of an RDF/XML input file, as rapper and
/// rdflib use, so relative references resolve the way other tools resolve them.
public enum FileIRI {
    /// The `file:///…` IRI of `path` made absolute against the current folder; nil when the
    /// current folder is unknown.
    public static func forPath(_ path: String) -> IRI? {
        var folder: String
        if path.hasPrefix("/") {
            folder = "/"
        } else {
            guard let current = currentDirectory() else { return nil }
            folder = current.hasSuffix("/") ? current : current + "/"
        }
        guard let base = try? IRI("file://" + encoded(folder)) else { return nil }
        return try? base.resolving(encoded(path))
    }

    /// Percent-encodes what a path may contain but an IRI path may not (spaces, controls,
    /// `%`, `#`, `?`, and the characters IRIs forbid); other characters, non-ASCII too, stay.
    static func encoded(_ path: String) -> String {
        let forbidden = Set("%#?<>\"{}|\\^`[]".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte >= 0x80 || (byte > 0x20 && byte < 0x7F && !forbidden.contains(byte)) {
                bytes.append(byte)
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
