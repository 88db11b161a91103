/// A dataset file's text as Unicode scalars with the start of every line, to turn 1-based lines
/// and columns (libyaml's marks) into characters and back.
///
/// Lines end at LF, CR or CR LF, as in an editor; columns count Unicode scalars, as libyaml does.
struct YAMLSourceText: Sendable {
    let scalars: [Unicode.Scalar]
    /// Where each line starts in ``scalars``: line 1 at index 0.
    let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
            if scalar == "\n" || scalar == "\r" { starts.append(index) }
        }
        lineStarts = starts
    }

    /// The index of the character at a 1-based line and column; nil past the end of that line
    /// or of the text.
    func index(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let index = lineStarts[line - 1] + column - 1
        let lineEnd = line < lineStarts.count ? lineStarts[line] : scalars.count
        return index < lineEnd ? index : nil
    }

    /// The character at a 1-based line and column.
    func character(line: Int, column: Int) -> Unicode.Scalar? {
        index(line: line, column: column).map { scalars[$0] }
    }

    /// The 1-based line and column of the character at `index`.
    func position(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }

    /// The line and column just after the last character.
    var end: (line: Int, column: Int) { position(of: scalars.count) }
}

// MARK: Escapes in double-quoted scalars

extension YAMLSourceText {
    /// An escape sequence of a double-quoted scalar (`\a`, `\x1F`, `\uFFFF` …) and the character it stands for.
    struct Escape: Sendable {
        /// The escape as written, backslash included.
        var spelling: String
        var character: Unicode.Scalar
        /// Where its backslash is.
        var line: Int
        var column: Int
    }

    /// The escapes of the double-quoted scalar whose node starts at `line`, `column` (at its
    /// opening quote, or at a tag or anchor before it), in order; escaped line breaks are left
    /// out. The node must be a double-quoted scalar: the first quote after its start opens it.
    func escapes(inDoubleQuotedScalarAt line: Int, column: Int) -> [Escape] {
        guard var index = self.index(line: line, column: column) else { return [] }
        // A tag or anchor may stand before the quote; neither can contain one.
        while index < scalars.count && scalars[index] != "\"" { index += 1 }
        index += 1
        var escapes: [Escape] = []
        while index < scalars.count && scalars[index] != "\"" {
            guard scalars[index] == "\\", index + 1 < scalars.count else {
                index += 1
                continue
            }
            let start = index
            let (character, length) = Self.decodeEscape(scalars, at: index + 1)
            index += 1 + length
            if let character {
                let position = position(of: start)
                let spelling = String(String.UnicodeScalarView(scalars[start..<index]))
                escapes.append(Escape(spelling: spelling, character: character, line: position.line, column: position.column))
            }
        }
        return escapes
    }

    /// YAML's one-letter escapes and the characters they stand for.
    private static let singleLetterEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
        "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
        "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// The character an escape stands for (its letter at `index`, after the backslash) and how
    /// many scalars follow the backslash; nil for an escaped line break, which stands for nothing.
    private static func decodeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar?, Int) {
        let letter = scalars[index]
        if let character = singleLetterEscapes[letter] { return (character, 1) }
        let digits: Int
        switch letter {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": return (nil, 2)
        default: return (nil, 1)
        }
        let end = min(index + 1 + digits, scalars.count)
        let hex = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        return (UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init), 1 + digits)
    }
}
