import ArgumentParser

/// `kgexport export` (being built).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(being built)")

    func run() throws {
        throw CommandFailure("kgexport export is being built")
    }
}
