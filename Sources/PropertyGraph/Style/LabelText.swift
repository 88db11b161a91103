/// Breaks display labels into short lines for diagrams (the full text stays in the data).
public enum LabelText {
    /// `text` broken at spaces into lines of at most `width` characters (a longer word keeps its
    /// own line); after `maxLines` lines the rest is cut and marked with `…`.
    public static func lines(_ text: String, width: Int = 32, maxLines: Int = 3) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += " …"
        }
        return lines
    }
}
