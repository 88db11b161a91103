import ArgumentParser

/// `kgexport validate` (being built).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(being built)")

    func run() throws {
        throw CommandFailure("kgexport validate is being built")
    }
}
