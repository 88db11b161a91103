internal import Yams
internal import KnowledgeGraph

/// Finds YAML aliases (`*name`) before the document is composed, because composing one that
/// uses them can take exponential time: Yams hashes every mapping key to detect duplicates,
/// and a key built from nested aliases (a YAML "billion laughs") expands to billions of nodes.
///
/// Dataset files do not use aliases (each node keeps the position it is written at, and an
/// alias would report the anchor's), so the first alias is refused at its position, and the
/// reading ends there. Anchors alone are harmless to compose; ``YAMLSource`` reports each one
/// afterwards, as the format has no use for them either.
///
/// Without a `*` followed by an anchor name the document cannot hold an alias and nothing more
/// is done. Otherwise a probe copy is composed in which every `&` is neutralised — an anchor
/// (an `&` where a node may start) becomes spaces, any other `&` an `_`, so positions stay
/// put. The probe has no anchors, so composing it is linear and every alias in it is undefined:
/// Yams reports the first one with its position.
enum YAMLAliasCheck {
    /// Anchor and alias name characters, as libyaml scans them.
    static func isNameCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Anchor and alias name characters, as libyaml scans them.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isNameCharacter(UInt8(scalar.value))
    }

    /// Throws a diagnostic at the first alias of the text of `standIns`, or the YAML error the
    /// probe ran into; returns when the document has no alias and may be composed. `source` is
    /// the file's text, with the same lines and columns.
    static func check(_ standIns: YAMLStandIns, source: YAMLSourceText, file: String) throws(Diagnostic) {
        let bytes = Array(standIns.text.utf8)
        guard mayHaveAlias(bytes) else { return }
        let probe = YAMLStandIns(String(decoding: neutralisingAnchors(bytes), as: UTF8.self))
        _ = try YAMLSource.composeAllowingRepeatedKeys(probe, source: source, file: file) { error in
            guard case .composer(_, let problem, let mark, _) = error, problem.contains("undefined alias"),
                  hasAnchor(namedLikeAliasAt: mark, in: source) else { return nil }
            return Diagnostic(
                code: "yaml-alias",
                message: "YAML aliases (*name) are not supported in dataset files: write the value out "
                    + "(an alias would take the position of its anchor, and nested aliases can expand without bound)",
                location: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)))
        }
    }

    /// Whether the document declares an anchor (`&name`) for the alias at `mark`; when it does
    /// not, the alias is simply undefined and libyaml's own message says so.
    static func hasAnchor(namedLikeAliasAt mark: Mark, in source: YAMLSourceText) -> Bool {
        let scalars = source.scalars
        guard let index = source.index(line: mark.line, column: mark.column), scalars[index] == "*" else { return true }
        var end = index + 1
        while end < scalars.count && isNameCharacter(scalars[end]) { end += 1 }
        let anchor = ["&"] + scalars[(index + 1)..<end]
        var start = 0
        while start + anchor.count <= scalars.count {
            if scalars[start..<(start + anchor.count)].elementsEqual(anchor)
                && (start + anchor.count == scalars.count || !isNameCharacter(scalars[start + anchor.count])) {
                return true
            }
            start += 1
        }
        return false
    }

    /// Whether some `*` is followed by an anchor name character (a necessary condition for an alias).
    static func mayHaveAlias(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "*") && isNameCharacter(bytes[index + 1]) { return true }
            index += 1
        }
        return false
    }

    /// `bytes` with no `&` left: one where a node may start (after a space, a line break,
    /// `[`, `{` or `,`) is removed with its name, others become `_` so plain text stays plain.
    static func neutralisingAnchors(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var index = 0
        while index < result.count {
            guard result[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            let previous: UInt8 = index > 0 ? bytes[index - 1] : 0x0A
            let startsNode = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous)
            guard startsNode else {
                result[index] = UInt8(ascii: "_")
                index += 1
                continue
            }
            result[index] = 0x20
            index += 1
            while index < result.count && isNameCharacter(result[index]) {
                result[index] = 0x20
                index += 1
            }
        }
        return result
    }
}
