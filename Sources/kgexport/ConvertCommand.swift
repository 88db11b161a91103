import ArgumentParser

/// `kgexport convert` (being built).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert", abstract: "(being built)")

    func run() throws {
        throw CommandFailure("kgexport convert is being built")
    }
}
