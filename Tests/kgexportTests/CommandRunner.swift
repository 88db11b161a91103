import Foundation
import Testing

/// Runs the built `kgexport` binary as a subprocess, as a user would.
struct CommandRunner {
    /// What one run produced.
    struct Result {
        var status: Int32
        var standardOutput: Data
        var standardError: String
        var output: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// The package root, derived from this file's path (`Tests/kgexportTests/…`).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary: `$KGEXPORT`, else `kgexport` beside the test bundle in the build folder
    /// (the test runner's own folder, or the folders above it on macOS), else `.build/debug`.
    static let executable: String? = {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["KGEXPORT"], !path.isEmpty { candidates.append(path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("kgexport").path)
            folder.deleteLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("kgexport").path)
        }
        candidates.append(packageRoot + "/.build/debug/kgexport")
        return candidates.first { path in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                && fileManager.isExecutableFile(atPath: path)
        }
    }()

    /// Runs `kgexport arguments…` in `folder`, feeding `input` to standard input; `environment`
    /// replaces the variables it names.
    ///
    /// Standard input, output and error go through files rather than pipes, so nothing can
    /// block however much the command writes, and no thread waits on a pipe.
    static func run(_ arguments: [String], in folder: String, input: Data = Data(),
                    environment: [String: String] = [:]) throws -> Result {
        let path = try #require(executable, "the kgexport binary was not found; build it first (swift build)")
        return try runProgram(path, arguments, in: folder, input: input, environment: environment)
    }

    /// Runs `program arguments…` as ``run(_:in:input:environment:)`` runs kgexport (a shell that
    /// closes a descriptor or sets the umask first, say).
    static func runProgram(_ path: String, _ arguments: [String], in folder: String, input: Data = Data(),
                           environment: [String: String] = [:]) throws -> Result {
        let streams = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-streams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: streams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: streams) }
        let inputURL = streams.appendingPathComponent("stdin"), outputURL = streams.appendingPathComponent("stdout")
        let errorURL = streams.appendingPathComponent("stderr")
        try input.write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: try Data(contentsOf: outputURL),
                      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func read(_ name: String) -> Data? {
        FileManager.default.contents(atPath: path + "/" + name)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + name)
    }

    /// Every file in the folder, temporary ones included.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
