import GraphFormats
import KnowledgeGraph

/// What a user sees of a running conversion: progress lines while reading and writing, notes
/// on standard error as they come, and with `--timings` the seconds per stage.
final class ConversionProgress: ConversionObserver {
    private let reading: Progress
    private let writing: Progress
    private let phases = PhaseTimings()

    /// - Parameters:
    ///   - readingLabel: what the first progress line says (`reading in.nt`).
    ///   - writingLabel: what the second says (`writing out.rdf`).
    init(readingLabel: String, writingLabel: String) {
        reading = Progress(label: readingLabel, unit: "triples")
        writing = Progress(label: writingLabel, unit: "triples")
    }

    /// `read=… write=… sync=…`, the stages that have ended.
    var timings: String { phases.line }

    func emit(_ diagnostic: Diagnostic) {
        FileHandleOutput.standardError(diagnostic.description)
    }

    func reading(bytesRead: Int, totalBytes: Int?) {
        reading.update(done: 0, bytes: bytesRead, totalBytes: totalBytes)
    }

    func writing(bytesWritten: Int, totalBytes: Int?) {
        writing.update(done: 0, bytes: bytesWritten, totalBytes: totalBytes)
    }

    func stageFinished(_ stage: PipelineStage) {
        switch stage {
        case .reading:
            reading.finish()
        case .write:
            writing.finish()
            phases.lap(stage.rawValue)
        case .read, .project, .sync:
            phases.lap(stage.rawValue)
        }
    }

    /// Clears any progress line left (after a failure).
    func finish() {
        reading.finish()
        writing.finish()
    }
}

/// Prints notes and warnings on standard error as they come.
final class StandardErrorDiagnostics: DiagnosticCollector {
    func emit(_ diagnostic: Diagnostic) {
        FileHandleOutput.standardError(diagnostic.description)
    }
}
