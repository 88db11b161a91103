import KnowledgeGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Locates conformance data kept outside the repository (`../shared` beside the package root).
enum SharedData {
    /// The package root, found from this file's path (Tests/RDFFormatsTests/SharedData.swift).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// The folder named by `variable`, or `../shared/<defaultName>` next to the package root.
    static func folder(variable: String, defaultName: String) -> String {
        environment(variable) ?? packageRoot + "/../shared/" + defaultName
    }

    /// Whether the tests run under continuous integration, where missing data is a failure.
    static var isCI: Bool { environment("CI") == "true" }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
