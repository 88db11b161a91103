import Foundation
import Testing

/// `kgexport convert`, run as a subprocess.
@Suite struct ConvertCommandTests {
    static let sample = """
        <http://example.org/ns#Stoltenberg> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/ns#Person> .
        <http://example.org/ns#Stoltenberg> <http://example.org/ns#name> "Jens Stoltenberg"@en .
        <http://example.org/ns#Stoltenberg> <http://example.org/ns#age> "65"^^<http://www.w3.org/2001/XMLSchema#integer> .
        <http://example.org/ns#Stoltenberg> <http://example.org/ns#address> _:home .
        _:home <http://example.org/ns#city> "Oslo" .
        _:home <http://example.org/ns#next> _:other .
        _:other <http://example.org/ns#next> _:home .
        <http://example.org/ns#Nato> <http://example.org/ns#leader> <http://example.org/ns#Stoltenberg> .

        """

    /// A graph the input format can hold but the output cannot, and what the message must name.
    struct Refusal: Sendable, CustomStringConvertible {
        var name: String
        var input: String
        var mentions: [String]
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "predicate ending in a digit",
                input: "<http://example.org/s> <http://example.org/rel/2019> \"x\" .\n",
                mentions: ["in.nt: error:", "<http://example.org/rel/2019>", "NCName", "<http://example.org/s>"]),
        Refusal(name: "predicate ending in a slash",
                input: "<http://example.org/s> <http://example.org/rel/> \"x\" .\n",
                mentions: ["in.nt: error:", "<http://example.org/rel/>", "NCName"]),
        Refusal(name: "rdf:li as predicate",
                input: "<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#li> \"x\" .\n",
                mentions: ["in.nt: error:", "rdf:li", "reserved"]),
        Refusal(name: "rdf:about as predicate",
                input: "<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#about> <http://example.org/o> .\n",
                mentions: ["in.nt: error:", "rdf:about", "reserved"]),
        Refusal(name: "U+0007 in a literal",
                input: "<http://example.org/s> <http://example.org/label> \"bell\\u0007\" .\n",
                mentions: ["in.nt: error:", "U+0007", "<http://example.org/label>", "<http://example.org/s>", "XML 1.0"]),
    ]

    @Test(arguments: refusals)
    func inexpressibleGraphsAreRefusedAndNothingIsWritten(refusal: Refusal) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample + refusal.input)
        let result = try CommandRunner.run(["convert", "in.nt", "out.rdf"], in: folder.path)
        #expect(result.status == 1)
        for mention in refusal.mentions {
            #expect(result.standardError.contains(mention), "stderr: \(result.standardError)")
        }
        #expect(result.standardError.contains("out.rdf was not written"))
        #expect(try folder.contents() == ["in.nt"])
        #expect(result.standardOutput.isEmpty)
    }

    @Test func aFailedConversionLeavesAnExistingFileAsItWas() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/rel/2019> \"x\" .\n")
        try folder.write("out.rdf", "previous content")
        let result = try CommandRunner.run(["convert", "in.nt", "out.rdf"], in: folder.path)
        #expect(result.status == 1)
        #expect(folder.read("out.rdf") == Data("previous content".utf8))
        #expect(try folder.contents() == ["in.nt", "out.rdf"])
    }

    /// Malformed N-Triples: the reader's message with FILE:LINE:COL, exit 1, no output.
    @Test(arguments: [
        ("<http://example.org/s> <http://example.org/p> \"x\"@e .\n", "language tag"),
        ("<http://example.org/s> <http://example.org/p> \"x\"@abcdefghi .\n", "language tag"),
        ("<http://example.org/s> <http://example.org/p> <relative/path> .\n", "relative"),
    ])
    func malformedInputIsReportedWithItsPosition(line: String, problem: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample + line)
        let lineNumber = Self.sample.split(separator: "\n").count + 1
        for output in ["out.rdf", "out.nt", "out.ttl"] {
            let result = try CommandRunner.run(["convert", "in.nt", output], in: folder.path)
            #expect(result.status == 1)
            #expect(result.standardError.hasPrefix("in.nt:\(lineNumber):"), "stderr: \(result.standardError)")
            #expect(result.standardError.contains("error:"))
            #expect(result.standardError.lowercased().contains(problem), "stderr: \(result.standardError)")
            #expect(try folder.contents() == ["in.nt"])
        }
    }

    @Test func convertingTwiceOrShuffledGivesIdenticalBytes() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let lines = Self.sample.split(separator: "\n")
        try folder.write("in.nt", Self.sample)
        try folder.write("shuffled.nt", (lines.reversed() + [lines[2], lines[0]]).map { $0 + "\n" }.joined())
        // Blank node labels differ too; they must not show in the output.
        try folder.write("relabelled.nt", Self.sample.replacingOccurrences(of: "_:home", with: "_:zz")
            .replacingOccurrences(of: "_:other", with: "_:aa"))
        for format in ["rdf", "nt", "ttl"] {
            var outputs: [Data] = []
            for (input, output) in [("in.nt", "a"), ("in.nt", "b"), ("shuffled.nt", "c"), ("relabelled.nt", "d")] {
                let result = try CommandRunner.run(["convert", input, "\(output).\(format)"], in: folder.path)
                #expect(result.status == 0, "\(result.standardError)")
                outputs.append(try #require(folder.read("\(output).\(format)")))
            }
            #expect(Set(outputs).count == 1, "\(format) outputs differ")
            #expect((outputs.first?.count ?? 0) > 100)
        }
    }

    /// N-Triples → RDF/XML → N-Triples gives exactly what N-Triples → N-Triples gives.
    @Test func rdfXMLRoundTripThroughTheCommandLine() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample)
        for arguments in [["in.nt", "direct.nt"], ["in.nt", "via.rdf"], ["via.rdf", "back.nt"], ["in.nt", "via.owl"], ["via.owl", "--from", "rdfxml", "again.nt"]] {
            let result = try CommandRunner.run(["convert"] + arguments, in: folder.path)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let direct = try #require(folder.read("direct.nt"))
        #expect(folder.read("back.nt") == direct)
        #expect(folder.read("again.nt") == direct)
        #expect(String(decoding: direct, as: UTF8.self).split(separator: "\n").count == 8)
    }

    @Test func standardInputAndOutput() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try CommandRunner.run(["convert", "--from", "nt", "--to", "turtle", "-", "-"], in: folder.path,
                                           input: Data(Self.sample.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.hasPrefix("@prefix ns1: <http://example.org/ns#> .\n"))
        #expect(result.output.contains("\nns1:Stoltenberg a ns1:Person ;\n"))
        #expect(result.output.contains("\"Jens Stoltenberg\"@en"))
        #expect(try folder.contents().isEmpty)

        let refused = try CommandRunner.run(["convert", "--from", "ntriples", "--to", "rdfxml", "-", "-"], in: folder.path,
                                            input: Data("<http://example.org/s> <http://example.org/2019> \"x\" .\n".utf8))
        #expect(refused.status == 1)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("<http://example.org/2019>"))
    }

    @Test(arguments: [
        (["convert"], "Missing expected argument"),
        (["convert", "in.nt"], "Missing expected argument"),
        (["convert", "in.nt", "out.rdf", "--to", "yaml"], "yaml"),
        (["convert", "in.nt", "out.unknown"], "--to"),
        (["convert", "in.data", "out.rdf"], "--from"),
        (["convert", "-", "out.rdf"], "--from"),
        (["convert", "in.nt", "-"], "--to"),
        (["convert", "in.ttl", "out.rdf"], "does not read"),
        (["convert", "in.rdf", "out.nt", "--base", "not an iri"], "--base"),
        (["convert", "in.nt", "out.rdf", "--unknown-flag"], "--unknown-flag"),
    ])
    func usageErrorsExitWithStatusTwo(arguments: [String], mention: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample)
        let result = try CommandRunner.run(arguments, in: folder.path)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(mention), "stderr: \(result.standardError)")
        #expect(try folder.contents() == ["in.nt"])
    }

    @Test func missingInputAndUnwritableOutputExitWithStatusOne() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let missing = try CommandRunner.run(["convert", "absent.nt", "out.rdf"], in: folder.path)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("absent.nt"))
        try folder.write("in.nt", Self.sample)
        let unwritable = try CommandRunner.run(["convert", "in.nt", "no-such-folder/out.rdf"], in: folder.path)
        #expect(unwritable.status == 1)
        #expect(unwritable.standardError.contains("no-such-folder/out.rdf"))
        #expect(try folder.contents() == ["in.nt"])
    }

    @Test func helpListsFormatsAndExitCodes() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try CommandRunner.run(["convert", "--help"], in: folder.path)
        #expect(result.status == 0)
        for mention in ["rdfxml", "ntriples", "turtle", ".owl", "write only", "--base", "Exit status"] {
            #expect(result.output.contains(mention), "help lacks \(mention)")
        }
    }
}
