import Foundation
import Testing

/// The limits SECURITY.md states are the ones the readers apply.
@Suite struct DocumentedLimitTests {
    static let rdf = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\""

    /// An RDF/XML document whose property is named by `length` letters, as an element or an attribute.
    static func document(nameLength length: Int, asAttribute: Bool) -> String {
        let name = "ex:" + String(repeating: "a", count: length)
        let property = asAttribute ? " \(name)=\"v\"/>" : "><\(name)>v</\(name)></rdf:Description>"
        return "<rdf:RDF \(rdf)><rdf:Description rdf:about=\"http://example.org/s\"\(property)</rdf:RDF>\n"
    }

    /// XML names of 50,000 bytes are read; one byte more is refused with its position.
    @Test(arguments: [false, true])
    func xmlNamesUpToFiftyThousandBytes(asAttribute: Bool) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("longest.rdf", Self.document(nameLength: 50_000, asAttribute: asAttribute))
        let accepted = try CommandRunner.run(["convert", "longest.rdf", "longest.nt"], in: folder.path)
        #expect(accepted.status == 0, "\(accepted.standardError)")
        try folder.write("too-long.rdf", Self.document(nameLength: 50_001, asAttribute: asAttribute))
        let refused = try CommandRunner.run(["convert", "too-long.rdf", "too-long.nt"], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("too-long.rdf:1:"), "\(refused.standardError)")
        #expect(refused.standardError.contains("error: Name too long"), "\(refused.standardError)")
        #expect(!folder.exists("too-long.nt"))
    }

    @Test func securityPageStatesTheNameLimit() throws {
        let page = try String(contentsOfFile: CommandRunner.packageRoot + "/SECURITY.md", encoding: .utf8)
        let row = page.split(separator: "\n").first { $0.hasPrefix("| XML names") }
        #expect(row?.contains("50 000 bytes") == true, "\(row ?? "no row for XML names")")
        #expect(row?.contains("10 000 000") == false, "\(row ?? "")")
    }
}
