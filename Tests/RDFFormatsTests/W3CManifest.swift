import KnowledgeGraph

/// The tests listed in a W3C RDF test manifest (Turtle, `mf:` vocabulary), read with a small
/// scanner that knows just enough Turtle for these manifests: prefixes, IRIs, prefixed names,
/// strings, lists, `;` `,` `.` and comments.
struct W3CManifest {
    enum Kind: Equatable {
        case positiveEvaluation
        case negativeSyntax
        case other(String)
    }

    struct Entry {
        let name: String
        let kind: Kind
        /// Paths relative to the manifest's folder.
        let action: String
        let result: String?
    }

    let assumedTestBase: String?
    let entries: [Entry]

    init(turtle text: String) {
        let tokens = Self.tokens(of: text)
        var base: String?
        var listed: [String] = []
        var types: [String: String] = [:]
        var actions: [String: String] = [:]
        var results: [String: String] = [:]
        var order: [String] = []
        var position = 0
        func next() -> String? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }
        while let subject = next() {
            if subject == "@prefix" || subject == "@base" || subject.lowercased() == "prefix" {
                while let token = next(), token != "." {}
                continue
            }
            if !order.contains(subject) { order.append(subject) }
            statement: while let predicate = next(), predicate != "." {
                while let object = next() {
                    var value = object
                    if object == "(" {
                        var items: [String] = []
                        while let item = next(), item != ")" { items.append(item) }
                        if predicate == "mf:entries" { listed = items }
                        value = "()"
                    }
                    switch predicate {
                    case "a", "rdf:type": types[subject] = value
                    case "mf:action": actions[subject] = value
                    case "mf:result": results[subject] = value
                    case "mf:assumedTestBase": base = value
                    default: break
                    }
                    guard let separator = next(), separator != "." else { break statement }
                    if separator == "," { continue }
                    // ";" (possibly trailing, right before ".")
                    if position < tokens.count && tokens[position] == "." {
                        position += 1
                        break statement
                    }
                    continue statement
                }
                break
            }
        }
        func unbracket(_ token: String) -> String {
            token.hasPrefix("<") && token.hasSuffix(">") ? String(token.dropFirst().dropLast()) : token
        }
        self.assumedTestBase = base.map(unbracket)
        let names = listed.isEmpty ? order : listed
        self.entries = names.compactMap { subject in
            guard let type = types[subject], let action = actions[subject] else { return nil }
            let kind: Kind
            switch type {
            case "rdft:TestXMLEval": kind = .positiveEvaluation
            case "rdft:TestXMLNegativeSyntax": kind = .negativeSyntax
            default: kind = .other(type)
            }
            var name = unbracket(subject)
            if name.hasPrefix("#") { name.removeFirst() }
            return Entry(name: name, kind: kind, action: unbracket(action), result: results[subject].map(unbracket))
        }
    }

    /// Splits Turtle into tokens: `<iri>`, strings (kept whole), punctuation, and words.
    static func tokens(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [String] = []
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
            } else if scalar == "#" {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
            } else if scalar == "<" {
                var token = ""
                while index < scalars.count {
                    token.unicodeScalars.append(scalars[index])
                    index += 1
                    if token.unicodeScalars.last == ">" { break }
                }
                tokens.append(token)
            } else if scalar == "\"" || scalar == "'" {
                let long = index + 2 < scalars.count && scalars[index + 1] == scalar && scalars[index + 2] == scalar
                let quoteLength = long ? 3 : 1
                index += quoteLength
                var token = "\""
                while index < scalars.count {
                    if scalars[index] == "\\" {
                        index += 2
                        continue
                    }
                    if scalars[index] == scalar
                        && (!long || (index + 2 < scalars.count && scalars[index + 1] == scalar && scalars[index + 2] == scalar)) {
                        index += quoteLength
                        break
                    }
                    token.unicodeScalars.append(scalars[index])
                    index += 1
                }
                // A language tag or datatype stays attached to its string.
                while index < scalars.count && !isSpace(scalars[index]) && !";,.)".unicodeScalars.contains(scalars[index]) {
                    index += 1
                }
                tokens.append(token + "\"")
            } else if ";,()[]".unicodeScalars.contains(scalar) {
                tokens.append(String(scalar))
                index += 1
            } else if scalar == "." && (index + 1 == scalars.count || isSpace(scalars[index + 1])) {
                tokens.append(".")
                index += 1
            } else {
                var token = ""
                while index < scalars.count && !isSpace(scalars[index]) && !";,()[]".unicodeScalars.contains(scalars[index]) {
                    if scalars[index] == "." && (index + 1 == scalars.count || isSpace(scalars[index + 1])) { break }
                    token.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(token)
            }
        }
        return tokens
    }
}
