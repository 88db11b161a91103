import Foundation
import Testing

/// The bad-input corpus: one file per case under `BadInput/`, and `BadInput/manifest.json`
/// saying how to run each case and what must happen.
///
/// Every case runs the real binary twice, in a fresh folder holding the case's files: once with
/// no output present — the output must not appear, and no temporary file may be left — and once
/// with an output already there, which must stay exactly as it was. Both times the exit status
/// must match, and the first line of standard error that contains the expected message must
/// start with the expected prefix: `FILE:LINE:COL: error: ` for problems with a position.
@Suite struct BadInputCorpusTests {
    /// One entry of the manifest.
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String
        /// Name in the scratch folder → file under `BadInput/` (or `root:` + a path in the package).
        var files: [String: String]
        var arguments: [String]
        var exit: Int32
        var stderrPrefix: String
        var message: String
        /// The file or folder the command would write; it must never appear or change.
        var output: String
        /// A file of the case's to feed to standard input.
        var stdin: String?
        /// `folder:NAME` or `file:NAME` entries to create before running.
        var setup: [String]?
        /// False when no output can exist beforehand (its folder is missing or is a file).
        var existingOutput: Bool?

        var description: String { name }
    }

    static let folder = CommandRunner.packageRoot + "/Tests/kgexportTests/BadInput"

    static let cases: [Case] = {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json") else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func theCorpusIsComplete() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/manifest.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names must be unique")
        for kind in ["rdfxml-", "ntriples-", "dataset-", "ontology-", "files-"] {
            #expect(cases.filter { $0.name.hasPrefix(kind) }.count >= 5, "too few \(kind) cases")
        }
        // Every committed case file is used by some case.
        let used = Set(cases.flatMap { $0.files.values })
        let enumerator = FileManager.default.enumerator(atPath: Self.folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue && path != "manifest.json" { #expect(used.contains(path), "\(path) is not in the manifest") }
        }
    }

    @Test(arguments: cases)
    func badInput(_ badCase: Case) throws {
        try run(badCase, withExistingOutput: false)
        if badCase.existingOutput ?? true { try run(badCase, withExistingOutput: true) }
    }

    private func run(_ badCase: Case, withExistingOutput: Bool) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let files = FileManager.default
        for (name, source) in badCase.files {
            let from = source.hasPrefix("root:") ? CommandRunner.packageRoot + "/" + source.dropFirst(5) : Self.folder + "/" + source
            try files.copyItem(atPath: from, toPath: scratch.path + "/" + name)
        }
        for entry in badCase.setup ?? [] {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.first == "folder" {
                try files.createDirectory(atPath: scratch.path + "/" + parts[1], withIntermediateDirectories: true)
            } else {
                try scratch.write(parts[1], "a plain file\n")
            }
        }
        // The output that was there before: a file, or a folder with a file in it.
        let previous = Data("previous output, to be left alone\n".utf8)
        let outputPath = scratch.path + "/" + badCase.output
        if withExistingOutput {
            let isFolder = !badCase.output.contains(".")
            if isFolder {
                try files.createDirectory(atPath: outputPath, withIntermediateDirectories: true)
                try previous.write(to: URL(fileURLWithPath: outputPath + "/earlier.rdf"))
            } else {
                try previous.write(to: URL(fileURLWithPath: outputPath))
            }
        }
        let before = try tree(scratch.path)
        let input = try badCase.stdin.map { try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + $0)) } ?? Data()
        let result = try CommandRunner.run(badCase.arguments, in: scratch.path, input: input)

        let context = "\(badCase.name)\(withExistingOutput ? " (output present)" : ""): \(result.standardError)"
        #expect(result.status == badCase.exit, "\(context)")
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.first { $0.contains(badCase.message) }
        #expect(line != nil, "no line mentions “\(badCase.message)”: \(context)")
        if let line { #expect(line.hasPrefix(badCase.stderrPrefix), "expected “\(badCase.stderrPrefix)…”: \(context)") }
        #expect(result.standardOutput.isEmpty, "\(context)")
        // Nothing written, nothing left behind, the earlier output untouched.
        #expect(try tree(scratch.path) == before, "the folder changed: \(context)")
    }

    /// Every path under `folder` with its contents (nil for folders), to compare before and after.
    private func tree(_ folder: String) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            result[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }
}
