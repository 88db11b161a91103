/// RFC 3986 reference resolution (section 5.2), on strings, so that IRIs with non-ASCII
/// characters resolve without percent-encoding.
enum IRIResolver {
    struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?
    }

    static func parse(_ text: String) -> Components {
        var rest = Substring(text)
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var scheme: Substring?
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.utf8.first, isASCIILetter(first),
               candidate.utf8.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) {
                scheme = candidate
                rest = rest[rest.index(after: colon)...]
            }
        }
        var authority: Substring?
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = rest[afterSlashes..<end]
            rest = rest[end...]
        }
        return Components(scheme: scheme, authority: authority, path: rest, query: query, fragment: fragment)
    }

    static func resolve(_ reference: String, against base: String) -> String {
        let r = parse(reference)
        let b = parse(base)
        var target = Components(scheme: nil, authority: nil, path: "", query: nil, fragment: r.fragment)
        if let scheme = r.scheme {
            target.scheme = scheme
            target.authority = r.authority
            target.path = Substring(removeDotSegments(String(r.path)))
            target.query = r.query
        } else {
            if let authority = r.authority {
                target.authority = authority
                target.path = Substring(removeDotSegments(String(r.path)))
                target.query = r.query
            } else {
                if r.path.isEmpty {
                    target.path = b.path
                    target.query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        target.path = Substring(removeDotSegments(String(r.path)))
                    } else {
                        target.path = Substring(removeDotSegments(merge(base: b, referencePath: r.path)))
                    }
                    target.query = r.query
                }
                target.authority = b.authority
            }
            target.scheme = b.scheme
        }
        var result = ""
        if let scheme = target.scheme { result += scheme + ":" }
        if let authority = target.authority { result += "//" + authority }
        result += target.path
        if let query = target.query { result += "?" + query }
        if let fragment = target.fragment { result += "#" + fragment }
        return result
    }

    static func merge(base: Components, referencePath: Substring) -> String {
        if base.authority != nil && base.path.isEmpty {
            return "/" + referencePath
        }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + referencePath
        }
        return String(referencePath)
    }

    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var outputString = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                removeLastSegment(&outputString)
            } else if input == "/.." {
                input = "/"
                removeLastSegment(&outputString)
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var end = input.startIndex
                if input.hasPrefix("/") { end = input.index(after: end) }
                end = input[end...].firstIndex(of: "/") ?? input.endIndex
                outputString += input[..<end]
                input = input[end...]
            }
        }
        return outputString
    }

    private static func removeLastSegment(_ output: inout String) {
        if let slash = output.lastIndex(of: "/") {
            output.removeSubrange(slash...)
        } else {
            output = ""
        }
    }
}
