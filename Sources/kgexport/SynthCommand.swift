import ArgumentParser
import GraphSynthesis
import KnowledgeGraph
import GraphFormats
import RDFFormats

/// `kgexport synth --nodes N --seed S OUTPUT`: a synthetic news-shaped graph as N-Triples, for
/// benchmarks. The triples are streamed as they are generated, so any size fits in memory.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic news-shaped graph as N-Triples (for benchmarks).",
        discussion: """
            About 9 triples per node: a type, a label, a comment, two more literals and four edges, \
            with non-ASCII letters, markup characters and about 5% parallel edges. The same \
            --nodes and --seed give the same bytes. The triples are written in the order they are \
            generated (node by node), not sorted, and never held in memory all at once.

            Example:
              kgexport synth --nodes 1000000 --seed 1 synth-1m.nt
            """
    )

    @Option(help: "How many nodes to generate (fewer than 8 give 8; at most \(SyntheticNewsGraph.maximumNodes)).")
    var nodes: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Argument(help: ArgumentHelp("The N-Triples file to write, or - for standard output.", valueName: "output"))
    var output: String

    func validate() throws {
        guard !output.isEmpty else {
            throw ValidationError("The output path is empty: give the file to write, or - for standard output.")
        }
        guard nodes >= 1 else { throw ValidationError("--nodes must be at least 1.") }
        guard nodes <= SyntheticNewsGraph.maximumNodes else {
            throw ValidationError("--nodes must be at most \(SyntheticNewsGraph.maximumNodes) (a trillion nodes, "
                                  + "about nine trillion triples), not \(nodes).")
        }
    }

    func run() throws {
        let generator = SyntheticNewsGraph(nodes: nodes, seed: seed)
        let progress = Progress(label: "writing \(output)", unit: "triples")
        do {
            try write(generator, progress: progress)
        } catch {
            throw CommandFailure(error.messages)
        }
    }

    private func write(_ generator: SyntheticNewsGraph, progress: Progress) throws(ConversionError) {
        try GraphOutput.stream(to: output) { (sink: any ByteSink) throws(StreamingError) in
            let writer = NTriplesStreamWriter(sink: sink)
            var written = 0
            defer { progress.finish() }
            do throws(WriteError) {
                try generator.generate { (triple: Triple) throws(WriteError) in
                    try writer.write(triple)
                    written += 1
                    if written & 0xFFFF == 0 { progress.update(done: written, bytes: writer.bytesWritten) }
                }
                try writer.finish()
            } catch {
                throw .write(error)
            }
        }
    }
}
