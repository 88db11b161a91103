internal import Yams
internal import KnowledgeGraph

/// Turns YAML text into Yams nodes, and every YAML error into a ``Diagnostic`` with the
/// position of the problem.
///
/// Only composition is used (nodes with their marks), never Yams' typed decoding, so that the
/// loader sees each scalar's text exactly as written.
enum YAMLSource {
    /// A composed document and the text it was composed from.
    struct Composed {
        /// The document's root; nil for an empty file.
        var root: Node?
        /// The text, to find the characters behind a node (escapes, for example).
        var text: YAMLSourceText
        /// Problems that do not stop the reading: anchors.
        var problems: [Diagnostic] = []
    }

    /// A node's anchor (`&name`) and where it is written.
    struct NodeAnchor {
        var name: String
        var mark: Mark
    }

    /// Composes the single document in `bytes`.
    ///
    /// libyaml is given the text with stand-ins for the characters only YAML 1.1 takes for line
    /// breaks (``YAMLStandIns``), so that its lines are the editor's; the nodes get the
    /// characters back. A mapping may repeat a key: the parser reports it with every other problem.
    static func compose(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Composed {
        var text = try decodeUTF8(bytes, file: file)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let source = YAMLSourceText(text)
        let standIns = YAMLStandIns(text)
        try YAMLAliasCheck.check(standIns, source: source, file: file)
        let composed = try composeAllowingRepeatedKeys(standIns, source: source, file: file)
        // Anchors serve only aliases, which the alias check refused; the format has no use for them.
        let anchors = composed.anchors.map { anchor in
            Diagnostic(code: "yaml-anchor",
                       message: "YAML anchors (&\(anchor.name)) are not supported in dataset files: remove it "
                           + "(anchors serve only aliases, which are refused too)",
                       location: SourceLocation(file: file, line: anchor.mark.line, column: anchor.mark.column))
        }
        return Composed(root: composed.root, text: source, problems: anchors)
    }

    /// How many times a document is composed again to tell one more repeated key apart, after
    /// line starts have been told apart; past that the repetition ends the reading.
    static let repeatedKeyPasses = 8

    /// Composes the text of `standIns`, restored, although a mapping may repeat a key; with
    /// the anchors of its nodes, in document order.
    ///
    /// Yams refuses a document as soon as one mapping repeats a key, naming only the first
    /// occurrence. The repeated keys are then told apart with stand-ins (those of every line
    /// start at once, then one key at a time) and the text composed again; restored, the nodes
    /// hold every key as written, and the parser reports each repetition at its own position.
    /// - Parameter interpret: turns an error into the diagnostic to throw, when it should not
    ///   be the usual one (the alias check uses it).
    static func composeAllowingRepeatedKeys(_ standIns: YAMLStandIns, source: YAMLSourceText, file: String,
                                            interpret: (YamlError) -> Diagnostic? = { _ in nil })
        throws(Diagnostic) -> (root: Node?, anchors: [NodeAnchor]) {
        var standIns = standIns
        var passes = 0
        // The first repeated key told apart on its own, reported if the passes run out.
        var firstRepeated: (key: String, mark: Mark)?
        while true {
            do {
                let parser = try Parser(yaml: standIns.text)
                let root = try parser.singleRoot()
                // Nodes hold their anchors weakly: only the parser keeps them.
                let anchors = withExtendedLifetime(parser) { root.map(Self.anchors) ?? [] }
                return (root.map(standIns.restoring), anchors)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                if standIns.tellLineStartsApart(in: source) { continue }
                passes += 1
                let repeated = firstRepeated ?? (standIns.restoring(duplicates.first ?? ""), context.mark)
                firstRepeated = repeated
                guard passes <= repeatedKeyPasses, standIns.tellKeyApart(at: context.mark, in: source) else {
                    throw repeatedKeyDiagnostic(repeated.key, at: repeated.mark, file: file)
                }
            } catch let error as YamlError {
                throw interpret(error) ?? diagnostic(for: error, source: source, file: file)
            } catch {
                throw Diagnostic(code: "yaml-syntax", message: "cannot read the YAML: \(error)",
                                 location: SourceLocation(file: file, line: 1, column: 1))
            }
        }
    }

    /// The anchors of `node` and the nodes in it, in document order.
    private static func anchors(_ node: Node) -> [NodeAnchor] {
        var anchors: [NodeAnchor] = []
        var pending = [node]
        while let next = pending.popLast() {
            if let anchor = next.anchor, let mark = next.mark { anchors.append(NodeAnchor(name: anchor.rawValue, mark: mark)) }
            switch next {
            case .mapping(let mapping): pending += mapping.reversed().flatMap { [$0.value, $0.key] }
            case .sequence(let sequence): pending += sequence.reversed()
            case .scalar, .alias: break
            }
        }
        return anchors
    }

    /// A repeated key that could not be told apart, at its first occurrence (Yams names no other).
    private static func repeatedKeyDiagnostic(_ key: String, at mark: Mark, file: String) -> Diagnostic {
        Diagnostic(code: "duplicate-key",
                   message: "the key '\(key)' appears more than once in this mapping (this is the first); "
                       + "a key may appear only once",
                   location: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)))
    }

    /// The file as a string; invalid UTF-8 is an error at the position of the first bad byte.
    static func decodeUTF8(_ bytes: [UInt8], file: String) throws(Diagnostic) -> String {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var line = 1
        var column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                // LF, CR and CR LF end a line, as in an editor.
                if scalar == "\r" || (scalar == "\n" && scalars.last != "\r") {
                    line += 1
                    column = 1
                } else if scalar != "\n" {
                    column += 1
                }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw Diagnostic(code: "yaml-encoding", message: "the file is not valid UTF-8",
                                 location: SourceLocation(file: file, line: line, column: column))
            }
        }
        return String(scalars)
    }

    /// The diagnostic for an error libyaml or Yams reported while composing the text of `source`
    /// (or a copy of it with the same lines and columns).
    static func diagnostic(for error: YamlError, source: YAMLSourceText, file: String) -> Diagnostic {
        let end = source.end
        func location(_ mark: Mark) -> SourceLocation {
            // At the end of a file without a final line break, libyaml moves to a line that
            // does not exist; point at the end of the last line instead.
            if mark.line > end.line { return SourceLocation(file: file, line: end.line, column: end.column) }
            return SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return syntaxDiagnostic(problem: problem, context: context.map { ($0.text, $0.mark) },
                                    at: mark, source: source, location: location)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return repeatedKeyDiagnostic(duplicates.first ?? "", at: context.mark, file: file)
        case .reader(let problem, let offset, _, let yaml):
            let position = offset.map { characterOffsetLocation($0, in: yaml, source: source) } ?? (line: 1, column: 1)
            return Diagnostic(code: "yaml-syntax", message: "YAML syntax error: \(problem)",
                              location: SourceLocation(file: file, line: position.line, column: position.column))
        default:
            return Diagnostic(code: "yaml-syntax", message: "cannot read the YAML: \(error)",
                              location: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// A scanner, parser or composer error, with a hint for the mistakes people make most.
    private static func syntaxDiagnostic(problem: String, context: (text: String, mark: Mark)?, at mark: Mark,
                                         source: YAMLSourceText, location: (Mark) -> SourceLocation) -> Diagnostic {
        if source.character(line: mark.line, column: mark.column) == "\t" {
            return Diagnostic(code: "yaml-tab", message: "a tab character cannot indent YAML: indent with spaces",
                              location: location(mark))
        }
        if let context, context.text.contains("quoted scalar"), problem.contains("end of stream") {
            // The scanner only notices at the end of the file; the useful position is the opening quote.
            return Diagnostic(code: "yaml-unclosed-quote",
                              message: "this quoted string is never closed (the closing quote is missing)",
                              location: location(context.mark))
        }
        var message = "YAML syntax error: \(problem)"
        if let context {
            message += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
        }
        if problem.contains("did not find expected key") || problem.contains("mapping values are not allowed")
            || problem.contains("did not find expected '-' indicator") {
            message += "; check the indentation of this line"
        }
        return Diagnostic(code: "yaml-syntax", message: message, location: location(mark))
    }

    /// Line and column of the `offset`-th character (grapheme cluster, as Yams counts them) of
    /// `yaml`, the text libyaml was given, which has the same lines and columns as `source`.
    private static func characterOffsetLocation(_ offset: Int, in yaml: String,
                                                source: YAMLSourceText) -> (line: Int, column: Int) {
        let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) ?? yaml.endIndex
        return source.position(of: yaml.unicodeScalars.distance(from: yaml.startIndex, to: index))
    }
}
