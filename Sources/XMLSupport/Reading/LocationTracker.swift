/// Turns byte offsets of a UTF-8 document into 1-based lines and columns (columns count
/// Unicode scalars), moving forward from the last answer so a whole parse costs one pass.
struct LocationTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Line and column of the byte at `target` (clamped to the document).
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        let target = max(0, min(target, bytes.count))
        if target < offset {
            // Rare (markup out of entity text): start again from the top.
            offset = 0
            line = 1
            column = 1
        }
        var index = offset
        while index < target {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // CR LF and a lone CR both end a line, as XML normalises them.
                if index + 1 < target && bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        offset = index
        return (line, column)
    }
}
