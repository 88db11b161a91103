public import KnowledgeGraph

/// Reads N-Triples (W3C "RDF 1.1 N-Triples") into a ``Graph``.
///
/// The full grammar: absolute IRIs (a relative IRI is an error that names it), `\u`/`\U`
/// escapes in IRIs and literals and the string escapes `\t \b \n \r \f \" \' \\` in literals,
/// language tags (checked as BCP 47), datatypes, blank node labels, comments and blank lines,
/// LF or CR line ends. The input must be UTF-8. Blank nodes get fresh labels (`b0`, `b1`, …
/// with the default prefix), one per distinct label in the document.
///
/// Errors are ``Diagnostic``s with code `ntriples-syntax` located at `source:line:column`
/// (columns count Unicode characters).
///
/// ``read(path:progress:)`` reads a file in chunks of whole lines, so the file itself is never
/// held in memory; the terms go straight from the input buffer into the graph's term
/// dictionary, without `String`s. (A file read in chunks is checked for UTF-8 chunk by chunk:
/// with several errors, the first one reported is the first in the file, except that within a
/// chunk of 4 MiB bad UTF-8 is reported before syntax errors, as for a document given whole.)
public struct NTriplesReader: GraphParser, Sendable {
    /// The prefix of generated blank node labels.
    public let blankNodePrefix: String

    public init(blankNodePrefix: String = "b") {
        self.blankNodePrefix = blankNodePrefix
    }

    /// Parses a whole N-Triples document.
    /// - Throws: a ``Diagnostic`` with the position of the first error; no partial graph is returned.
    public func parse(_ bytes: [UInt8], source: String) throws(Diagnostic) -> Graph {
        var parser = NTriplesParser(source: source)
        var builder = NTriplesGraphBuilder(blankNodePrefix: blankNodePrefix)
        do {
            try bytes.withUnsafeBufferPointer { buffer in try parser.parse(chunk: buffer, into: &builder) }
        } catch {
            throw Self.diagnostic(error)
        }
        return builder.finish()
    }

    /// Reads the N-Triples file at `path` (`-` for standard input) in chunks.
    /// - Parameters:
    ///   - chunkSize: the read buffer's size (it grows for a longer line).
    ///   - progress: called after each chunk with the bytes read so far and the file's size
    ///     when known.
    /// - Throws: a ``Diagnostic``: the file cannot be read (code `input`), or the first syntax
    ///   error (code `ntriples-syntax`).
    public func read(path: String, chunkSize: Int = LineChunkReader.defaultChunkSize,
                     sizeLimit: Int = InputFile.defaultSizeLimit,
                     progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil) throws(Diagnostic) -> Graph {
        let input = try LineChunkReader(path: path, chunkSize: chunkSize, byteLimit: sizeLimit)
        if let totalBytes = input.totalBytes, totalBytes > sizeLimit { throw InputFile.tooLarge(path, sizeLimit: sizeLimit) }
        var parser = NTriplesParser(source: path)
        var builder = NTriplesGraphBuilder(blankNodePrefix: blankNodePrefix)
        while let chunk = try input.next() {
            do {
                try parser.parse(chunk: chunk, into: &builder)
            } catch {
                throw Self.diagnostic(error)
            }
            progress?(input.bytesRead, input.totalBytes)
        }
        return builder.finish()
    }

    static func diagnostic(_ error: any Error) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        return Diagnostic(code: "ntriples-syntax", message: "\(error)")
    }
}

/// Stores parsed triples in a ``Graph``, straight from the parser's bytes.
struct NTriplesGraphBuilder: NTriplesConsumer {
    private var graph = Graph()
    private var blankNodes: BlankNodeGenerator
    /// Term id of each input blank node label.
    private var labels: [[UInt8]: TermID] = [:]
    private var xsdString: TermID?
    /// The last datatype and language tag seen, with their ids (they repeat a lot).
    private var lastDatatype: (bytes: [UInt8], id: TermID)?
    private var lastLanguage: (bytes: [UInt8], id: TermID)?
    /// The last subject IRI (N-Triples files usually list a subject's triples together).
    private var lastSubject: [UInt8] = []
    private var lastSubjectID: TermID?

    init(blankNodePrefix: String) {
        blankNodes = BlankNodeGenerator(prefix: blankNodePrefix)
    }

    mutating func triple(_ subject: RawTerm, _ predicate: RawTerm, _ object: RawTerm) {
        let s: TermID
        if subject.kind == .iri, let last = lastSubjectID, bytesEqual(lastSubject, subject.bytes) {
            s = last
        } else {
            s = intern(subject)
            if subject.kind == .iri {
                lastSubject.removeAll(keepingCapacity: true)
                lastSubject.append(contentsOf: subject.bytes)
                lastSubjectID = s
            } else {
                lastSubjectID = nil
            }
        }
        let p = graph.intern(.iri, UnsafeRawBufferPointer(predicate.bytes))
        let o = intern(object)
        graph.insert(ids: s, p, o)
    }

    private mutating func intern(_ term: RawTerm) -> TermID {
        switch term.kind {
        case .iri, .languageTag:
            return graph.intern(.iri, UnsafeRawBufferPointer(term.bytes))
        case .blank:
            let label = Array(term.bytes)
            if let known = labels[label] { return known }
            var name = blankNodes.fresh().id
            let id = name.withUTF8 { graph.intern(.blank, UnsafeRawBufferPointer($0)) }
            labels[label] = id
            return id
        case .typedLiteral:
            let datatype: TermID
            if term.datatype.isEmpty {
                if let known = xsdString {
                    datatype = known
                } else {
                    var name = Vocabulary.xsdString.value
                    datatype = name.withUTF8 { graph.intern(.iri, UnsafeRawBufferPointer($0)) }
                    xsdString = datatype
                }
            } else if let last = lastDatatype, bytesEqual(last.bytes, term.datatype) {
                datatype = last.id
            } else {
                datatype = graph.intern(.iri, UnsafeRawBufferPointer(term.datatype))
                lastDatatype = (Array(term.datatype), datatype)
            }
            return graph.intern(.typedLiteral, UnsafeRawBufferPointer(term.bytes), extra: datatype)
        case .languageLiteral:
            let tag: TermID
            if let last = lastLanguage, bytesEqual(last.bytes, term.language) {
                tag = last.id
            } else {
                tag = graph.intern(.languageTag, UnsafeRawBufferPointer(term.language))
                lastLanguage = (Array(term.language), tag)
            }
            return graph.intern(.languageLiteral, UnsafeRawBufferPointer(term.bytes), extra: tag)
        }
    }

    mutating func finish() -> Graph {
        graph.shrinkToFit()
        return graph
    }
}
