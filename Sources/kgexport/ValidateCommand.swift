import ArgumentParser
import DatasetKit
import ExportPipeline
import KnowledgeGraph

/// `kgexport validate [DATASET] [--ontology FILE]`: every problem of a dataset, then a summary.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a YAML dataset against its ontology and report every problem.",
        discussion: "Problems are printed as FILE:LINE:COL: error: message; the exit status is 1 when there is any error.")

    @Argument(help: "The dataset file.")
    var dataset: String = DatasetDefaults.dataset

    @Option(help: "The ontology (RDF/XML or N-Triples); defaults to the dataset's ontology: field.")
    var ontology: String?

    @OptionGroup var limits: InputLimitOptions

    func run() throws {
        var job = ExportJob(datasetPath: dataset, ontologyPath: ontology)
        job.inputSizeLimit = limits.bytes
        let loaded = job.load()
        let summary = DatasetDefaults.summary(of: loaded, path: dataset)
        if loaded.hasErrors {
            throw CommandFailure(loaded.diagnostics.map(\.description) + [summary])
        }
        for warning in loaded.diagnostics { FileHandleOutput.standardError(warning.description) }
        print(summary)
    }
}

/// The defaults shared by `validate` and `export`, relative to the current folder.
enum DatasetDefaults {
    static let dataset = "Datasets/nato-sg-2024.yaml"
    static let outputFolder = "Exports"

    /// `FILE: 0 errors, 0 warnings (83 nodes, 640 triples; ontology Ontology/newsgraph.owl)`.
    static func summary(of loaded: LoadedExport, path: String) -> String {
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        var text = "\(path): \(count(errors, "error")), \(count(warnings, "warning"))"
        if let dataset = loaded.dataset {
            text += " (\(count(dataset.nodeCount, "node")), \(count(dataset.graph.count, "triple"))"
            if let ontology = loaded.ontologyPath { text += "; ontology \(ontology)" }
            text += ")"
        }
        return text
    }

    /// `1 node`, `2 nodes`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
