import ArgumentParser
import GraphFormats
import KnowledgeGraph

/// A format named on the command line (`--from rdfxml`, `--to yed`): any name or alias in the
/// registry, in any case.
struct FormatArgument: ExpressibleByArgument, Sendable {
    let format: GraphFormat

    init?(argument: String) {
        guard let format = FormatRegistry.format(named: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { FormatRegistry.formats.map(\.name) }
}
