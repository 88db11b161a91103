import Foundation
import Testing

/// Hostile input run through the real `kgexport` binary: each attack must end quickly, within
/// bounded memory, with a clear error naming the place, exit status 1 and no output file.
///
/// The XML reader's own tests (XMLEventReaderTests, XMLLimitTests) check the same attacks on
/// the library; these check the whole command, its memory, and that no network access happens.
@Suite struct AttackTests {
    static let rdf = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/ns#\""

    /// Sanitized builds (`make test-asan`, `make test-tsan`) use several times the memory: their
    /// shadow memory and quarantine. The bounds stay, scaled.
    static let memoryScale: Int = {
        switch ProcessInfo.processInfo.environment["KGEXPORT_SANITIZER"] {
        case "address": return 6
        case "thread": return 8
        default: return 1
        }
    }()

    static var kgexport: String {
        get throws { try #require(CommandRunner.executable, "the kgexport binary was not found; build it first (swift build)") }
    }

    /// Runs `convert in.rdf out.nt` on `document` and checks what every refused attack must show.
    static func refusedConversion(_ document: String, mentions: [String], at position: String,
                                  memoryLimit: Int = 128 << 20, timeLimit: Duration = .seconds(10),
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.rdf", document)
        let outcome = try MeasuredProcess.run(try kgexport, ["convert", "in.rdf", "out.nt"], in: folder.path)
        try expectRefused(outcome, folder: folder, mentions: mentions, at: position, memoryLimit: memoryLimit,
                          timeLimit: timeLimit, sourceLocation: sourceLocation)
    }

    static func expectRefused(_ outcome: MeasuredProcess.Outcome, folder: ScratchFolder, mentions: [String], at position: String,
                              memoryLimit: Int, timeLimit: Duration, output: String = "out.nt",
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!outcome.timedOut, "the command did not end", sourceLocation: sourceLocation)
        #expect(outcome.status == 1, "stderr: \(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(outcome.standardError.hasPrefix(position + ": error: "), "stderr: \(outcome.standardError)",
                sourceLocation: sourceLocation)
        for mention in mentions {
            #expect(outcome.standardError.contains(mention), "stderr: \(outcome.standardError)", sourceLocation: sourceLocation)
        }
        #expect(outcome.elapsed < timeLimit, "took \(outcome.elapsed)", sourceLocation: sourceLocation)
        #expect(outcome.peakMemory < memoryLimit * memoryScale, "peak memory \(outcome.peakMemory >> 20) MB", sourceLocation: sourceLocation)
        #expect(!folder.exists(output), sourceLocation: sourceLocation)
        #expect(try folder.contents().allSatisfy { !$0.hasPrefix(".kgexport-tmp-") }, sourceLocation: sourceLocation)
    }

    // MARK: External entities and DTDs

    @Test func externalEntityWithAFileURLIsNeverRead() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("secret.txt", "TOP-SECRET")
        try Self.refusedConversion("""
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [<!ENTITY secret SYSTEM "file://\(folder.path)/secret.txt">]>
            <rdf:RDF \(Self.rdf)>
              <rdf:Description rdf:about="http://example.org/s"><ex:p>&secret;</ex:p></rdf:Description>
            </rdf:RDF>
            """, mentions: ["the entity &secret; is external", "external entities are never loaded"], at: "in.rdf:4:59")
    }

    /// Entities and DTDs on the network: a port on this machine listens, and nobody may connect.
    /// (Ephemeral ports have five digits on Linux, so the columns after the URL are fixed.)
    @Test(arguments: [
        ("general entity", "<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM \"http://127.0.0.1:PORT/e\">]>", "&e;",
         "the entity &e; is external", "in.rdf:4:59"),
        ("parameter entity", "<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM \"http://127.0.0.1:PORT/p.dtd\"> %p;]>", "x",
         "the entity %p; is external", "in.rdf:2:72"),
        ("external DTD", "<!DOCTYPE rdf:RDF SYSTEM \"http://127.0.0.1:PORT/rdf.dtd\">", "x",
         "refers to the external DTD", "in.rdf:2:59"),
    ])
    func networkResourcesAreNeverFetched(kind: String, doctype: String, content: String, mention: String, position: String) throws {
        let listener = try ListeningSocket()
        try Self.refusedConversion("""
            <?xml version="1.0"?>
            \(doctype.replacingOccurrences(of: "PORT", with: String(listener.port)))
            <rdf:RDF \(Self.rdf)>
              <rdf:Description rdf:about="http://example.org/s"><ex:p>\(content)</ex:p></rdf:Description>
            </rdf:RDF>
            """, mentions: [mention], at: position)
        #expect(!listener.wasContacted, "kgexport connected to the network for the \(kind)")
    }

    // MARK: Entity expansion

    /// libxml2 reports expansion errors just after the reference (`&lol9;` starts at column 57).
    @Test func billionLaughs() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        try Self.refusedConversion("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n\(declarations)]>\n<rdf:RDF \(Self.rdf)>\n"
                                   + "<rdf:Description rdf:about=\"http://example.org/s\"><ex:p>&lol9;</ex:p></rdf:Description>\n</rdf:RDF>\n",
                                   mentions: ["Detected an entity reference loop"], at: "in.rdf:15:63")
    }

    /// 62 references of 100 000 bytes pass the limit of 10 × 200 253 + 4 MiB bytes; the 62nd
    /// ends at column 366 of line 4.
    @Test func quadraticBlowup() throws {
        let big = String(repeating: "x", count: 100_000)
        try Self.refusedConversion("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY big \"\(big)\">]>\n<rdf:RDF \(Self.rdf)>\n"
                                   + "<rdf:Description rdf:about=\"http://example.org/s\"><ex:p>"
                                   + String(repeating: "&big;", count: 20_000) + "</ex:p></rdf:Description>\n</rdf:RDF>\n",
                                   mentions: ["entity expansion makes the text", "an entity amplification attack?"], at: "in.rdf:4:367")
    }

    // MARK: Size and depth

    /// The error is at the `<` of the 258th element (as xmllint reports, on line 1).
    @Test func oneHundredThousandLevelsOfXMLNesting() throws {
        let depth = 100_000
        try Self.refusedConversion("<rdf:RDF \(Self.rdf)>" + String(repeating: "<rdf:Description><ex:p>", count: depth / 2)
                                   + String(repeating: "</ex:p></rdf:Description>", count: depth / 2) + "</rdf:RDF>\n",
                                   mentions: ["Excessive depth in document: 256"], at: "in.rdf:1:3044")
    }

    @Test func oneHundredThousandLevelsOfYAMLNesting() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("deep.yaml", "dataset:\n  id: deep\n  base: http://example.org/\nentities:\n  a:\n    label: "
                         + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
        try folder.write("onto.nt", "<http://example.org/o> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology> .\n")
        let outcome = try MeasuredProcess.run(try Self.kgexport, ["export", "deep.yaml", "--ontology", "onto.nt", "--out", "out"],
                                              in: folder.path)
        try Self.expectRefused(outcome, folder: folder, mentions: ["Maximum nesting level reached"], at: "deep.yaml:6:13",
                               memoryLimit: 128 << 20, timeLimit: .seconds(10), output: "out")
    }

    /// Yams hashes mapping keys; nested aliases as a key hung `kgexport validate` for good.
    @Test func yamlAliasBomb() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var text = "dataset:\n  id: bomb\n  base: http://example.org/\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try folder.write("bomb.yaml", text + "entities:\n  ? *a9\n  : {label: x}\n  ? [*a9]\n  : {label: y}\n")
        try folder.write("onto.nt", "<http://example.org/o> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology> .\n")
        let outcome = try MeasuredProcess.run(try Self.kgexport, ["export", "bomb.yaml", "--ontology", "onto.nt", "--out", "out"],
                                              in: folder.path, timeLimit: .seconds(30))
        try Self.expectRefused(outcome, folder: folder, mentions: ["YAML aliases (*name) are not supported"], at: "bomb.yaml:5:10",
                               memoryLimit: 128 << 20, timeLimit: .seconds(10), output: "out")
    }

    /// A 100 MB attribute value and a 100 MB text node, generated here (not committed): libxml2's
    /// 10 MB limit ends the first, the reader's own text limit the second, in bounded memory.
    @Test(arguments: [("attribute", "AttValue length too long", "in.rdf:1:169"),
                      ("text", "a text node is longer than the limit of 10000000 bytes", "in.rdf:1:156")])
    func oneHundredMegabyteNode(kind: String, message: String, position: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let size = 100_000_000
        let head = "<rdf:RDF \(Self.rdf)><rdf:Description rdf:about=\"http://example.org/s\">"
            + (kind == "attribute" ? "<ex:p rdf:resource=\"http://example.org/" : "<ex:p>")
        let tail = (kind == "attribute" ? "\"/>" : "</ex:p>") + "</rdf:Description></rdf:RDF>\n"
        let path = folder.path + "/in.rdf"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(head.utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<(size / block.count) { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data(tail.utf8))
        try handle.close()
        let outcome = try MeasuredProcess.run(try Self.kgexport, ["convert", "in.rdf", "out.nt"], in: folder.path)
        #expect(outcome.peakMemory > size / 2, "the peak memory was not measured")
        // The whole input is held once (100 MB) and libxml2 buffers up to 10 MB beyond it.
        try Self.expectRefused(outcome, folder: folder, mentions: [message], at: position,
                               memoryLimit: 3 * size + (64 << 20), timeLimit: .seconds(60))
    }

    /// A pipe that keeps writing and never closes: reading stops at `--max-input-size`.
    @Test func endlessStandardInputStopsAtTheSizeLimit() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let outcome = try MeasuredProcess.run(
            try Self.kgexport, ["convert", "-", "out.rdf", "--from", "ntriples", "--max-input-size", "4M"], in: folder.path,
            input: .endless(prefix: Array("<http://example.org/s> <http://example.org/p> \"".utf8),
                            chunk: Array(String(repeating: "never ending ", count: 1_000).utf8)),
            timeLimit: .seconds(30))
        #expect(!outcome.timedOut)
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "error: standard input: is larger than the limit of 4194304 bytes\n")
        #expect(outcome.elapsed < .seconds(10))
        #expect(outcome.peakMemory < (64 << 20) * Self.memoryScale, "peak memory \(outcome.peakMemory >> 20) MB")
        #expect(try folder.contents().filter { !$0.hasPrefix(".streams-") }.isEmpty)
    }
}
