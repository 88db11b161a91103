import GraphSynthesis
import KnowledgeGraph
import RDFFormats
import TestSupport
import Testing

/// Seeded random graphs full of the hard cases — blank nodes (chains, cycles, self-loops),
/// empty literals, language tags, every XSD datatype the project checks, XML literals,
/// non-ASCII IRIs, `&<>"'`, CR, LF and TAB in literals — written and read back:
/// N-Triples → RDF/XML → read is the same graph, and → N-Triples → read is the same graph
/// with the same bytes. A failure prints its seed; `ROUNDTRIP_SEED` and `ROUNDTRIP_GRAPHS`
/// replay or widen a run.
@Suite struct RoundTripPropertyTests {
    static let graphCount = Int(SharedData.environment("ROUNDTRIP_GRAPHS") ?? "") ?? 1_200
    static let firstSeed = UInt64(SharedData.environment("ROUNDTRIP_SEED") ?? "") ?? 0x5EED_2024

    @Test func expressibleGraphsSurviveEveryRoundTrip() throws {
        var stats = (graphs: 0, triples: 0, blankNodes: 0, literals: 0)
        for offset in 0..<UInt64(Self.graphCount) {
            let seed = Self.firstSeed &+ offset
            var generator = RandomGraphGenerator(seed: seed, expressibleInRDFXML: true)
            let graph = generator.graph()
            stats.graphs += 1
            stats.triples += graph.count
            stats.blankNodes += Set(graph.triples.flatMap { [$0.subject.blankNode, $0.object.blankNode].compactMap { $0 } }).count
            stats.literals += graph.triples.filter { $0.object.literal != nil }.count
            try Self.checkRoundTrips(graph, seed: seed)
        }
        #expect(stats.graphs >= 1_000)
        // The generator really produces the hard cases in bulk.
        #expect(stats.blankNodes > stats.graphs)
        #expect(stats.literals > 3 * stats.graphs)
    }

    /// Graphs with what RDF/XML cannot say (XML-forbidden characters, predicates without an
    /// XML name): RDF/XML refuses them without writing a byte, N-Triples round-trips them.
    @Test func inexpressibleGraphsAreRefusedByRDFXMLAndKeptByNTriples() throws {
        for offset in 0..<UInt64(Self.graphCount / 4) {
            let seed = Self.firstSeed &+ 1_000_000 &+ offset
            var generator = RandomGraphGenerator(seed: seed, expressibleInRDFXML: false)
            let graph = generator.graph()
            let outcome = try RoundTripOracle.check(graph)
            guard case .refusedByRDFXML = outcome else {
                Issue.record("seed \(seed): RDF/XML accepted a graph it cannot express:\n\(Self.dump(graph))")
                return
            }
        }
    }

    /// N-Triples → read → RDF/XML → read → N-Triples → read, comparing at every step.
    static func checkRoundTrips(_ original: Graph, seed: UInt64) throws {
        func fail(_ what: String, _ output: String = "") -> Bool {
            Issue.record("seed \(seed): \(what)\n\(dump(original))\n\(output)")
            return false
        }
        let nTriples = try written(original, by: NTriplesWriter())
        let fromNTriples = try NTriplesReader().parse(Array(nTriples.utf8), source: "graph.nt")
        guard fromNTriples.isIsomorphic(to: original) else { _ = fail("N-Triples → read changed the graph", nTriples); return }

        let rdfXML: String
        do {
            rdfXML = try written(fromNTriples, by: RDFXMLWriter())
        } catch {
            _ = fail("RDF/XML refused an expressible graph: \(error)")
            return
        }
        let fromRDFXML: Graph
        do {
            fromRDFXML = try RDFXMLReader().parse(Array(rdfXML.utf8), source: "graph.rdf")
        } catch {
            _ = fail("our RDF/XML does not read back: \(error)", rdfXML)
            return
        }
        guard fromRDFXML.isIsomorphic(to: fromNTriples) else { _ = fail("N-Triples → RDF/XML → read changed the graph", rdfXML); return }

        let again = try written(fromRDFXML, by: NTriplesWriter())
        guard again == nTriples else { _ = fail("N-Triples of the RDF/XML round trip differ", again); return }
        let last = try NTriplesReader().parse(Array(again.utf8), source: "again.nt")
        guard last.isIsomorphic(to: original) else { _ = fail("→ N-Triples → read changed the graph", again); return }
    }

