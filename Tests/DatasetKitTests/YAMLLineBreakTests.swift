import DatasetKit
import KnowledgeGraph
import Testing

/// Positions are those an editor shows: only LF, CR LF and CR end a line. libyaml follows YAML
/// 1.1 and also breaks lines at U+0085 (NEL), U+2028 (LS) and U+2029 (PS); YAML 1.2 does not,
/// and neither does any editor, so those characters are text like any other.
@Suite struct YAMLLineBreakTests {
    /// Each of the three inside a value, then a problem further down: it is reported on its own line.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func laterPositionsAreTheEditorsOnes(separator: String) {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: "first\(separator)  second"
                skos:altLabel: plain\(separator)text
                rdfs:comment: |
                  block\(separator)text
              b:
                type: Nation
                label: B
            """)
        #expect(loaded.report.count == 1)
        #expect(loaded.report.first?.hasPrefix("inline.yaml:10:11: error: unknown class ng:Nation") == true, "\(loaded.report)")
        // The values keep the character, and the spaces after it, as written.
        let literals = Set(loaded.graph.triples.compactMap(\.object.literal?.lexicalForm))
        #expect(literals.isSuperset(of: ["first\(separator)  second", "plain\(separator)text", "block\(separator)text\n"]))
    }

    /// A YAML syntax error after such a character is reported where the editor shows it.
    @Test func syntaxErrorsAfterALineSeparator() {
        let loaded = Fixtures.load(text: "dataset:\n  title: \"a\u{2028}b\"\n  id: t\n    base: x\n")
        #expect(loaded.report == [
            "inline.yaml:4:9: error: YAML syntax error: mapping values are not allowed in this context; "
            + "check the indentation of this line",
        ])
    }

    /// libyaml's reader reports a byte offset; the position counts characters on the editor's lines.
    @Test func readerErrorsAfterNonASCIIText() {
        let loaded = Fixtures.load(text: "dataset:\n  title: \"é\u{2028}ü\u{85}\"\n  id: t\u{7}\n")
        #expect(loaded.report.first?.hasPrefix("inline.yaml:3:8: error: YAML syntax error: control characters are not allowed") == true,
                "\(loaded.report)")
    }

    /// The same files with CR or CR LF line ends give the same positions as with LF.
    @Test(arguments: ["\r", "\r\n"])
    func otherLineEndsGiveTheSamePositions(lineEnd: String) throws {
        let texts = [
            "dataset:\n  id: t\n\tbase: x\n",
            "dataset:\n  id: [t\n",
            "dataset:\n  id: [t",
            "dataset:\n  id: t\n  title: \"open\n",
            "dataset:\n  id: t\n    base: x\n",
            try String(decoding: Fixtures.bytes("semantic-errors.yaml"), as: UTF8.self),
            try String(decoding: Fixtures.bytes("bad-indentation.yaml"), as: UTF8.self),
        ]
        for text in texts {
            let expected = Fixtures.load(text: text).report
            #expect(!expected.isEmpty)
            let relined = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineEnd)
            #expect(Fixtures.load(text: relined).report == expected, "\(relined.debugDescription)")
        }
    }
}
