public import KnowledgeGraph
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

// The libFuzzer driver, reached through its C entry point: a fuzz target is an executable whose
// `<target>_main` hands its arguments and its one-input callback to libFuzzer. libFuzzer is
// linked by `-sanitize=fuzzer`; these targets exist only in fuzz builds (see Fuzz/README.md).

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// Runs libFuzzer with the process's arguments and `callback` as the function under test.
public func runFuzzer(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
    var count = argc
    var values = argv
    return runFuzzerDriver(&count, &values, callback)
}

/// The bytes libFuzzer passes, as an array (readers take whole documents).
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Checks a graph a reader accepted with ``RoundTripOracle``; a broken rule traps, so libFuzzer
/// keeps the input as a crasher.
public func requireRoundTrip(_ graph: Graph, origin: String) {
    do {
        try RoundTripOracle.check(graph)
    } catch {
        fatalError("\(origin): \(error)")
    }
}

/// An environment variable's value, nil when unset or empty.
public func fuzzEnvironment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
}
