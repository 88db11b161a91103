import ArgumentParser
import ExportPipeline
import KnowledgeGraph

/// `kgexport export [DATASET] [--ontology FILE] [--out DIR]`: validate, then write every export
/// file, or none.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Validate a YAML dataset and write it as RDF/XML, N-Triples, Turtle, GraphML (plain and for yEd), DOT and SVG, with the ontology as Turtle.",
        discussion: """
            With no arguments: Datasets/nato-sg-2024.yaml, its ontology, into Exports/. Nothing is \
            written unless the dataset is valid and every file could be rendered and written: \
            the files are renamed into place together, and a failure part-way puts back what was \
            there. The SVG picture is drawn by Graphviz, which must be installed.
            """)

    @Argument(help: "The dataset file.")
    var dataset: String = DatasetDefaults.dataset

    @Option(help: "The ontology (RDF/XML or N-Triples); defaults to the dataset's ontology: field.")
    var ontology: String?

    @Option(name: .long, help: "The folder to write into (created when missing).")
    var out: String = DatasetDefaults.outputFolder

    @OptionGroup var rendering: RenderOptions

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        // An empty path would name the current folder.
        guard !out.isEmpty else {
            throw ValidationError("--out is empty: give the folder to write into (it is created when missing).")
        }
    }

    func run() throws {
        var job = ExportJob(datasetPath: dataset, ontologyPath: ontology)
        job.inputSizeLimit = limits.bytes
        job.renderTimeLimit = rendering.renderTimeout
        do {
            for path in try job.run(into: out, diagnostics: StandardErrorDiagnostics()) { print("wrote \(path)") }
        } catch .invalid(let diagnostics) {
            let errors = diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure(diagnostics.map(\.description)
                                 + ["\(dataset): \(errors) error\(errors == 1 ? "" : "s"); nothing was written"])
        } catch .write(let error) {
            throw CommandFailure([error.description, "nothing was written"])
        } catch .partlyWritten(let error, let changedFiles) {
            throw CommandFailure([error.description, "these files hold this run's output and could not be put back as they were: "
                                  + changedFiles.joined(separator: ", ")])
        }
    }
}
