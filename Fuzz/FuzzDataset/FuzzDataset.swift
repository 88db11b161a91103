import DatasetKit
import GraphFormats
import FuzzSupport
import KnowledgeGraph

// libFuzzer target for the YAML dataset loader (parser, graph builder and validator), against
// the bundled ontology (built with -parse-as-library; see Fuzz/README.md). Besides never
// crashing: every diagnostic has a position inside the document, and a dataset without errors
// gives a graph that survives the round-trip oracle.

/// `Ontology/newsgraph.owl` of this package (`KGEXPORT_FUZZ_ONTOLOGY` overrides it).
private let loader: DatasetLoader = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    let path = fuzzEnvironment("KGEXPORT_FUZZ_ONTOLOGY") ?? parts.joined(separator: "/") + "/Ontology/newsgraph.owl"
    do {
        return DatasetLoader(ontology: try OntologyFile.read(path))
    } catch {
        fatalError("the fuzz target needs the ontology: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let loaded = loader.load(bytes, file: "fuzz.yaml")
    let lastLine = lineCount(bytes)
    for diagnostic in loaded.diagnostics {
        guard let location = diagnostic.location else {
            fatalError("a dataset diagnostic has no position: \(diagnostic)")
        }
        guard location.line >= 1, location.column >= 1, location.line <= lastLine else {
            fatalError("a dataset diagnostic points outside the document (\(lastLine) lines): \(diagnostic)")
        }
    }
    if !loaded.hasErrors {
        requireRoundTrip(loaded.graph, origin: "dataset input")
    }
    return 0
}

/// Lines as YAML counts them: LF, CR, CR LF, NEL, LS and PS each end one; plus the last line.
private func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case 0x0A: lines += 1
        case 0x0D:
            lines += 1
            if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: lines += 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            lines += 1
        default: break
        }
        index += 1
    }
    return lines + 1
}

@_cdecl("FuzzDataset_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, callback: fuzzOne)
}
