package import KnowledgeGraph

/// The triples of an N-Triples file, one at a time, with bounded memory: the file is read in
/// chunks of whole lines (``LineChunkReader``) and nothing is kept between triples.
package struct NTriplesStream {
    package let path: String
    package let chunkSize: Int

    package init(path: String, chunkSize: Int = LineChunkReader.defaultChunkSize) {
        self.path = path
        self.chunkSize = chunkSize
    }

    /// Calls `body` with every triple in file order. Blank node labels are the input's.
    /// - Parameter progress: called after each chunk with the bytes read and the file's size.
    package func forEach(progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
                         _ body: (RawTerm, RawTerm, RawTerm) throws(WriteError) -> Void) throws(StreamingError) {
        let input: LineChunkReader
        do { input = try LineChunkReader(path: path, chunkSize: chunkSize) } catch { throw .input(error) }
        var parser = NTriplesParser(source: path)
        let failure: StreamingError? = withoutActuallyEscaping(body) { body in
            var consumer = ClosureConsumer(body: body)
            while true {
                let chunk: UnsafeBufferPointer<UInt8>?
                do throws(Diagnostic) { chunk = try input.next() } catch { return .input(error) }
                guard let chunk else { return nil }
                do {
                    try parser.parse(chunk: chunk, into: &consumer)
                } catch let error as WriteError {
                    return .write(error)
                } catch {
                    return .input(NTriplesReader.diagnostic(error))
                }
                progress?(input.bytesRead, input.totalBytes)
            }
        }
        if let failure { throw failure }
    }

    private struct ClosureConsumer: NTriplesConsumer {
        let body: (RawTerm, RawTerm, RawTerm) throws(WriteError) -> Void

        func triple(_ subject: RawTerm, _ predicate: RawTerm, _ object: RawTerm) throws {
            try body(subject, predicate, object)
        }
    }
}
