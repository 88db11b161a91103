import KnowledgeGraph
import RDFFormats
import Testing

func ntriplesError(_ bytes: [UInt8]) -> Diagnostic? {
    do {
        _ = try NTriplesReader().parse(bytes, source: "in.nt")
        return nil
    } catch {
        return error
    }
}

@Suite struct NTriplesReaderTests {
    static let s = "<http://example.org/s>"
    static let p = "<http://example.org/p>"

    /// Each case: the document, then line, column and message of the expected error.
    @Test(arguments: [
        ("# header\n<s> \(p) \"o\" .\n", 2, 1, "the relative IRI <s> is not allowed: N-Triples needs absolute IRIs"),
        ("\(s) \(p) <o> .\n", 1, 47, "the relative IRI <o> is not allowed: N-Triples needs absolute IRIs"),
        ("\(s) \(p) \"x\"@toolongtag .\n", 1, 50, "'@toolongtag' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)"),
        ("\(s) \(p) \"x\"@ .\n", 1, 50, "'@' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)"),
        ("\(s) \(p) \"x\"@en_US .\n", 1, 50, "'@en_US' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)"),
        ("\(s) \(p) \"a\\qb\" .\n", 1, 49,
         "the escape '\\q' is not allowed (use \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX or \\UXXXXXXXX)"),
        ("\(s) \(p) \"\\uD800\" .\n", 1, 48, "the escape gives U+D800, which is not a Unicode character"),
        ("\(s) \(p) \"\\u00G1\" .\n", 1, 48, "the escape needs 4 hexadecimal digits"),
        ("\(s) \(p) \"o\"\n", 1, 50, "the triple does not end with '.'"),
        ("\(s) \(p) \"o\" ;\n", 1, 51, "expected '.' after the object"),
        ("\(s) \(p) \"abc .\n", 1, 47, "the literal is not closed with '\"' on its line"),
        ("\"s\" \(p) \"o\" .\n", 1, 1, "a literal cannot be the subject of a triple"),
        ("<http://example.org/a b> \(p) \"o\" .\n", 1, 22, "a space is not allowed in an IRI"),
        ("\(s) \(p) <http://example.org/o> . <http://example.org/x>\n", 1, 72,
         "expected the end of the line after '.' (one triple per line)"),
        ("<http://example.org/s\n", 1, 1, "the IRI is not closed with '>'"),
        ("\(s) _:p <http://example.org/o> .\n", 1, 24, "expected a predicate IRI in '<…>'"),
        ("\(s) \(p)", 1, 46, "the triple is cut off before its object"),
        ("\(s) \(p) \"1\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n", 1, 50,
         "the literal \"1\" has datatype rdf:langString but no language tag"),
        ("\(s) \(p) <http://example.org/%zz> .\n", 1, 47,
         "invalid IRI <http://example.org/%zz>: it has a '%' that is not followed by two hexadecimal digits"),
        ("\r\n\r\n\(s) \(p) _:.x .\r\n", 3, 49, "a blank node label must start with a letter, a digit or '_'"),
    ])
    func malformedInput(document: String, line: Int, column: Int, message: String) {
        let error = ntriplesError(Array(document.utf8))
        #expect(error?.code == "ntriples-syntax")
        #expect(error?.message == message)
        #expect(error?.location == Location(file: "in.nt", line: line, column: column))
    }

    @Test func badUTF8() {
        let bytes = Array("\(Self.s) \(Self.p) \"Kari".utf8) + [0xFF] + Array("\" .\n".utf8)
        let error = ntriplesError(bytes)
        #expect(error?.code == "ntriples-syntax")
        #expect(error?.message == "the input is not valid UTF-8 (byte 0xFF)")
        #expect(error?.location == Location(file: "in.nt", line: 1, column: 52))
    }

    @Test func columnsCountCharacters() {
        let error = ntriplesError(Array("<http://example.org/Kariņš> \(Self.p) <rel> .\n".utf8))
        #expect(error?.location == Location(file: "in.nt", line: 1, column: 52))
    }

    /// Expected values checked with rdflib 7 on the same document (rapper 2.0.15 refuses `\'`,
    /// which N-Triples 1.1 allows).
    @Test func readsTheWholeGrammar() throws {
        let document = "# comment line\r\n\r\n"
            + "<http://example.org/s> <http://example.org/p> \"tab\\there\\nnew \\\"q\\\" \\\\ \\u00E9\\U0001F600 \\b\\f\\r\\'\" .\r\n"
            + "_:a.b <http://example.org/p> _:a. # trailing comment\n"
            + "_:a <http://example.org/q> \"chat\"@fr-CA .\n"
            + "\t<http://example.org/s>\t<http://example.org/\\u0070>\t\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>.\n"
            + "<http://example.org/Kariņš> <http://example.org/p> \"Kariņš\" .\n"
        let graph = try NTriplesReader(blankNodePrefix: "n").parse(Array(document.utf8), source: "in.nt")
        let s = Term.iri(IRI(unchecked: "http://example.org/s"))
        let p = IRI(unchecked: "http://example.org/p")
        let q = IRI(unchecked: "http://example.org/q")
        #expect(graph.triples == [
            Triple(subject: s, predicate: p, object: .literal(Literal("tab\there\nnew \"q\" \\ é😀 \u{8}\u{C}\r'"))),
            Triple(subject: .blank(BlankNode("n0")), predicate: p, object: .blank(BlankNode("n1"))),
            Triple(subject: .blank(BlankNode("n1")), predicate: q,
                   object: .literal(Literal(unchecked: "chat", datatype: Vocabulary.rdfLangString, language: "fr-CA"))),
            Triple(subject: s, predicate: p, object: .literal(try Literal("1", datatype: Vocabulary.xsdInteger))),
            Triple(subject: .iri(IRI(unchecked: "http://example.org/Kariņš")), predicate: p, object: .literal(Literal("Kariņš"))),
        ])
    }

    @Test func emptyAndCommentOnlyDocumentsAreEmptyGraphs() throws {
        #expect(try NTriplesReader().parse([], source: "in.nt").isEmpty)
        #expect(try NTriplesReader().parse(Array("# nothing\n\n   \n".utf8), source: "in.nt").isEmpty)
    }
}
