import DatasetKit
import KnowledgeGraph
import Testing

/// Characters XML 1.0 forbids (C0 controls other than TAB, LF and CR; U+FFFE, U+FFFF) can reach
/// a dataset only through escapes in double-quoted YAML strings. Each is reported at its escape,
/// before any file is written, since RDF/XML and GraphML could not hold the value.
@Suite struct ForbiddenCharacterTests {
    @Test func eachForbiddenEscapeIsReportedAtItsPosition() {
        let loaded = Fixtures.load(text: #"""
            dataset: {id: t, base: "http://example.org/id/t/", title: "T\b"}
            entities:
              a:
                type: Person
                label: "bell\a here"
                skos:altLabel: ["nul\0", "x\uFFFF", "ok\ttab\r\n"]
                "k\e y": v
                rdfs:comment: {value: "\x1F and \U0000FFFE", lang: en}
            """#)
        let rule = "a character XML 1.0 does not allow (RDF/XML and GraphML cannot hold it)"
        #expect(loaded.report == [
            "inline.yaml:1:61: error: the escape \\b stands for U+0008, \(rule): remove it from this value",
            "inline.yaml:5:17: error: the escape \\a stands for U+0007, \(rule): remove it from this value",
            "inline.yaml:6:25: error: the escape \\0 stands for U+0000, \(rule): remove it from this value",
            "inline.yaml:6:32: error: the escape \\uFFFF stands for U+FFFF, \(rule): remove it from this value",
            "inline.yaml:7:7: error: the escape \\e stands for U+001B, \(rule): remove it from this key",
            "inline.yaml:8:28: error: the escape \\x1F stands for U+001F, \(rule): remove it from this value",
            "inline.yaml:8:37: error: the escape \\U0000FFFE stands for U+FFFE, \(rule): remove it from this value",
        ])
        #expect(Set(loaded.diagnostics.map(\.code)) == ["forbidden-character"])
        // The refused values are left out, so no node is reported as lacking its label.
        let literals = loaded.graph.triples.compactMap(\.object.literal?.lexicalForm)
        #expect(literals.contains("ok\ttab\r\n"))
        #expect(!literals.contains { $0.unicodeScalars.contains { $0.value < 0x09 || $0.value == 0xFFFF } })
    }

    /// Escapes XML allows, and other text, are not reported.
    @Test func allowedEscapesPass() {
        let loaded = Fixtures.load(text: #"""
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: "tab\t, line\n, return\r, \x7F, \u00E9, \uFFFD, \U0001F600, \N, \_, \L, \P, \\a, \"quoted\" and '\\0'"
            """#)
        #expect(loaded.report == [])
    }

    /// A value that spans lines or follows a tag still has each escape found.
    @Test func escapesAreFoundAcrossLinesAndAfterTags() {
        let loaded = Fixtures.load(text: #"""
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: !!str "first line
                  second \v line\
                  \f"
            """#)
        let rule = "a character XML 1.0 does not allow (RDF/XML and GraphML cannot hold it)"
        #expect(loaded.report == [
            "inline.yaml:6:14: error: the escape \\v stands for U+000B, \(rule): remove it from this value",
            "inline.yaml:7:7: error: the escape \\f stands for U+000C, \(rule): remove it from this value",
        ])
    }
}