    static func dump(_ graph: Graph) -> String {
        graph.triples.map { "\($0.subject) <\($0.predicate.value)> \($0.object)" }.joined(separator: "\n")
    }

    /// Every lexical form the generator uses is in its datatype's lexical space.
    @Test func generatedLexicalFormsAreValid() {
        for (datatype, forms) in RandomGraphGenerator.lexicalForms {
            for form in forms {
                #expect(XSDLexicalSpace.problem(with: form, datatype: datatype) == nil, "\(form) as \(datatype.value)")
            }
        }
        #expect(Set(RandomGraphGenerator.lexicalForms.keys) == XSDLexicalSpace.checkedDatatypes)
    }
}

/// Builds random graphs from a seed (``SplitMix64``), biased towards what breaks serializers.
struct RandomGraphGenerator {
    private var random: SplitMix64
    /// Whether to keep to what RDF/XML can express (otherwise every graph gets one thing it cannot).
    let expressibleInRDFXML: Bool

    init(seed: UInt64, expressibleInRDFXML: Bool) {
        random = SplitMix64(seed: seed)
        self.expressibleInRDFXML = expressibleInRDFXML
    }

    static let xsd = Vocabulary.xsdNamespace

    /// Valid lexical forms for each datatype the project checks (edge cases included).
    static let lexicalForms: [IRI: [String]] = [
        Vocabulary.xsdString: ["", "plain", " padded ", "a & b < c > d \" e ' f", "line\r\nbreak\ttab", "]]>", "--"],
        Vocabulary.xsdBoolean: ["true", "false", "1", "0"],
        Vocabulary.xsdDecimal: ["0", "-12.50", "+3.", ".5", "007.100"],
        Vocabulary.xsdDouble: ["1.5E3", "-INF", "INF", "NaN", "-0", "1e-7", "12"],
        IRI(unchecked: xsd + "float"): ["3.25", "-1E4", "NaN", "INF"],
        Vocabulary.xsdDate: ["2024-04-02", "2024-02-29Z", "-0044-03-15", "2024-04-02+02:00"],
        Vocabulary.xsdDateTime: ["2024-04-02T10:30:00", "2024-04-02T10:30:00.125+03:00", "1999-12-31T23:59:59Z"],
        IRI(unchecked: xsd + "time"): ["10:30:00", "23:59:59.5Z", "00:00:00-05:00"],
        Vocabulary.xsdGYear: ["2024", "-0044", "2024Z"],
        Vocabulary.xsdGYearMonth: ["2024-04", "2024-04+01:00"],
        Vocabulary.xsdAnyURI: ["http://example.org/x?a=1&b=2", "relative/path", "urn:isbn:0451450523"],
        Vocabulary.xsdInteger: ["0", "-1", "123456789012345678901234567890", "+42"],
        Vocabulary.xsdNonNegativeInteger: ["0", "28"],
        IRI(unchecked: xsd + "positiveInteger"): ["1", "32"],
        IRI(unchecked: xsd + "nonPositiveInteger"): ["0", "-3"],
        IRI(unchecked: xsd + "negativeInteger"): ["-1", "-99999999999999999999"],
        IRI(unchecked: xsd + "long"): ["-9223372036854775808", "9223372036854775807"],
        IRI(unchecked: xsd + "int"): ["-2147483648", "2147483647"],
        IRI(unchecked: xsd + "short"): ["-32768", "32767"],
        IRI(unchecked: xsd + "byte"): ["-128", "127"],
        IRI(unchecked: xsd + "unsignedLong"): ["0", "18446744073709551615"],
        IRI(unchecked: xsd + "unsignedInt"): ["4294967295"],
        IRI(unchecked: xsd + "unsignedShort"): ["65535"],
        IRI(unchecked: xsd + "unsignedByte"): ["255", "0"],
    ]

