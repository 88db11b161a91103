import FuzzSupport
import KnowledgeGraph
import RDFFormats

// libFuzzer target for the RDF/XML reader (built with -parse-as-library; see Fuzz/README.md).
// The reader may refuse any input; it must never crash, hang or leak, and what it accepts must
// survive the round-trip oracle.

private let reader = RDFXMLReader(baseIRI: IRI(unchecked: "http://example.org/fuzz/doc"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let graph = try? reader.parse(fuzzInput(data, size), source: "fuzz.rdf") else { return 0 }
    requireRoundTrip(graph, origin: "RDF/XML input")
    return 0
}

@_cdecl("FuzzRDFXML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, callback: fuzzOne)
}
