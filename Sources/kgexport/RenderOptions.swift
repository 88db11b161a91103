import ArgumentParser
import KnowledgeGraph

/// `--render-timeout`: how long Graphviz may draw a picture, for `convert` and `export`.
struct RenderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds Graphviz may take to draw an SVG before it is stopped.", valueName: "seconds"))
    var renderTimeout: Double = GraphFormat.WriteOptions.defaultRenderTimeLimit

    func validate() throws {
        guard renderTimeout > 0 && renderTimeout.isFinite else {
            throw ValidationError("--render-timeout must be a positive number of seconds.")
        }
    }
}
