import DatasetKit
import KnowledgeGraph

/// Fixture files live beside this file; tests find them through `#filePath`.
enum Fixtures {
    static let folder: String = {
        let path = #filePath
        guard let slash = path.lastIndex(of: "/") else { return "Fixtures" }
        return String(path[..<slash]) + "/Fixtures"
    }()

    static func path(_ name: String) -> String { folder + "/" + name }

    static func bytes(_ name: String) throws -> [UInt8] {
        try InputFile.read(path(name))
    }

    /// Loads a fixture dataset against ``TestOntology``, naming the file by its bare name in diagnostics.
    static func load(_ name: String) throws -> LoadedDataset {
        DatasetLoader(ontology: TestOntology.graph).load(try bytes(name), file: name)
    }

    /// Loads YAML text given inline.
    static func load(text: String, file: String = "inline.yaml") -> LoadedDataset {
        DatasetLoader(ontology: TestOntology.graph).load(Array(text.utf8), file: file)
    }
}

extension LoadedDataset {
    /// The diagnostics as `FILE:LINE:COL: error: message` lines.
    var report: [String] { diagnostics.map(\.description) }
}
