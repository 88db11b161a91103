#if canImport(Glibc)
import Glibc
#endif
import ExportPipeline
import KnowledgeGraph
import TestSupport
import Testing

/// `export` on disk is all or none: a failure part-way leaves the folder as it was.
extension ExportJobTests {
    static func artifacts(_ names: [String]) -> [RenderedArtifact] {
        names.map { RenderedArtifact(fileName: $0, bytes: Array("new \($0)\n".utf8)) }
    }

    /// A folder where the last file goes: no file is replaced or added, the earlier ones included.
    @Test func aFolderWhereAFileGoesWritesNothing() throws {
        let folder = try TestFiles.temporaryFolder()
        let old = Array("old a.nt\n".utf8)
        try #require(TestFiles.exists(folder) && mkdir(folder + "/c.nt", 0o755) == 0)
        let file = fopen(folder + "/a.nt", "w")
        _ = old.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        #expect(throws: (any Error).self) { try ArtifactWriter.write(Self.artifacts(["a.nt", "b.nt", "c.nt"]), into: folder) }
        #expect(try TestFiles.list(folder).sorted() == ["a.nt", "c.nt"])
        #expect(try InputFile.read(folder + "/a.nt") == old)
    }

    /// The folders an export created are removed again when it fails.
    @Test func aFailedExportRemovesTheFoldersItCreated() throws {
        let folder = try TestFiles.temporaryFolder()
        #expect(throws: (any Error).self) {
            try ArtifactWriter.write(Self.artifacts(["ok.nt", "missing/x.nt"]), into: folder + "/new/deeper")
        }
        #expect(try TestFiles.list(folder).isEmpty)
    }
}
