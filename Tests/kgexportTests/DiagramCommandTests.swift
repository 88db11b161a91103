import Foundation
import Testing

/// `kgexport convert` to GraphML, yEd GraphML, DOT and SVG, run as a subprocess.
@Suite struct DiagramCommandTests {
    static let sample = ConvertCommandTests.sample

    @Test func convertsToEveryDiagramFormatByExtension() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample)
        for name in ["out.graphml", "out.yed.graphml", "out.dot", "out.svg"] {
            let result = try CommandRunner.run(["convert", "in.nt", name], in: folder.path)
            #expect(result.status == 0, "\(name): \(result.standardError)")
        }
        let plain = String(decoding: folder.read("out.graphml") ?? Data(), as: UTF8.self)
        #expect(plain.contains("<key id=\"age\" for=\"node\" attr.name=\"age\" attr.type=\"long\">"))
        #expect(plain.contains("<data key=\"name_en\">Jens Stoltenberg</data>"))
        #expect(!plain.contains("y:ShapeNode"))
        let styled = String(decoding: folder.read("out.yed.graphml") ?? Data(), as: UTF8.self)
        #expect(styled.contains("<y:ShapeNode>") && styled.contains("<y:EdgeLabel"))
        let dot = String(decoding: folder.read("out.dot") ?? Data(), as: UTF8.self)
        #expect(dot.hasPrefix("digraph \"kgexport\" {"))
        let svg = String(decoding: folder.read("out.svg") ?? Data(), as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains(">Jens Stoltenberg</text>"))
        #expect(try folder.contents() == ["in.nt", "out.dot", "out.graphml", "out.svg", "out.yed.graphml"])
    }

    @Test func yEdGraphMLByName() throws {
        let result = try CommandRunner.run(["convert", "--from", "nt", "-", "-", "--to", "yed-graphml"], in: ".",
                                           input: Data(Self.sample.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("yfiles.type=\"nodegraphics\""))
    }

    @Test(arguments: ["out.graphml", "out.yed.graphml", "out.dot", "out.svg"])
    func controlCharactersAreRefusedNamingNodeAndProperty(output: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample + "<http://example.org/s> <http://example.org/note> \"bell\\u0007\" .\n")
        let result = try CommandRunner.run(["convert", "in.nt", output], in: folder.path)
        #expect(result.status == 1)
        for mention in ["in.nt: error:", "<http://example.org/s>", "<http://example.org/note>", "U+0007", "\(output) was not written"] {
            #expect(result.standardError.contains(mention), "stderr: \(result.standardError)")
        }
        #expect(try folder.contents() == ["in.nt"])
    }

    @Test func missingGraphvizIsAClearError() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample)
        let result = try CommandRunner.run(["convert", "in.nt", "out.svg"], in: folder.path,
                                           environment: ["PATH": folder.path + "/no-such-folder"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Graphviz is not installed: 'dot' was not found on PATH"),
                "stderr: \(result.standardError)")
        #expect(result.standardError.contains("out.svg was not written"))
        #expect(try folder.contents() == ["in.nt"])
    }

    @Test func graphvizIsStoppedAtTheTimeLimit() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", Self.sample)
        try FileManager.default.createDirectory(atPath: folder.path + "/bin", withIntermediateDirectories: true)
        try folder.write("bin/dot", "#!/bin/sh\nsleep 30\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/bin/dot")
        let started = Date()
        let result = try CommandRunner.run(["convert", "in.nt", "out.svg", "--render-timeout", "0.5"], in: folder.path,
                                           environment: ["PATH": folder.path + "/bin:/usr/bin:/bin"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(result.standardError.contains("did not finish within 0.5 s and was stopped"), "stderr: \(result.standardError)")
        #expect(try folder.contents() == ["bin", "in.nt"])
    }

    /// `export` takes the same rendering option as `convert`, checked the same way.
    @Test(arguments: [["convert", "in.nt", "out.svg"], ["export"]])
    func renderTimeoutMustBePositive(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--render-timeout", "0"], in: ".")
        #expect(result.status == 2)
        #expect(result.standardError.contains("--render-timeout must be a positive number of seconds."), "\(result.standardError)")
    }

    @Test func warningsOfTheProjectionArePrinted() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("in.nt", "<http://example.org/s> <http://example.org/n> \"12345678901234567890123\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
        let result = try CommandRunner.run(["convert", "in.nt", "out.graphml"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.standardError.contains("warning: property <http://example.org/n>: the value \"12345678901234567890123\""))
        let plain = String(decoding: folder.read("out.graphml") ?? Data(), as: UTF8.self)
        #expect(plain.contains("<data key=\"n\">12345678901234567890123</data>"))
    }
}
