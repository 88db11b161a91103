/// Checks BCP 47 language tags (RFC 5646 well-formedness, ASCII letters, digits and hyphens).
public enum LanguageTag {
    /// Whether `tag` is a well-formed BCP 47 language tag such as `en`, `et-EE` or `zh-Hant-TW`.
    ///
    /// The check is the `langtag` / `privateuse` / grandfathered grammar's shape: a primary
    /// subtag of 2–8 letters (or `x`/`i` for private use and irregular tags), then subtags of
    /// 1–8 letters or digits separated by single hyphens.
    public static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, !primary.isEmpty else { return false }
        let isLetterOrDigit: (Substring) -> Bool = { part in
            part.utf8.allSatisfy { isASCIILetter($0) || isASCIIDigit($0) }
        }
        let primaryIsPrivate = primary.lowercased() == "x" || primary.lowercased() == "i"
        if primaryIsPrivate {
            guard subtags.count > 1 else { return false }
        } else {
            guard (2...8).contains(primary.utf8.count), primary.utf8.allSatisfy(isASCIILetter) else { return false }
        }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.utf8.count), isLetterOrDigit(subtag) else { return false }
        }
        return true
    }
}
