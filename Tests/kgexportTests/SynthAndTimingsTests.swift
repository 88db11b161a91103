import Foundation
import Testing

/// `kgexport synth`, `convert --timings` and `convert --streaming`, run as a subprocess.
@Suite struct SynthAndTimingsTests {
    @Test func synthIsDeterministicAndSeeded() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for (name, seed) in [("a.nt", "3"), ("b.nt", "3"), ("c.nt", "4")] {
            let result = try CommandRunner.run(["synth", "--nodes", "50", "--seed", seed, name], in: folder.path)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.isEmpty, "no progress when standard error is not a terminal")
        }
        let first = try #require(folder.read("a.nt")), again = try #require(folder.read("b.nt"))
        let other = try #require(folder.read("c.nt"))
        #expect(first == again)
        #expect(first != other)
        #expect(first.split(separator: UInt8(ascii: "\n")).count == 50 * 9)
        // What synth writes, kgexport reads.
        let converted = try CommandRunner.run(["convert", "a.nt", "a.rdf"], in: folder.path)
        #expect(converted.status == 0, "\(converted.standardError)")
    }

    @Test func synthToStandardOutput() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try CommandRunner.run(["synth", "--nodes", "8", "-"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("<https://kgexport.example.org/id/synthetic/n0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"))
    }

    @Test func timingsArePrintedOnStandardErrorOnly() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        _ = try CommandRunner.run(["synth", "--nodes", "40", "in.nt"], in: folder.path)
        for extra in [[], ["--streaming"]] {
            let result = try CommandRunner.run(["convert", "--timings"] + extra + ["in.nt", "out.rdf"], in: folder.path)
            #expect(result.status == 0, "\(result.standardError)")
            let line = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(line.wholeMatch(of: /read=\d+\.\d{3} write=\d+\.\d{3} sync=\d+\.\d{3}/) != nil, "stderr: \(line)")
            #expect(folder.exists("out.rdf"))
        }
    }

    /// Sorted N-Triples (as kgexport writes them) give the canonical RDF/XML with --streaming too.
    @Test func streamingSortedInputGivesTheCanonicalDocument() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        _ = try CommandRunner.run(["synth", "--nodes", "60", "raw.nt"], in: folder.path)
        _ = try CommandRunner.run(["convert", "raw.nt", "sorted.nt"], in: folder.path)
        let canonical = try CommandRunner.run(["convert", "sorted.nt", "canonical.rdf"], in: folder.path)
        let streamed = try CommandRunner.run(["convert", "--streaming", "sorted.nt", "streamed.rdf"], in: folder.path)
        #expect(canonical.status == 0 && streamed.status == 0, "\(streamed.standardError)")
        #expect(folder.read("canonical.rdf") == folder.read("streamed.rdf"))
    }

    @Test(arguments: [
        (["convert", "--streaming", "-", "out.rdf", "--from", "nt"], "standard input"),
        (["convert", "--streaming", "in.nt", "out.ttl"], "--streaming writes RDF/XML"),
    ])
    func streamingNeedsAnNTriplesFileAndRDFXML(arguments: [String], mention: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/p> \"o\" .\n")
        let result = try CommandRunner.run(arguments, in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains(mention), "stderr: \(result.standardError)")
    }

    @Test func streamingReportsMalformedInputAndWritesNothing() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/p> \"o\" .\n<http://example.org/s> <p> \"o\" .\n")
        let result = try CommandRunner.run(["convert", "--streaming", "in.nt", "out.rdf"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("in.nt:2:24: error:"), "stderr: \(result.standardError)")
        #expect(try folder.contents() == ["in.nt"])
    }
}
