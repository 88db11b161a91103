#if canImport(Glibc)
import Glibc
#endif

func mkdirForTest(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }

func fileExistsForTest(_ path: String) -> Bool { access(path, F_OK) == 0 }

func readForTest(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
