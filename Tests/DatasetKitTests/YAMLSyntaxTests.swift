import DatasetKit
import KnowledgeGraph
import Testing

/// Malformed YAML is reported with the position of the mistake, and nothing is built.
@Suite struct YAMLSyntaxTests {
    @Test func tabIndentation() throws {
        let loaded = try Fixtures.load("tab.yaml")
        #expect(loaded.report == ["tab.yaml:3:1: error: a tab character cannot indent YAML: indent with spaces"])
        #expect(loaded.diagnostics.map(\.code) == ["yaml-tab"])
        #expect(loaded.document == nil)
        #expect(loaded.graph.isEmpty)
    }

    /// libyaml notices a missing closing quote only at the end of the file; the report points at
    /// the opening quote instead.
    @Test func unclosedQuote() throws {
        let loaded = try Fixtures.load("unclosed-quote.yaml")
        #expect(loaded.report == [
            "unclosed-quote.yaml:7:12: error: this quoted string is never closed (the closing quote is missing)",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["yaml-unclosed-quote"])
    }

    @Test func badIndentation() throws {
        let loaded = try Fixtures.load("bad-indentation.yaml")
        #expect(loaded.report == [
            "bad-indentation.yaml:7:4: error: YAML syntax error: did not find expected key (while parsing a block "
            + "mapping that starts at line 5, column 3); check the indentation of this line",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["yaml-syntax"])
    }

    @Test func overIndentedLine() {
        let loaded = Fixtures.load(text: "dataset:\n  id: t\n    base: x\n")
        #expect(loaded.report == [
            "inline.yaml:3:9: error: YAML syntax error: mapping values are not allowed in this context; "
            + "check the indentation of this line",
        ])
    }

    @Test func unclosedFlowList() {
        let loaded = Fixtures.load(text: "dataset:\n  id: t\n  base: [a, b\nentities: {}\n")
        #expect(loaded.report == [
            "inline.yaml:4:9: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence "
            + "that starts at line 3, column 9)",
        ])
    }

    @Test func undefinedAlias() {
        let loaded = Fixtures.load(text: "dataset:\n  id: *name\n")
        #expect(loaded.report == ["inline.yaml:2:7: error: YAML syntax error: found undefined alias"])
    }

    @Test func invalidUTF8() {
        var bytes = Array("dataset:\n  id: t\n  title: caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n".utf8))
        let loaded = DatasetLoader(ontology: TestOntology.graph).load(bytes, file: "latin1.yaml")
        #expect(loaded.report == ["latin1.yaml:3:13: error: the file is not valid UTF-8"])
        #expect(loaded.diagnostics.map(\.code) == ["yaml-encoding"])
    }

    @Test func controlCharacter() {
        let loaded = Fixtures.load(text: "dataset:\n  id: t\u{7}\n")
        #expect(loaded.diagnostics.map(\.code) == ["yaml-syntax"])
        #expect(loaded.report.first?.hasPrefix("inline.yaml:2:8: error: YAML syntax error: control characters are not allowed") == true)
    }

    @Test func emptyFile() {
        let loaded = Fixtures.load(text: "# nothing here\n")
        #expect(loaded.report == ["inline.yaml:1:1: error: the dataset file is empty: it needs at least a dataset: section"])
    }

    @Test func byteOrderMarkIsAccepted() {
        let loaded = Fixtures.load(text: "\u{FEFF}dataset: {id: t, base: \"http://example.org/id/t/\"}\n")
        #expect(loaded.report == [])
    }
}

/// Structures of the wrong shape (a list where a mapping belongs, …) are reported one by one.
@Suite struct ShapeTests {
    @Test func everyShapeProblemIsReported() throws {
        let loaded = try Fixtures.load("shape-errors.yaml")
        #expect(loaded.report == [
            "shape-errors.yaml:4:3: error: unknown field 'colour' in the dataset: section: it takes id, title, base, ontology",
            "shape-errors.yaml:6:3: error: the entities: section must be a mapping from node ids to nodes, not a list",
            "shape-errors.yaml:8:14: error: node 'article-1' must be a mapping of properties (type:, label:, …), not the single value 'just a string'",
            "shape-errors.yaml:10:3: error: node 'event-1' is a ng:Event but cites no source: give it prov:wasDerivedFrom",
            "shape-errors.yaml:12:13: error: property 'label' of node 'event-1' has a list inside a list; write the values as one list",
            "shape-errors.yaml:13:26: error: a value cannot have both lang: and datatype: (property 'prov:wasDerivedFrom' of node 'event-1')",
            "shape-errors.yaml:14:3: error: the node id 'bad id' may use only letters, digits, '_' and '-'",
            "shape-errors.yaml:16:1: error: unknown section 'extras': a dataset has the sections dataset, prefixes, sources, entities, events, claims",
        ])
        #expect(loaded.diagnostics.map(\.code) == [
            "unknown-key", "wrong-shape", "wrong-shape", "missing-source", "wrong-shape", "wrong-shape",
            "invalid-id", "unknown-key",
        ])
    }

    @Test func rootMustBeAMapping() {
        let loaded = Fixtures.load(text: "- dataset\n- entities\n")
        #expect(loaded.report == [
            "inline.yaml:1:1: error: a dataset file must be a mapping with the sections dataset:, prefixes:, sources:, "
            + "entities:, events: and claims:, not a list",
        ])
    }

    @Test func headerMustBeAMapping() {
        let loaded = Fixtures.load(text: "dataset: [a, b]\n")
        #expect(loaded.report == [
            "inline.yaml:1:10: error: the dataset: section must be a mapping (id:, title:, base:, ontology:), not a list",
        ])
    }

    @Test func prefixesMustBeAMapping() {
        let loaded = Fixtures.load(text: "dataset: {id: t, base: \"http://example.org/id/t/\"}\nprefixes: [wd]\n")
        #expect(loaded.report == [
            "inline.yaml:2:11: error: the prefixes: section must be a mapping from prefix to namespace IRI, not a list",
        ])
    }

    @Test func valueMappingsNeedAValue() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: {lang: en}
                skos:altLabel: {value: A, language: en}
                skos:prefLabel:
              b:
                type: {value: Person, datatype: xsd:string}
                label: B
            """)
        #expect(loaded.report == [
            "inline.yaml:5:12: error: a value written as a mapping needs value: (property 'label' of node 'a')",
            "inline.yaml:6:31: error: a value written as a mapping takes value: with lang: or datatype:, not 'language' "
            + "(property 'skos:altLabel' of node 'a')",
            "inline.yaml:7:20: error: property 'skos:prefLabel' of node 'a' has no value",
            "inline.yaml:9:11: error: the type of node 'b' must be a class name, not a literal",
        ])
    }
}
