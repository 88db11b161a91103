import Foundation
import Testing

/// `kgexport validate` and `kgexport export` (and `kgexport` alone), run as subprocesses on the
/// DatasetKit fixtures.
@Suite struct DatasetCommandTests {
    static let fixtures = CommandRunner.packageRoot + "/Tests/DatasetKitTests/Fixtures"

    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)
    }

    /// A folder laid out like the repository: Datasets/, Ontology/.
    static func project(dataset: String) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/Datasets", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/Ontology", withIntermediateDirectories: true)
        try folder.write("Ontology/newsgraph.owl", try fixture("test-ontology.owl"))
        let header = "dataset:\n  id: nato-sg-2024\n  base: http://example.org/id/nato-sg-2024/\n  ontology: ../Ontology/newsgraph.owl\n"
        let body = dataset.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("prefixes:") && !$0.hasPrefix("sources:") }
            .joined(separator: "\n")
        try folder.write("Datasets/nato-sg-2024.yaml", header + body)
        return folder
    }

    @Test func validateReportsSuccessWithCounts() throws {
        let folder = try Self.project(dataset: try Self.fixture("valid.yaml"))
        defer { folder.remove() }
        let result = try CommandRunner.run(["validate"], in: folder.path)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.output == "Datasets/nato-sg-2024.yaml: 0 errors, 0 warnings "
                + "(5 nodes, 29 triples; ontology Datasets/../Ontology/newsgraph.owl)\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func validateReportsEveryErrorWithItsPosition() throws {
        let result = try CommandRunner.run(
            ["validate", "semantic-errors.yaml", "--ontology", "test-ontology.nt"], in: Self.fixtures)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 12)
        #expect(lines.first == "semantic-errors.yaml:8:20: error: \"2024-13-45\" is not a valid xsd:date: it has no month 13")
        #expect(lines.contains("semantic-errors.yaml:25:15: error: no node has the id 'latvia'"))
        #expect(lines.last == "semantic-errors.yaml: 11 errors, 0 warnings (6 nodes, 20 triples; ontology test-ontology.nt)")
        #expect(result.standardOutput.isEmpty)
    }

    /// One of a kind is singular in the summary: "1 node, 1 triple", "1 error".
    @Test func validateSummaryCountsInTheSingular() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("onto.nt", try Self.fixture("test-ontology.nt"))
        try folder.write("one.yaml", "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\n  a: {type: Person}\n")
        let result = try CommandRunner.run(["validate", "one.yaml", "--ontology", "onto.nt"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("\none.yaml: 1 error, 0 warnings (1 node, 1 triple; ontology onto.nt)\n"),
                "\(result.standardError)")
        try folder.write("two.yaml", "dataset: {id: t, base: \"http://example.org/id/t/\"}\nentities:\n  a: {type: Person, label: A}\n")
        let valid = try CommandRunner.run(["validate", "two.yaml", "--ontology", "onto.nt"], in: folder.path)
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.output == "two.yaml: 0 errors, 0 warnings (1 node, 2 triples; ontology onto.nt)\n")
    }

    @Test func validateReportsYAMLSyntaxErrors() throws {
        let result = try CommandRunner.run(["validate", "tab.yaml", "--ontology", "test-ontology.nt"], in: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.standardError == "tab.yaml:3:1: error: a tab character cannot indent YAML: indent with spaces\n"
                + "tab.yaml: 1 error, 0 warnings\n")
    }

    @Test func validateWithoutAnOntology() throws {
        let result = try CommandRunner.run(["validate", "valid.yaml"], in: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("valid.yaml:1:1: error: no ontology to validate against: "
                                               + "set dataset.ontology in the file or pass --ontology\n"))
    }

    /// `kgexport` alone exports Datasets/nato-sg-2024.yaml into Exports/, byte-identical when run again.
    @Test func noArgumentsExportsTheDefaultDataset() throws {
        let folder = try Self.project(dataset: try Self.fixture("valid.yaml"))
        defer { folder.remove() }
        let first = try CommandRunner.run([], in: folder.path)
        #expect(first.status == 0, "stderr: \(first.standardError)")
        #expect(first.output == """
            wrote Exports/nato-sg-2024.rdf
            wrote Exports/nato-sg-2024.nt
            wrote Exports/nato-sg-2024.ttl
            wrote Exports/nato-sg-2024.graphml
            wrote Exports/nato-sg-2024.yed.graphml
            wrote Exports/nato-sg-2024.dot
            wrote Exports/nato-sg-2024.svg
            wrote Exports/newsgraph.ttl

            """)
        let names = ["nato-sg-2024.rdf", "nato-sg-2024.nt", "nato-sg-2024.ttl", "nato-sg-2024.graphml",
                     "nato-sg-2024.yed.graphml", "nato-sg-2024.dot", "nato-sg-2024.svg", "newsgraph.ttl"]
        let before = names.map { folder.read("Exports/" + $0) }
        #expect(before.allSatisfy { ($0?.count ?? 0) > 0 })
        let second = try CommandRunner.run(["export"], in: folder.path)
        #expect(second.status == 0)
        #expect(names.map { folder.read("Exports/" + $0) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Exports").sorted() == names.sorted())
    }

    @Test func exportIntoAnotherFolder() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try CommandRunner.run(
            ["export", Self.fixtures + "/valid.yaml", "--ontology", Self.fixtures + "/test-ontology.nt", "--out", folder.path + "/a/b"],
            in: folder.path)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/a/b").sorted()
                == ["test-ontology.ttl", "test-set.dot", "test-set.graphml", "test-set.nt", "test-set.rdf", "test-set.svg",
                    "test-set.ttl", "test-set.yed.graphml"])
        let nTriples = String(decoding: folder.read("a/b/test-set.nt") ?? Data(), as: UTF8.self)
        #expect(nTriples.split(separator: "\n").count == 29)
    }

    /// An invalid dataset: every problem is printed, and no file or folder is created.
    @Test func invalidDatasetWritesNothing() throws {
        let folder = try Self.project(dataset: try Self.fixture("semantic-errors.yaml"))
        defer { folder.remove() }
        let result = try CommandRunner.run(["export"], in: folder.path)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.last == "Datasets/nato-sg-2024.yaml: 11 errors; nothing was written")
        #expect(!folder.exists("Exports"))
        #expect(result.standardOutput.isEmpty)
    }

    /// A failed export leaves files from an earlier export as they were.
    @Test func failedExportKeepsEarlierFiles() throws {
        let folder = try Self.project(dataset: try Self.fixture("valid.yaml"))
        defer { folder.remove() }
        #expect(try CommandRunner.run([], in: folder.path).status == 0)
        let before = folder.read("Exports/nato-sg-2024.rdf")
        try folder.write("Datasets/nato-sg-2024.yaml", "dataset: {id: nato-sg-2024\n")
        let result = try CommandRunner.run([], in: folder.path)
        #expect(result.status == 1)
        #expect(folder.read("Exports/nato-sg-2024.rdf") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Exports").count == 8)
    }
}
