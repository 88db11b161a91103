import ArgumentParser

/// The `kgexport` command: subcommands only; with no arguments it runs `export` with defaults.
struct KGExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgexport",
        abstract: "Turn a curated knowledge graph into RDF/XML, N-Triples, Turtle, GraphML and diagrams.",
        discussion: """
            With no subcommand, kgexport exports the bundled NATO 2024 dataset with the bundled \
            ontology into Exports/ (the same as `kgexport export`).

            Exit status: 0 on success, 1 for bad input or a graph the target format cannot express \
            (messages are FILE:LINE:COL: error: …), 2 for usage errors, 130 or 143 when interrupted \
            by SIGINT or SIGTERM (temporary files are removed, the previous output is left as it was).
            """,
        version: "0.1.0",
        subcommands: [ExportCommand.self, ConvertCommand.self, ValidateCommand.self, SynthCommand.self],
        defaultSubcommand: ExportCommand.self
    )
}
