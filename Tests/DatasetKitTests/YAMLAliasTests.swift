import DatasetKit
import KnowledgeGraph
import Testing

/// YAML aliases are refused before the document is composed: composing nested aliases used as
/// mapping keys hung (Yams hashes each key, and nine levels of ten aliases make 10⁹ nodes).
@Suite struct YAMLAliasTests {
    static let header = "dataset:\n  id: t\n  base: http://example.org/\n"

    /// Nine levels of ten aliases: a YAML "billion laughs".
    static func bomb(asKeys: Bool) -> String {
        var text = header + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + (asKeys ? "entities:\n  ? *a9\n  : {label: x}\n  ? [*a9]\n  : {label: y}\n"
                              : "entities:\n  n:\n    skos:altLabel: *a9\n")
    }

    @Test(arguments: [true, false])
    func aliasBombEndsAtOnceAtTheFirstAlias(asKeys: Bool) {
        let clock = ContinuousClock()
        var loaded: LoadedDataset?
        let elapsed = clock.measure { loaded = Fixtures.load(text: Self.bomb(asKeys: asKeys)) }
        #expect(loaded?.document == nil)
        #expect(loaded?.diagnostics.map(\.code) == ["yaml-alias"])
        // Line 5 is `x1: &a1 [*a0, …`: the first alias is at column 10.
        #expect(loaded?.diagnostics.first?.location == SourceLocation(file: "inline.yaml", line: 5, column: 10))
        #expect(elapsed < .seconds(5))
    }

    @Test func anAliasOfAScalarIsRefusedToo() {
        let loaded = Fixtures.load(text: Self.header + "entities:\n  a:\n    type: &t Person\n    label: x\n  b:\n    type: *t\n    label: y\n")
        #expect(loaded.report == ["inline.yaml:9:11: error: YAML aliases (*name) are not supported in dataset files: write the value out (an alias would take the position of its anchor, and nested aliases can expand without bound)"])
    }

    /// `*` and `&` in text, quoted or plain, are not aliases or anchors.
    @Test func starsAndAmpersandsInTextAreFine() throws {
        let loaded = Fixtures.load(text: """
            dataset:
              id: t
              base: http://example.org/
            entities:
              a:
                type: Person
                label: "5 *star & &co"
                skos:altLabel: [a*b, Q&A, 'x *y', Tom &Jerry, "&quoted", '*single']
                rdfs:comment: |
                  * a list item
                  *another &more
            """)
        #expect(loaded.report == [])
        let labels = loaded.graph.triples.compactMap(\.object.literal?.lexicalForm)
        #expect(labels.contains("5 *star & &co"))
        #expect(labels.contains("Tom &Jerry"))
        #expect(labels.contains("&quoted"))
        #expect(labels.contains("* a list item\n*another &more"))
    }

    /// An anchor that no alias uses is refused too, as the dataset format says, at its `&`;
    /// each one is reported, and the rest of the file is still checked.
    @Test func anchorsWithoutAliasesAreRefused() {
        let loaded = Fixtures.load(text: """
            dataset:
              id: t
              base: http://example.org/
            entities:
              a: &node
                type: Persn
                label: &a A
                skos:altLabel: [&b B, C]
            """)
        let rule = "are not supported in dataset files: remove it (anchors serve only aliases, which are refused too)"
        #expect(loaded.report.count == 4)
        #expect(loaded.report.first == "inline.yaml:5:6: error: YAML anchors (&node) \(rule)")
        #expect(loaded.report.dropFirst().first?.hasPrefix("inline.yaml:6:11: error: unknown class ng:Persn") == true)
        #expect(Array(loaded.report.dropFirst(2)) == [
            "inline.yaml:7:12: error: YAML anchors (&a) \(rule)",
            "inline.yaml:8:21: error: YAML anchors (&b) \(rule)",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["yaml-anchor", "unknown-class", "yaml-anchor", "yaml-anchor"])
    }
}
