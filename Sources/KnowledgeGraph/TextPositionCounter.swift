/// Turns byte offsets in UTF-8 text into 1-based lines and columns for ``SourceLocation``s:
/// columns count Unicode scalars; LF, CR and CR LF each end a line (as XML normalises them).
///
/// The counter moves forward from its last answer, so a reader that asks for positions in
/// document order pays for one pass over the text in all; asking for an earlier offset starts
/// again from the top.
public struct TextPositionCounter: Sendable {
    private var offset = 0
    private var line = 1
    private var column = 1

    public init() {}

    /// Line and column of the byte at `target` (clamped to the text) in `bytes`, which must be
    /// the same text on every call.
    public mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let target = max(0, min(target, bytes.count))
        if target < offset {
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

    /// Line and column of the byte at `offset` in `bytes`, counted from the top.
    public static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var counter = TextPositionCounter()
        return bytes.withUnsafeBufferPointer { counter.position(of: offset, in: $0) }
    }
}
