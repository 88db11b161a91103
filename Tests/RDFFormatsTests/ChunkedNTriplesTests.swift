import KnowledgeGraph
import RDFFormats
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Reading a file in chunks of whole lines gives the same graph, and the same errors at the
/// same positions, as parsing the document whole.
@Suite struct ChunkedNTriplesTests {
    /// A document with every line form: CR LF and CR line ends, comments, blank lines,
    /// escapes, blank nodes, long lines (longer than the smallest chunk).
    static let document: [UInt8] = {
        var text = "# comment\r\n\r\n"
        for index in 0..<300 {
            let end = index % 3 == 0 ? "\r\n" : index % 3 == 1 ? "\n" : "\r"
            text += "<http://example.org/s\(index % 40)> <http://example.org/p\(index % 7)> \"value \\\"\(index)\\\" é\\u00E9\"@en-GB .\(end)"
            text += "_:b\(index % 11) <http://example.org/q> <http://example.org/\\u0073\(index)> . # trailing\(end)"
            if index % 50 == 0 { text += "<http://example.org/long> <http://example.org/p> \"\(String(repeating: "x", count: 300))\" .\n" }
        }
        return Array(text.utf8)
    }()

    @Test(arguments: [64, 100, 257, 4_096, 1 << 22])
    func sameGraphInAnyChunkSize(chunkSize: Int) throws {
        let path = try TestFiles.temporaryFile(Self.document, suffix: ".nt")
        defer { unlink(path) }
        let whole = try NTriplesReader().parse(Self.document, source: path)
        let chunked = try NTriplesReader().read(path: path, chunkSize: chunkSize)
        #expect(whole.count == 300 * 2 + 1, "the six long lines are one triple")
        #expect(chunked.triples == whole.triples)
    }

    /// Errors far into a file keep their line and column (lines counted across chunks).
    @Test(arguments: [
        ("<http://example.org/s> <http://example.org/p> <rel> .", "the relative IRI <rel> is not allowed: N-Triples needs absolute IRIs"),
        ("<http://example.org/s> <http://example.org/p> \"x\"@toolongtag .", "'@toolongtag' is not a well-formed language tag (BCP 47, e.g. @en or @en-GB)"),
        ("<http://example.org/Kariņš> <http://example.org/p> \"a\\qb\" .", "the escape '\\q' is not allowed (use \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX or \\UXXXXXXXX)"),
        ("<http://example.org/s> <http://example.org/p> \"open .", "the literal is not closed with '\"' on its line"),
    ])
    func errorsKeepTheirPositionAcrossChunks(badLine: String, message: String) throws {
        var bytes = Self.document
        bytes += Array((badLine + "\n").utf8)
        bytes += Self.document
        let path = try TestFiles.temporaryFile(bytes, suffix: ".nt")
        defer { unlink(path) }
        var expected: Diagnostic?
        do { _ = try NTriplesReader().parse(bytes, source: path) } catch { expected = error }
        let found = try #require(expected)
        #expect(found.message == message)
        #expect((found.location?.line ?? 0) > 600)
        for chunkSize in [64, 1_000, 1 << 22] {
            var failure: Diagnostic?
            do { _ = try NTriplesReader().read(path: path, chunkSize: chunkSize) } catch { failure = error }
            #expect(failure?.message == found.message)
            #expect(failure?.location == found.location)
        }
    }

    @Test func badUTF8InALaterChunkIsLocated() throws {
        let bytes = Self.document + Array("<http://example.org/s> <http://example.org/p> \"Kari".utf8) + [0xFF] + Array("\" .\n".utf8)
        let path = try TestFiles.temporaryFile(bytes, suffix: ".nt")
        defer { unlink(path) }
        var expected: Diagnostic?
        do { _ = try NTriplesReader().parse(bytes, source: path) } catch { expected = error }
        var chunked: Diagnostic?
        do { _ = try NTriplesReader().read(path: path, chunkSize: 256) } catch { chunked = error }
        #expect(chunked?.message == "the input is not valid UTF-8 (byte 0xFF)")
        #expect(chunked?.location == expected?.location)
        #expect(chunked?.location?.column == 52)
    }

    @Test func missingFilesAndFoldersAreNamed() {
        for (path, reason) in [("/nonexistent/in.nt", "cannot read the file"), ("/tmp", "is a folder, not a file")] {
            var failure: Diagnostic?
            do { _ = try NTriplesReader().read(path: path) } catch { failure = error }
            #expect(failure?.code == "input")
            #expect(failure?.description.contains(path) == true)
            #expect(failure?.message.contains(reason) == true)
        }
    }
}
