public import KnowledgeGraph
import XMLSupport

/// Derives the names a property graph needs from IRIs: node ids, attribute names, labels.
///
/// Every name is an XML `NMTOKEN` (letters, digits, `.`, `-`, `_`, and for node ids `:`), so it
/// can stand as a GraphML id or `attr.name`, and names never depend on input order.
public enum Naming {
    /// The part of an IRI after its last `#`, `/` or `:` (empty when the IRI ends with one).
    public static func localName(of iri: IRI) -> Substring {
        let value = iri.value
        if let hash = value.lastIndex(of: "#") { return value[value.index(after: hash)...] }
        if let slash = value.lastIndex(of: "/") { return value[value.index(after: slash)...] }
        if let colon = value.lastIndex(of: ":") { return value[value.index(after: colon)...] }
        return value[...]
    }

    /// `text` with every character an NMTOKEN may not hold replaced by `_`
    /// (and `:` too unless `keepingColons`).
    public static func token(_ text: some StringProtocol, keepingColons: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if XMLCharacters.isNameChar(scalar) || (keepingColons && scalar == ":") {
                result.append(scalar)
            } else {
                result.append("_")
            }
        }
        return String(result)
    }

    /// The prefix and local part of `iri` under the longest matching namespace of `prefixes`,
    /// when the local part is a non-empty run of NMTOKEN characters.
    public static func prefixedName(of iri: IRI, in prefixes: PrefixMap) -> (prefix: String, local: String)? {
        var best: (prefix: String, namespace: String)?
        for entry in prefixes.entries where iri.value.utf8.starts(with: entry.namespace.utf8) {
            if best.map({ entry.namespace.utf8.count > $0.namespace.utf8.count }) ?? true { best = entry }
        }
        guard let best else { return nil }
        let local = String(decoding: iri.value.utf8.dropFirst(best.namespace.utf8.count), as: UTF8.self)
        guard !local.isEmpty else { return nil }
        guard local.unicodeScalars.allSatisfy(XMLCharacters.isNameChar) else { return nil }
        return (best.prefix, local)
    }

    /// A name that also tells the namespace: `prefix_local`, or a token of the whole IRI when no
    /// prefix is known.
    static func qualifiedToken(of iri: IRI, in prefixes: PrefixMap) -> String {
        if let name = prefixedName(of: iri, in: prefixes) { return token(name.prefix + "_" + name.local) }
        return token(iri.value)
    }

    /// The local name as a token; the whole IRI as a token when the local name is empty.
    static func localToken(of iri: IRI) -> String {
        let local = localName(of: iri)
        return local.isEmpty ? token(iri.value) : token(local)
    }
}

/// Hands out unique names from ranked candidates, independently of the order items come in.
///
/// At each rank, an item gets its candidate only when no other pending item wants the same name
/// at that rank and the name is not taken; the others move on to their next candidate. Items
/// left after the last rank get their last candidate with `_2`, `_3`, … in the order given.
struct UniqueNamer {
    private(set) var taken: Set<String>

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// Names `candidates` (one ranked list per item, in a deterministic item order).
    mutating func assign(_ candidates: [[String]]) -> [String] {
        var names = [String?](repeating: nil, count: candidates.count)
        let ranks = candidates.map(\.count).max() ?? 0
        for rank in 0..<ranks {
            var wanted: [String: Int] = [:]
            for (index, list) in candidates.enumerated() where names[index] == nil && rank < list.count {
                wanted[list[rank], default: 0] += 1
            }
            for (index, list) in candidates.enumerated() where names[index] == nil && rank < list.count {
                let name = list[rank]
                if wanted[name] == 1 && !taken.contains(name) {
                    names[index] = name
                    taken.insert(name)
                }
            }
        }
        return names.enumerated().map { index, name in
            if let name { return name }
            let base = candidates[index].last ?? "item"
            var counter = 2
            while taken.contains("\(base)_\(counter)") { counter += 1 }
            let unique = "\(base)_\(counter)"
            taken.insert(unique)
            return unique
        }
    }
}
