import DatasetKit
import KnowledgeGraph
import Testing

/// A key written twice in one mapping is one problem among others: it is reported at each
/// repetition, and the rest of the file is still checked, so one run reports everything.
@Suite struct RepeatedKeyTests {
    @Test func repeatedKeysAndOtherProblemsAreAllReportedInFileOrder() throws {
        let loaded = try Fixtures.load("repeated-keys.yaml")
        #expect(loaded.report == [
            "repeated-keys.yaml:4:3: error: the key 'id' appears twice in the same mapping (first at line 2, column 3)",
            "repeated-keys.yaml:9:5: error: the key 'label' appears twice in the same mapping (first at line 8, column 5)",
            "repeated-keys.yaml:11:11: error: unknown class ng:Nation: the ontology does not declare it",
            "repeated-keys.yaml:13:5: error: the key 'label' appears twice in the same mapping (first at line 12, column 5)",
            "repeated-keys.yaml:14:3: error: duplicate id 'mark-rutte': it is already defined at line 6, column 3 (in entities:)",
            "repeated-keys.yaml:17:44: error: the key 'label' appears twice in the same mapping (first at line 17, column 28)",
        ])
        #expect(loaded.diagnostics.map(\.code) == [
            "duplicate-key", "duplicate-key", "unknown-class", "duplicate-key", "duplicate-id", "duplicate-key",
        ])
        // The first occurrence of each key is the one kept.
        let labels = Set(loaded.graph.triples.compactMap(\.object.literal?.lexicalForm))
        #expect(labels == ["Mark Rutte", "Lithuania", "Estonia"])
    }

    /// The same key three times, and in a flow mapping on one line: each repetition is reported.
    @Test func everyRepetitionIsReported() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: A
                label: B
                label: C
                skos:altLabel: {value: x, value: y, lang: en, value: z}
            """)
        #expect(loaded.report == [
            "inline.yaml:6:5: error: the key 'label' appears twice in the same mapping (first at line 5, column 5)",
            "inline.yaml:7:5: error: the key 'label' appears twice in the same mapping (first at line 5, column 5)",
            "inline.yaml:8:31: error: the key 'value' appears twice in the same mapping (first at line 8, column 21)",
            "inline.yaml:8:51: error: the key 'value' appears twice in the same mapping (first at line 8, column 21)",
        ])
    }

    /// A `*` in a value makes the alias check compose the file first: the repetition does not stop it.
    @Test func aStarInAValueAndARepeatedKey() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Persn
                label: "5 *star"
                label: again
            """)
        #expect(loaded.report.count == 2)
        #expect(loaded.report.first?.hasPrefix("inline.yaml:4:11: error: unknown class ng:Persn") == true)
        #expect(loaded.report.last == "inline.yaml:6:5: error: the key 'label' appears twice in the same mapping (first at line 5, column 5)")
    }

    /// A section written twice: reported, and the nodes of both are still checked.
    @Test func aRepeatedSectionIsReportedAndStillRead() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a: {type: Person, label: A}
            entities:
              b: {type: Persn, label: B}
            """)
        #expect(loaded.report.count == 2)
        #expect(loaded.report.first == "inline.yaml:4:1: error: the key 'entities' appears twice in the same mapping (first at line 2, column 1)")
        #expect(loaded.report.last?.hasPrefix("inline.yaml:5:13: error: unknown class ng:Persn") == true)
    }

    /// Many repetitions take one more pass over the file, not one per repetition.
    @Test func manyRepetitionsAreReportedQuickly() {
        let count = 2_000
        var text = "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\n"
        for round in 0..<2 {
            for index in 0..<count { text += "  n\(index):\n    type: Person\n    label: A\n    label: B\(round)\n" }
        }
        let clock = ContinuousClock()
        var loaded: LoadedDataset?
        let elapsed = clock.measure { loaded = Fixtures.load(text: text) }
        let codes = loaded?.diagnostics.map(\.code) ?? []
        #expect(codes.filter { $0 == "duplicate-key" }.count == count)
        #expect(codes.filter { $0 == "duplicate-id" }.count == count)
        #expect(codes.count == 2 * count)
        #expect(loaded?.report.last == "inline.yaml:\(2 + 8 * count - 3):3: error: duplicate id 'n\(count - 1)': "
                + "it is already defined at line \(2 + 4 * count - 3), column 3 (in entities:)")
        #expect(elapsed < .seconds(30), "\(elapsed)")
    }

    /// One key written more than 2,047 times in one mapping cannot be told apart: it ends the
    /// reading at its first occurrence, as a YAML error does, after a bounded number of passes.
    @Test func oneKeyWrittenThousandsOfTimesEndsTheReading() {
        var text = "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\n"
        for index in 0..<2_100 { text += "  a: {type: Person, label: A\(index)}\n" }
        let loaded = Fixtures.load(text: text)
        #expect(loaded.document == nil)
        #expect(loaded.report == [
            "inline.yaml:3:3: error: the key 'a' appears more than once in this mapping (this is the first); a key may appear only once",
        ])
    }

    /// However far apart the repetitions are, and however the key is written.
    @Test func repetitionsFarApartOrOddlyWritten() {
        var text = "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\n  b: {type: Person, label: B}\n"
        for index in 0..<2046 { text += "  e\(index): {type: Person, label: E}\n" }
        text += "  b: {type: Person, label: B again}\n"
        text += "  c: {type: Person, label: C, !!str label: C again, \"é\": 1, \"é\": 2, '-x': 1, '-x': 2, ? [k] : 1}\n"
        let loaded = Fixtures.load(text: text)
        #expect(loaded.report == [
            "inline.yaml:2050:3: error: duplicate id 'b': it is already defined at line 3, column 3 (in entities:)",
            "inline.yaml:2051:31: error: the key 'label' appears twice in the same mapping (first at line 2051, column 21)",
            "inline.yaml:2051:53: error: unknown property ng:é: the ontology does not declare it",
            "inline.yaml:2051:61: error: the key 'é' appears twice in the same mapping (first at line 2051, column 53)",
            "inline.yaml:2051:69: error: unknown property ng:-x: the ontology does not declare it",
            "inline.yaml:2051:78: error: the key '-x' appears twice in the same mapping (first at line 2051, column 69)",
            "inline.yaml:2051:89: error: a key must be a single value, not a list",
        ])
    }
}
