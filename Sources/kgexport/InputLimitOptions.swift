import ArgumentParser
import KnowledgeGraph

/// `--max-input-size`: the most bytes kgexport reads from any input, standard input included,
/// so that a pipe that never closes ends in an error instead of filling memory.
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-size"),
            help: ArgumentHelp("The largest input read, in bytes, or with a K, M or G suffix (powers of 1024); larger inputs, standard input too, are refused. Default 1G, except that an N-Triples file, which convert reads in chunks and never holds whole, is not limited unless this is given.",
                               valueName: "size"))
    var maxInputSize: ByteCount?

    /// The limit in bytes for inputs read whole.
    var bytes: Int { maxInputSize?.bytes ?? InputFile.defaultSizeLimit }

    /// The limit for an input read in chunks: the given one; else the default for standard input
    /// (a pipe may never end), and none for a file (its size is known and it is never held whole).
    func chunkedLimit(for path: String) -> Int {
        maxInputSize?.bytes ?? (path == "-" ? InputFile.defaultSizeLimit : Int.max)
    }
}

/// A number of bytes as written on the command line: `4096`, `64K`, `10M`, `1G`.
struct ByteCount: ExpressibleByArgument, Sendable {
    let bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        var digits = Substring(argument)
        var multiplier = 1
        switch digits.last.map({ Character($0.uppercased()) }) {
        case "K": multiplier = 1 << 10
        case "M": multiplier = 1 << 20
        case "G": multiplier = 1 << 30
        default: break
        }
        if multiplier > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }

    var defaultValueDescription: String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30)G" : bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }
}
