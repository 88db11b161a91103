import KnowledgeGraph
import RDFFormats
import Testing

/// The W3C RDF 1.1 RDF/XML test suite: every positive test must give the graph of its .nt file
/// (isomorphic, read by our N-Triples reader) and every negative test must be refused.
@Suite struct W3CRDFXMLSuiteTests {
    static let suiteFolder = SharedData.folder(variable: "W3C_RDF_TESTS", defaultName: "w3c-rdf-tests")
    static let manifestFolder = suiteFolder + "/rdf/rdf11/rdf-xml"

    @Test func rdf11RDFXMLSuite() throws {
        let manifestPath = Self.manifestFolder + "/manifest.ttl"
        guard SharedData.exists(manifestPath) else {
            let message = "W3C RDF/XML test suite not found at \(manifestPath) (set W3C_RDF_TESTS to the folder of w3c/rdf-tests)"
            print(message)
            if SharedData.isCI { Issue.record("\(message); it is required under CI") }
            return
        }
        let manifestBytes = try InputFile.read(manifestPath)
        let manifest = W3CManifest(turtle: String(decoding: manifestBytes, as: UTF8.self))
        let base = try #require(manifest.assumedTestBase)
        let positives = manifest.entries.filter { $0.kind == .positiveEvaluation }
        let negatives = manifest.entries.filter { $0.kind == .negativeSyntax }

        var passedPositive = 0
        var failures: [String] = []
        for entry in positives {
            let path = Self.manifestFolder + "/" + entry.action
            do {
                let reader = RDFXMLReader(baseIRI: try IRI(base + entry.action))
                let graph = try reader.parse(try InputFile.read(path), source: entry.action)
                guard let result = entry.result else {
                    failures.append("\(entry.name): no mf:result")
                    continue
                }
                let expected = try NTriplesReader().parse(try InputFile.read(Self.manifestFolder + "/" + result), source: result)
                if graph.isIsomorphic(to: expected) {
                    passedPositive += 1
                } else {
                    failures.append("\(entry.name): graph differs\n  got:\n    "
                        + graph.sortedTriples().map(\.description).joined(separator: "\n    ")
                        + "\n  expected:\n    " + expected.sortedTriples().map(\.description).joined(separator: "\n    "))
                }
            } catch {
                failures.append("\(entry.name): \(error)")
            }
        }
        var passedNegative = 0
        for entry in negatives {
            let path = Self.manifestFolder + "/" + entry.action
            do {
                let bytes = try InputFile.read(path)
                let reader = RDFXMLReader(baseIRI: try IRI(base + entry.action))
                let graph = try reader.parse(bytes, source: entry.action)
                failures.append("\(entry.name): accepted, but it must be refused (\(graph.count) triples)")
            } catch let diagnostic as Diagnostic where diagnostic.code != "input" {
                passedNegative += 1
            } catch {
                failures.append("\(entry.name): \(error)")
            }
        }
        print("W3C RDF/XML: \(passedPositive)/\(positives.count) positive, \(passedNegative)/\(negatives.count) negative")
        for failure in failures { print("  FAILED \(failure)") }
        #expect(positives.count == 126)
        #expect(negatives.count == 40)
        #expect(passedPositive == 126)
        #expect(passedNegative == 40)
    }
}
