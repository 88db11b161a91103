internal import Yams

/// The text libyaml is given: the file's text with some characters swapped, one for one, for
/// stand-ins from Unicode's private use area, so that every line and column stays where it is;
/// and the way back, for the scalars composed from it.
///
/// libyaml follows YAML 1.1, which also ends lines at U+0085 (NEL), U+2028 (LS) and U+2029 (PS).
/// YAML 1.2 and every editor end them only at LF, CR and CR LF. Given those characters, libyaml
/// would count lines the editor does not show (every later position one line too far), strip
/// the spaces after them in quoted values, and end plain and block values at them. Given a
/// stand-in for each, it treats them as the text they are.
struct YAMLStandIns {
    /// The characters libyaml takes for line breaks and editors do not.
    static let yaml11LineBreaks: [Unicode.Scalar] = ["\u{85}", "\u{2028}", "\u{2029}"]

    /// The text with the stand-ins in place.
    private(set) var scalars: [Unicode.Scalar]
    /// Each stand-in in use and the character it replaces.
    private var originals: [Unicode.Scalar: Unicode.Scalar] = [:]
    /// Private-use characters the text does not hold, written or as an escape, in the order
    /// they are handed out.
    private var unusedStandIns: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        let used = Self.privateUseCharacters(in: scalars)
        unusedStandIns = (0xE000...0xF8FF).compactMap { value in
            used.contains(value) ? nil : Unicode.Scalar(value)
        }
        unusedStandIns.reverse()
        for (index, scalar) in scalars.enumerated() where Self.yaml11LineBreaks.contains(scalar) {
            guard let standIn = standIn(for: scalar) else { break }
            scalars[index] = standIn
        }
    }

    /// The text as libyaml should see it.
    var text: String { String(String.UnicodeScalarView(scalars)) }

    /// Whether the text is the file's own, with no stand-in.
    var isUnchanged: Bool { originals.isEmpty }

    /// The stand-in for `character` (the same one each time), or nil when none is left.
    private mutating func standIn(for character: Unicode.Scalar) -> Unicode.Scalar? {
        if let known = originals.first(where: { $0.value == character })?.key { return known }
        guard let standIn = unusedStandIns.popLast() else { return nil }
        originals[standIn] = character
        return standIn
    }

    /// `string` with every stand-in turned back into the character it replaces.
    func restoring(_ string: String) -> String {
        guard !originals.isEmpty, string.unicodeScalars.contains(where: { originals[$0] != nil }) else { return string }
        return String(String.UnicodeScalarView(string.unicodeScalars.map { originals[$0] ?? $0 }))
    }

    /// `node` with every scalar restored, keys included; tags, styles and marks are kept.
    func restoring(_ node: Node) -> Node {
        guard !originals.isEmpty else { return node }
        switch node {
        case .scalar(let scalar):
            return .scalar(Node.Scalar(restoring(scalar.string), scalar.tag, scalar.style, scalar.mark))
        case .mapping(let mapping):
            let pairs = mapping.map { (restoring($0.key), restoring($0.value)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { restoring($0) }, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// The private-use characters (U+E000–U+F8FF) that `scalars` holds or could produce through
    /// a `\u` or `\U` escape: none of them may serve as a stand-in.
    private static func privateUseCharacters(in scalars: [Unicode.Scalar]) -> Set<UInt32> {
        var used: Set<UInt32> = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if (0xE000...0xF8FF).contains(scalar.value) { used.insert(scalar.value) }
            if scalar == "\\" && index + 1 < scalars.count && (scalars[index + 1] == "u" || scalars[index + 1] == "U") {
                let digits = scalars[index + 1] == "u" ? 4 : 8
                let end = min(index + 2 + digits, scalars.count)
                if let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<end])), radix: 16) {
                    used.insert(value)
                }
            }
            index += 1
        }
        return used
    }
}
