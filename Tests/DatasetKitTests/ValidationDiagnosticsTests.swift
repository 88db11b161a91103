import DatasetKit
import KnowledgeGraph
import Testing

/// Every kind of problem is reported with its message and its FILE:LINE:COL, and all of them
/// are reported in one run.
@Suite struct ValidationDiagnosticsTests {
    /// One file with many problems: each is reported, in file order, none hides another.
    @Test func everyProblemOfAFileIsReported() throws {
        let loaded = try Fixtures.load("semantic-errors.yaml")
        #expect(loaded.report == [
            "semantic-errors.yaml:8:20: error: \"2024-13-45\" is not a valid xsd:date: it has no month 13",
            "semantic-errors.yaml:11:11: error: unknown class ng:Persn: the ontology does not declare it (did you mean ng:Person?)",
            "semantic-errors.yaml:16:12: error: \"twelve\" is not a valid xsd:integer: it is not an integer (digits with an optional sign)",
            "semantic-errors.yaml:17:5: error: property ng:endorsee does not apply to 'lithuania', a ng:Country: its domain is ng:Endorsement",
            "semantic-errors.yaml:18:3: error: node 'no-label' has no label (rdfs:label)",
            "semantic-errors.yaml:25:15: error: no node has the id 'latvia'",
            "semantic-errors.yaml:26:11: error: \"2024-02-30\" is not a valid xsd:date: it has no day 30 in month 2 (it has 29 days)",
            "semantic-errors.yaml:27:5: error: unknown property ng:sayz: the ontology does not declare it",
            "semantic-errors.yaml:29:3: error: node 'unsourced' is a ng:Statement, which is a kind of ng:Event, but cites no source: give it prov:wasDerivedFrom",
            "semantic-errors.yaml:32:14: error: property ng:speaker expects a ng:Person, but 'lithuania' is a ng:Country",
            "semantic-errors.yaml:33:3: error: duplicate id 'lithuania': it is already defined at line 13, column 3 (in entities:)",
        ])
        #expect(loaded.diagnostics.map(\.code) == [
            "invalid-literal", "unknown-class", "invalid-literal", "domain-mismatch", "missing-label", "missing-reference",
            "invalid-literal", "unknown-property", "missing-source", "range-mismatch", "duplicate-id",
        ])
        #expect(loaded.hasErrors)
    }

    /// Each datatype's lexical check, reached through the dataset loader.
    @Test(arguments: [
        ("date", "2024-13-45", "\"2024-13-45\" is not a valid xsd:date: it has no month 13"),
        ("date", "2023-02-29", "\"2023-02-29\" is not a valid xsd:date: it is 29 February of 2023, which is not a leap year"),
        ("month", "2024-13", "\"2024-13\" is not a valid xsd:gYearMonth: it has no month 13"),
        ("at", "2024-04-02 10:30", "\"2024-04-02 10:30\" is not a valid xsd:dateTime: it is not a date and time (YYYY-MM-DDThh:mm:ss)"),
        ("count", "twelve", "\"twelve\" is not a valid xsd:integer: it is not an integer (digits with an optional sign)"),
        ("total", "-3", "\"-3\" is not a valid xsd:nonNegativeInteger: it is less than 0, the smallest value allowed"),
        ("share", "1,5", "\"1,5\" is not a valid xsd:decimal: it is not a decimal number (digits with an optional sign and decimal point)"),
        ("ratio", "high", "\"high\" is not a valid xsd:double: it is not a floating-point number (such as 1.5, -2E3, INF or NaN)"),
        ("temporary", "yes", "\"yes\" is not a valid xsd:boolean: it is not a boolean (true, false, 1 or 0)"),
        ("url", "\"https://example.org/a b\"", "\"https://example.org/a b\" is not a valid xsd:anyURI: it contains a space"),
    ])
    func literalsMustParseAsTheirRange(property: String, value: String, message: String) {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            events:
              c:
                type: Statement
                label: C
                prov:wasDerivedFrom: <http://example.org/article>
                \(property): \(value)
            """)
        #expect(loaded.report == ["inline.yaml:7:\(7 + property.count): error: \(message)"])
        #expect(loaded.diagnostics.first?.code == "invalid-literal")
    }

    @Test func propertyOutsideItsDomain() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              rutte:
                type: Person
                label: Rutte
                date: 2024-04-02
            """)
        #expect(loaded.report == [
            "inline.yaml:6:5: error: property ng:date does not apply to 'rutte', a ng:Person: its domain is ng:Event",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["domain-mismatch"])
    }

    /// A sub-class satisfies its super-class's domain: `Endorsement` ⊑ `Event` may have `date`.
    @Test func subClassesSatisfyTheDomain() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            sources:
              a: {type: NewsArticle, label: A}
            events:
              e: {type: Endorsement, label: E, date: 2024-04-02, prov:wasDerivedFrom: a}
            """)
        #expect(loaded.report == [])
    }

    @Test func objectOfTheWrongClass() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            sources:
              a: {type: NewsArticle, label: A}
            entities:
              rutte: {type: Person, label: Rutte}
            events:
              e:
                type: Endorsement
                label: E
                endorser: rutte
                prov:wasDerivedFrom: [a, rutte]
            """)
        #expect(loaded.report == [
            "inline.yaml:10:15: error: property ng:endorser expects a ng:Country, but 'rutte' is a ng:Person",
            "inline.yaml:11:30: error: property prov:wasDerivedFrom expects a ng:NewsArticle, but 'rutte' is a ng:Person",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["range-mismatch", "range-mismatch"])
    }

    @Test func objectPropertyWithALiteral() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            events:
              e:
                type: Endorsement
                label: E
                endorser: {value: Lithuania, lang: en}
            """)
        #expect(loaded.report.contains(
            "inline.yaml:6:15: error: property 'endorser' links to nodes: its value must be a node id, a prefixed name "
            + "or an <IRI>, not a literal with lang: or datatype:"))
    }

    @Test func referenceToAMissingID() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            sources:
              article-1: {type: NewsArticle, label: A}
            events:
              e:
                type: Endorsement
                label: E
                prov:wasDerivedFrom: article-2
            """)
        #expect(loaded.report == ["inline.yaml:8:26: error: no node has the id 'article-2' (did you mean 'article-1'?)"])
        #expect(loaded.diagnostics.map(\.code) == ["missing-reference"])
    }

    @Test func invalidReference() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              r: {type: Person, label: R, owl:sameAs: "Mark Rutte"}
            """)
        #expect(loaded.report == [
            "inline.yaml:3:43: error: 'Mark Rutte' is not a node id (ids use only letters, digits, '_' and '-'): "
            + "property 'owl:sameAs' links to nodes",
        ])
    }

    @Test func duplicateIDAcrossSections() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              rutte: {type: Person, label: Rutte}
            claims:
              rutte: {type: Claim, label: Another}
            """)
        #expect(loaded.report == [
            "inline.yaml:5:3: error: duplicate id 'rutte': it is already defined at line 3, column 3 (in entities:)",
        ])
    }

    /// Yams refuses a mapping with a repeated key before we see it; the loader still names the
    /// second occurrence and calls it a duplicate id when it is one.
    @Test func duplicateIDInOneSection() throws {
        let loaded = try Fixtures.load("duplicate-key.yaml")
        #expect(loaded.report == [
            "duplicate-key.yaml:8:3: error: duplicate id 'a': it is already defined at line 5, column 3 (in entities:)",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["duplicate-id"])
    }

    @Test func duplicateKeyInANode() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: A
                label: B
            """)
        #expect(loaded.report == [
            "inline.yaml:6:5: error: the key 'label' appears twice in the same mapping (first at line 5, column 5)",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["duplicate-key"])
    }

    @Test func nodeWithoutALabelOrType() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              nameless:
                type: Person
              typeless:
                label: Typeless
            """)
        #expect(loaded.report == [
            "inline.yaml:3:3: error: node 'nameless' has no label (rdfs:label)",
            "inline.yaml:5:3: error: node 'typeless' has no type",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["missing-label", "missing-type"])
    }

    @Test func eventWithoutASource() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            events:
              e: {type: Event, label: E}
            """)
        #expect(loaded.report == [
            "inline.yaml:3:3: error: node 'e' is a ng:Event but cites no source: give it prov:wasDerivedFrom",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["missing-source"])
    }

    @Test func unknownClassAndPropertySuggestions() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: [Person, schema:Person, Contry]
                label: A
                endorsr: b
            """)
        #expect(loaded.report == [
            "inline.yaml:4:20: error: unknown class schema:Person: the ontology does not declare it (did you mean ng:Person?)",
            "inline.yaml:4:35: error: unknown class ng:Contry: the ontology does not declare it (did you mean ng:Country?)",
            "inline.yaml:6:5: error: unknown property ng:endorsr: the ontology does not declare it (did you mean ng:endorser?)",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["unknown-class", "unknown-class", "unknown-property"])
    }

    @Test func unknownPrefix() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            entities:
              a:
                type: Person
                label: A
                foaf:nick: Ru
                owl:sameAs: https://www.wikidata.org/wiki/Q57792
                dbo:party: x
            """)
        #expect(loaded.report == [
            "inline.yaml:6:5: error: unknown property foaf:nick: the ontology does not declare it",
            "inline.yaml:7:17: error: unknown prefix 'https' in the value 'https://www.wikidata.org/wiki/Q57792': "
            + "declare it under prefixes:, or write a full IRI in angle brackets (<https://www.wikidata.org/wiki/Q57792>)",
            "inline.yaml:8:5: error: unknown prefix 'dbo' in the property 'dbo:party': declare it under prefixes:",
        ])
        #expect(loaded.diagnostics.map(\.code) == ["unknown-property", "unknown-prefix", "unknown-prefix"])
    }

    @Test func languageTagsAndDatatypes() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            claims:
              c:
                type: Claim
                label: {value: Väide, lang: "et EE"}
                note: plain text
                count: {value: "12", datatype: xsd:string}
                total: {value: "12", datatype: xsd:integer}
            """)
        #expect(loaded.report == [
            "inline.yaml:5:33: error: 'et EE' is not a well-formed language tag (BCP 47, such as en, et or pt-BR)",
            "inline.yaml:6:11: error: property 'note' takes text with a language tag: write {value: plain text, lang: …}",
            "inline.yaml:7:12: error: property ng:count expects values of type xsd:integer, but this value is a literal of type xsd:string",
            "inline.yaml:8:12: error: property ng:total expects values of type xsd:nonNegativeInteger, but this value is a literal of type xsd:integer",
        ])
        #expect(loaded.diagnostics.map(\.code) == [
            "invalid-language-tag", "missing-language", "datatype-mismatch", "datatype-mismatch",
        ])
    }

    @Test func headerProblems() {
        let loaded = Fixtures.load(text: """
            dataset:
              id: "not valid"
              title: [a, b]
            """)
        #expect(loaded.report == [
            "inline.yaml:2:3: error: the dataset: section has no base (the IRI that node ids are appended to)",
            "inline.yaml:2:7: error: the dataset id 'not valid' may use only letters, digits, '_' and '-'",
            "inline.yaml:3:10: error: dataset.title must be a single value, not a list",
        ])
    }

    @Test func invalidBase() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "not an iri/"}
            entities:
              a: {type: Person, label: A}
            """)
        #expect(loaded.report == ["inline.yaml:1:24: error: the base <not an iri/> is not a valid IRI: it is not absolute (it has no scheme)"])
        #expect(loaded.diagnostics.map(\.code) == ["invalid-iri"])
    }

    @Test func missingDatasetSection() {
        let loaded = Fixtures.load(text: "entities:\n  a: {type: Person, label: A}\n")
        #expect(loaded.report == ["inline.yaml:1:1: error: the file has no dataset: section (it needs at least an id and a base)"])
    }

    @Test func prefixRebindingTheOntologysIsRefused() {
        let loaded = Fixtures.load(text: """
            dataset: {id: t, base: "http://example.org/id/t/"}
            prefixes:
              ng: http://example.org/other#
              "1x": http://example.org/x#
            """)
        #expect(loaded.report == [
            "inline.yaml:3:3: error: the prefix 'ng' is bound to <http://example.org/ns/test#> by the ontology; "
            + "choose another name for <http://example.org/other#>",
            "inline.yaml:4:3: error: the prefix '1x' must start with a letter and use only letters, digits, '_', '-' and '.'",
        ])
    }
}
