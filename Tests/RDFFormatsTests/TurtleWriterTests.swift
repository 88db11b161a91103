import KnowledgeGraph
import RDFFormats
import Testing

@Suite struct TurtleWriterTests {
    let ex = TestGraphs.ex

    /// The layout below was read back by rapper and rdflib as the same 13 triples.
    @Test func groupsPredicatesAndObjects() throws {
        let text = try written(TestGraphs.graph(TestGraphs.person()), by: TurtleWriter())
        #expect(text.hasPrefix("""
            @prefix ex: <\(ex)> .
            @prefix ns1: <http://other.example/vocab/> .
            @prefix rdf: <\(Vocabulary.rdfNamespace)> .
            @prefix xsd: <\(Vocabulary.xsdNamespace)> .

            ex:Nato ns1:member ex:Stoltenberg .

            ex:Stoltenberg a ex:Diplomat, ex:Person ;
                ex:address _:b1 ;
                ex:age 65 ;
                ex:born "1959-03-16"^^xsd:date ;
            """))
        #expect(text.contains("    ex:name \"Jens Stoltenberg\"@en, \"Jens Stoltenberg\"@nb ;\n"))
        #expect(text.hasSuffix("_:b1 ex:city \"Oslo\" ;\n    rdf:_1 \"first\" .\n"))
        #expect(!text.contains("@prefix owl:"))
    }

    @Test(arguments: [
        ("42", Vocabulary.xsdInteger, "42"),
        ("-7", Vocabulary.xsdInteger, "-7"),
        ("0", Vocabulary.xsdInteger, "0"),
        ("042", Vocabulary.xsdInteger, "\"042\"^^xsd:integer"),
        ("+1", Vocabulary.xsdInteger, "\"+1\"^^xsd:integer"),
        ("-0", Vocabulary.xsdInteger, "\"-0\"^^xsd:integer"),
        ("1.5", Vocabulary.xsdDecimal, "1.5"),
        ("-0.25", Vocabulary.xsdDecimal, "-0.25"),
        ("0.0", Vocabulary.xsdDecimal, "0.0"),
        ("1.50", Vocabulary.xsdDecimal, "\"1.50\"^^xsd:decimal"),
        ("1.", Vocabulary.xsdDecimal, "\"1.\"^^xsd:decimal"),
        ("-0.0", Vocabulary.xsdDecimal, "\"-0.0\"^^xsd:decimal"),
        ("true", Vocabulary.xsdBoolean, "true"),
        ("1", Vocabulary.xsdBoolean, "\"1\"^^xsd:boolean"),
        ("1.0E0", Vocabulary.xsdDouble, "\"1.0E0\"^^xsd:double"),
    ])
    func shortFormsOnlyWhereExact(lexical: String, datatype: IRI, expected: String) throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"), object: TestGraphs.typed(lexical, datatype))])
        let text = try written(graph, by: TurtleWriter())
        // The namespace of the predicate gets a generated prefix.
        #expect(text.hasPrefix("@prefix ns1: <\(ex)> .\n"))
        #expect(text.hasSuffix("\nns1:s ns1:p \(expected) .\n"))
    }

    @Test(arguments: [
        ("a.b", "ex:a.b"),
        ("a.", "<http://example.org/ns#a.>"),
        ("a/b", "<http://example.org/ns#a/b>"),
        ("2019", "ex:2019"),
        ("a%20b", "ex:a%20b"),
        ("", "ex:"),
        ("-x", "<http://example.org/ns#-x>"),
    ])
    func prefixedNamesOnlyForValidLocalParts(local: String, expected: String) throws {
        let graph = TestGraphs.graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"),
                                             object: .iri(IRI(unchecked: ex + local)))])
        let text = try written(graph, by: TurtleWriter())
        #expect(text.hasSuffix("ex:s ex:p \(expected) .\n"))
    }

    @Test func multiLineStringsUseLongQuotes() throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: TestGraphs.iri("p"),
                                  object: TestGraphs.text("first \"line\"\nsecond\r\nends with a quote\""))])
        let text = try written(graph, by: TurtleWriter())
        #expect(text.hasSuffix(" \"\"\"first \\\"line\\\"\nsecond\\r\nends with a quote\\\"\"\"\" .\n"))
    }

    @Test func outputIsIndependentOfTripleOrderAndBlankNodeLabels() throws {
        let graph = TestGraphs.graph(TestGraphs.person())
        let expected = try written(graph, by: TurtleWriter())
        for seed in 1...5 as ClosedRange<UInt64> {
            #expect(try written(shuffledAndRelabelled(graph, seed: seed), by: TurtleWriter()) == expected)
        }
    }

    @Test func refusesWhatTurtleCannotSay() throws {
        let graph = Graph([Triple(subject: TestGraphs.node("s"), predicate: IRI(unchecked: "p"), object: TestGraphs.text("x"))])
        let diagnostic = try refusal(graph, by: TurtleWriter())
        #expect(diagnostic.message.contains("predicate IRI"))
    }
}
