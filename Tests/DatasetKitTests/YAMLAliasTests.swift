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

    /// `*` and `&` in text, quoted or plain, and anchors that no alias uses, are fine.
    @Test func starsAmpersandsAndUnusedAnchorsAreNotAliases() throws {
        let loaded = Fixtures.load(text: """
            dataset:
              id: t
              base: http://example.org/
            entities:
              a: &unused
                type: Person
                label: "5 *star & &co"
                skos:altLabel: [a*b, Q&A, 'x *y', Tom &Jerry]
                rdfs:comment: |
                  * a list item
                  *another
            """)
        #expect(loaded.diagnostics.allSatisfy { $0.code != "yaml-alias" && $0.code != "yaml-syntax" }, "\(loaded.report)")
        let labels = loaded.graph.triples.compactMap(\.object.literal?.lexicalForm)
        #expect(labels.contains("5 *star & &co"))
        #expect(labels.contains("Tom &Jerry"))
        #expect(labels.contains("* a list item\n*another"))
    }
}