    static let subjects = [
        "http://example.org/s", "http://example.org/ré/ñ", "urn:x:Kariņš", "http://example.org/a?b=1&c='d'",
        "http://[::1]:8080/x(y)~z*!$+,;=@", "http://example.org/e\u{301}", "http://example.org/é", "http://例え.jp/パス",
        "http://example.org/%20space", "tag:example.org,2024:😀", "http://example.org/.well-known/x",
    ]
    static let predicates = [
        "http://example.org/ns#p", "http://example.org/ns#Kariņš", "http://example.org/é#ü", "urn:x:a.b-c_d",
        "http://example.org/ns/_1", Vocabulary.rdfNamespace + "_7", Vocabulary.rdfNamespace + "value",
        "http://www.w3.org/2000/01/rdf-schema#label", "http://example.org/ns#p2", "http://example.org/q?x=1#p-é",
    ]
    static let types = [
        "http://example.org/ns#Person", "http://example.org/ns#Kariņš", "http://example.org/2019",
        Vocabulary.rdfNamespace + "Description", Vocabulary.rdfNamespace + "Bag", "urn:x:Class",
    ]
    static let languages = ["en", "en-GB", "EN-gb", "de-CH-1996", "zh-Hant-TW", "x-private", "et", "sr-Latn"]
    static let textPieces = ["", "a", "&", "<", ">", "\"", "'", "\r", "\n", "\r\n", "\t", " ", "é", "e\u{301}", "中", "😀",
                             "]]>", "<!--", "&amp;", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{10FFFD}", "x y", "--"]

    mutating func pick<T>(_ values: [T]) -> T {
        values[Int(random.next() % UInt64(values.count))]
    }

    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func text() -> String {
        let length = Int(random.next() % 8)
        return (0..<length).map { _ in pick(Self.textPieces) }.joined()
    }

    mutating func literal() -> Literal {
        switch random.next() % 6 {
        case 0: return Literal(text())
        case 1: return Literal(unchecked: text(), datatype: Vocabulary.rdfLangString, language: pick(Self.languages))
        case 2:
            return Literal(unchecked: "<b xmlns=\"http://www.w3.org/1999/xhtml\">bold &amp; <i>\(pick(["", "x", "é"]))</i></b>",
                           datatype: Vocabulary.rdfXMLLiteral, language: nil)
        case 3: return Literal(unchecked: text(), datatype: IRI(unchecked: "http://example.org/dt/Größe"), language: nil)
        default:
            let datatype = pick(Array(Self.lexicalForms.keys).sorted())
            return Literal(unchecked: pick(Self.lexicalForms[datatype] ?? [""]), datatype: datatype, language: nil)
        }
    }

    mutating func graph() -> Graph {
        var graph = Graph()
        let blankCount = Int(random.next() % 6)
        let blanks = (0..<max(blankCount, 1)).map { Term.blank(BlankNode("n\($0)")) }
        let resources = Self.subjects.map { Term.iri(IRI(unchecked: $0)) }
        for _ in 0..<(1 + Int(random.next() % 20)) {
            let subject = blankCount > 0 && chance(40) ? pick(blanks) : pick(resources)
            let object: Term
            let predicate: IRI
            switch random.next() % 10 {
            case 0:
                predicate = Vocabulary.rdfType
                object = .iri(IRI(unchecked: pick(Self.types)))
            case 1, 2:
                predicate = IRI(unchecked: pick(Self.predicates))
                object = blankCount > 0 ? pick(blanks) : pick(resources)
            case 3:
                predicate = IRI(unchecked: pick(Self.predicates))
                object = pick(resources)
            default:
                predicate = IRI(unchecked: pick(Self.predicates))
                object = .literal(literal())
            }
            graph.insert(subject, predicate, object)
        }
        if !expressibleInRDFXML {
            let subject = pick(resources)
            if chance(50) {
                graph.insert(subject, IRI(unchecked: "http://example.org/ns#p"), .literal(Literal("bell\u{7}" + text())))
            } else {
                graph.insert(subject, IRI(unchecked: pick(["http://example.org/rel/2019", "http://example.org/rel/"])),
                             .literal(Literal(text())))
            }
        }
        return graph
    }
}
