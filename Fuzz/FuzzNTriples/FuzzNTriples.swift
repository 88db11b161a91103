import FuzzSupport
import KnowledgeGraph
import RDFFormats

// libFuzzer target for the N-Triples reader (built with -parse-as-library; see Fuzz/README.md).

private let reader = NTriplesReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let graph = try? reader.parse(fuzzInput(data, size), source: "fuzz.nt") else { return 0 }
    requireRoundTrip(graph, origin: "N-Triples input")
    return 0
}

@_cdecl("FuzzNTriples_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, callback: fuzzOne)
}
