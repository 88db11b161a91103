internal import Yams

/// The text libyaml is given: the file's text with some characters swapped, one for one, for
/// stand-ins from Unicode's private use areas, so that every line and column stays where it is;
/// and the way back, for the scalars composed from it.
///
/// libyaml follows YAML 1.1, which also ends lines at U+0085 (NEL), U+2028 (LS) and U+2029 (PS).
/// YAML 1.2 and every editor end them only at LF, CR and CR LF. Given those characters, libyaml
/// would count lines the editor does not show (every later position one line too far), strip
/// the spaces after them in quoted values, and end plain and block values at them. Given a
/// stand-in for each, it treats them as the text they are.
///
/// Stand-ins also tell repeated keys apart: Yams refuses a whole document when a mapping
/// repeats a key, but the parser should report the repetition with everything else. See
/// ``tellLineStartsApart(in:)`` and ``tellKeyApart(at:in:)``.
struct YAMLStandIns {
    /// The characters libyaml takes for line breaks and editors do not.
    static let yaml11LineBreaks: [Unicode.Scalar] = ["\u{85}", "\u{2028}", "\u{2029}"]

    /// The text with the stand-ins in place.
    private(set) var scalars: [Unicode.Scalar]
    /// Each stand-in handed out from U+E000–U+F8FF and the character it replaces.
    private var originals: [Unicode.Scalar: Unicode.Scalar] = [:]
    /// The stand-in of each of ``yaml11LineBreaks`` that the text holds.
    private var lineBreakStandIns: [Unicode.Scalar: Unicode.Scalar] = [:]
    /// Characters of U+E000–U+F8FF that the text does not hold, written or as an escape, in the
    /// order they are handed out (last first).
    private var unusedStandIns: [Unicode.Scalar]
    /// Whether the text holds nothing from planes 15 and 16, written or as a `\U` escape, so
    /// that they may hold the stand-ins of line starts.
    private let linePlanesAreFree: Bool
    /// Whether line starts have stand-ins (from planes 15 and 16).
    private(set) var lineStartsAreTold = false

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        let used = Self.privateUseCharacters(in: scalars)
        unusedStandIns = (0xE000...0xF8FF).reversed().compactMap { value in
            used.privateUseArea.contains(value) ? nil : Unicode.Scalar(value)
        }
        linePlanesAreFree = !used.linePlanes
        for (index, scalar) in scalars.enumerated() where Self.yaml11LineBreaks.contains(scalar) {
            guard let standIn = lineBreakStandIns[scalar] ?? unusedStandIns.popLast() else { break }
            lineBreakStandIns[scalar] = standIn
            originals[standIn] = scalar
            scalars[index] = standIn
        }
    }

    /// The text as libyaml should see it.
    var text: String { String(String.UnicodeScalarView(scalars)) }

    /// Whether the text is the file's own, with no stand-in.
    var isUnchanged: Bool { originals.isEmpty && !lineStartsAreTold }

    // MARK: Telling repeated keys apart

    /// The characters a line-start stand-in may replace: those that can begin a plain scalar
    /// anywhere (a key, a value, a line of a longer value) without meaning anything more, so
    /// that a stand-in in their place changes no structure. Keys, ids and names begin with them.
    static let lineStartCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_<".unicodeScalars)
    private static let lineStartCharacterIndex = Dictionary(
        uniqueKeysWithValues: lineStartCharacters.enumerated().map { ($0.element, $0.offset) })
    /// How many different stand-ins each line-start character has: planes 15 and 16 hold
    /// 131,068 private-use characters, 2,047 for each of the 64 line-start characters.
    static let standInsPerCharacter = 2_047

    /// Gives the first character of every line (after its indentation and any `- ` or `? `), and
    /// the first after every `{` and `,` (and spaces), a stand-in that depends on its line and
    /// column, when it is one of ``lineStartCharacters``. Keys of a block mapping begin lines,
    /// those of a flow mapping follow `{` or `,`: after this, two equal keys of a mapping stay
    /// equal only when a multiple of 2,047 lines or columns apart (``tellKeyApart(at:in:)`` is
    /// for those), so Yams composes the document and the parser finds the repeated keys in the
    /// restored nodes. False when this was done already or the text itself uses planes 15 and 16.
    mutating func tellLineStartsApart(in source: YAMLSourceText) -> Bool {
        guard linePlanesAreFree, !lineStartsAreTold else { return false }
        lineStartsAreTold = true
        for (line, start) in source.lineStarts.enumerated() {
            let end = line + 1 < source.lineStarts.count ? source.lineStarts[line + 1] : scalars.count
            var index = start
            while index < end {
                if scalars[index] == " " {
                    index += 1
                } else if (scalars[index] == "-" || scalars[index] == "?") && index + 1 < end && scalars[index + 1] == " " {
                    index += 2
                } else {
                    break
                }
            }
            tellApart(at: index, line: line, column: index - start, before: end)
            for flowIndex in start..<end where scalars[flowIndex] == "{" || scalars[flowIndex] == "," {
                index = flowIndex + 1
                while index < end && scalars[index] == " " { index += 1 }
                tellApart(at: index, line: line, column: index - start, before: end)
            }
        }
        return true
    }

    /// Puts the stand-in of `line` and `column` for the character at `index`, when it is a
    /// line-start character.
    private mutating func tellApart(at index: Int, line: Int, column: Int, before end: Int) {
        guard index < end, let character = Self.lineStartCharacterIndex[scalars[index]] else { return }
        // Lines of one column, and columns of one line, all get different stand-ins (31 and
        // 2,047 have no common factor).
        let slot = (line % Self.standInsPerCharacter * 31 + column) % Self.standInsPerCharacter
        scalars[index] = Self.linePlaneCharacter(slot * Self.lineStartCharacters.count + character)
    }

    /// Gives the key whose node starts at `mark` (a key Yams found repeated) a stand-in of its
    /// own for its first character, so that it differs from the keys it repeats. False when that
    /// character cannot be replaced (an escape, an empty or complex key) or no stand-in is left.
    mutating func tellKeyApart(at mark: Mark, in source: YAMLSourceText) -> Bool {
        guard var index = source.index(line: mark.line, column: mark.column) else { return false }
        // A tag (or an anchor) may stand before the key itself.
        while index < scalars.count && (scalars[index] == "!" || scalars[index] == "&") {
            while index < scalars.count && !Self.isBlank(scalars[index]) { index += 1 }
            while index < scalars.count && scalars[index] == " " { index += 1 }
        }
        if index < scalars.count && (scalars[index] == "\"" || scalars[index] == "'") { index += 1 }
        guard index < scalars.count, !"[{|>#\\\"'".unicodeScalars.contains(scalars[index]), !Self.isBlank(scalars[index]),
              let standIn = unusedStandIns.popLast() else { return false }
        originals[standIn] = original(of: scalars[index])
        scalars[index] = standIn
        return true
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// The `position`-th private-use character of planes 15 and 16.
    private static func linePlaneCharacter(_ position: Int) -> Unicode.Scalar {
        let value = position < 0xFFFE ? 0xF0000 + position : 0x100000 + position - 0xFFFE
        return Unicode.Scalar(UInt32(value)) ?? "\u{F0000}"
    }

    /// The character a stand-in replaces; any other character is itself.
    private func original(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let original = originals[scalar] { return original }
        guard lineStartsAreTold else { return scalar }
        let value = Int(scalar.value)
        let position: Int
        switch value {
        case 0xF0000...0xFFFFD: position = value - 0xF0000
        case 0x100000...0x10FFFD: position = value - 0x100000 + 0xFFFE
        default: return scalar
        }
        return Self.lineStartCharacters[position % Self.lineStartCharacters.count]
    }

    // MARK: Restoring

    /// `string` with every stand-in turned back into the character it replaces.
    func restoring(_ string: String) -> String {
        guard !isUnchanged, string.unicodeScalars.contains(where: { $0.value >= 0xE000 && original(of: $0) != $0 }) else {
            return string
        }
        return String(String.UnicodeScalarView(string.unicodeScalars.map(original)))
    }

    /// `node` with every scalar restored, keys included; tags, styles and marks are kept.
    func restoring(_ node: Node) -> Node {
        guard !isUnchanged else { return node }
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

    /// The private-use characters of U+E000–U+F8FF that `scalars` holds or could produce
    /// through a `\u` or `\U` escape, and whether it holds or could produce any of planes 15
    /// and 16: none of them may serve as a stand-in.
    private static func privateUseCharacters(in scalars: [Unicode.Scalar]) -> (privateUseArea: Set<UInt32>, linePlanes: Bool) {
        var privateUseArea: Set<UInt32> = []
        var linePlanes = false
        func note(_ value: UInt32) {
            if (0xE000...0xF8FF).contains(value) { privateUseArea.insert(value) }
            if value >= 0xF0000 { linePlanes = true }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            note(scalar.value)
            if scalar == "\\" && index + 1 < scalars.count && (scalars[index + 1] == "u" || scalars[index + 1] == "U") {
                let digits = scalars[index + 1] == "u" ? 4 : 8
                let end = min(index + 2 + digits, scalars.count)
                if let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<end])), radix: 16) { note(value) }
            }
            index += 1
        }
        return (privateUseArea, linePlanes)
    }
}
