import Foundation

/// Conformance data outside the package (the W3C RDF/XML tests), found through an environment
/// variable with `../shared/...` beside the package root as default.
enum SharedTestData {
    /// The package root, derived from this file's path (`Tests/RDFFormatsTests/…`).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Whether the tests run under CI, where absent data is a failure rather than a skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The RDF 1.1 RDF/XML suite folder: `$W3C_RDF_TESTS`, else `../shared/w3c-rdf-tests/rdf/rdf11/rdf-xml`.
    static var w3cRDFXMLSuite: String {
        if let path = ProcessInfo.processInfo.environment["W3C_RDF_TESTS"], !path.isEmpty { return path }
        return packageRoot + "/../shared/w3c-rdf-tests/rdf/rdf11/rdf-xml"
    }

    static var w3cSuiteIsPresent: Bool {
        FileManager.default.fileExists(atPath: w3cRDFXMLSuite + "/manifest.ttl")
    }

    /// Run the suite's tests when the data is there, and always under CI (where they then fail).
    static var runW3CTests: Bool { w3cSuiteIsPresent || isCI }

    /// A positive evaluation test: its name and the path of its expected N-Triples result.
    struct PositiveTest: Sendable, CustomStringConvertible {
        var name: String
        var resultPath: String
        var description: String { name }
    }

    /// The `rdft:TestXMLEval` entries of the manifest, read line by line: each starts with
    /// `<#name> a rdft:TestXMLEval;` and names its result with `mf:result <file.nt>`.
    /// Entries commented out with `#` are not tests and are skipped.
    static func positiveTests() throws -> [PositiveTest] {
        let manifest = try String(contentsOfFile: w3cRDFXMLSuite + "/manifest.ttl", encoding: .utf8)
        var tests: [PositiveTest] = []
        var current: String?
        for line in manifest.split(separator: "\n") {
            if line.hasPrefix("<#") {
                current = line.contains("rdft:TestXMLEval") ? String(line.dropFirst(2).prefix { $0 != ">" }) : nil
            } else if let name = current, let start = line.range(of: "mf:result <"),
                      let end = line[start.upperBound...].firstIndex(of: ">") {
                tests.append(PositiveTest(name: name, resultPath: w3cRDFXMLSuite + "/" + line[start.upperBound..<end]))
                current = nil
            }
        }
        return tests
    }
}
