/// Lexical checks for the XML Schema datatypes that datasets use, per XSD 1.1 Part 2.
///
/// A lexical form is checked exactly as written: no whitespace collapsing, so `" 12"` is not an
/// `xsd:integer` (triple stores differ in whether they trim, so we refuse what would be ambiguous).
public enum XSDLexicalSpace {
    /// The datatypes ``problem(with:datatype:)`` knows how to check.
    public static let checkedDatatypes: Set<IRI> = Set(
        [Vocabulary.xsdBoolean, Vocabulary.xsdDecimal, Vocabulary.xsdDouble, Vocabulary.xsdFloat,
         Vocabulary.xsdDate, Vocabulary.xsdDateTime, Vocabulary.xsdTime, Vocabulary.xsdGYear,
         Vocabulary.xsdGYearMonth, Vocabulary.xsdAnyURI, Vocabulary.xsdString]
        + integerBounds.keys)

    /// Why `lexicalForm` is not in the lexical space of `datatype`, or nil when it is (or when
    /// the datatype is not one of ``checkedDatatypes``). The reason reads after "it", e.g.
    /// "has no month 13".
    public static func problem(with lexicalForm: String, datatype: IRI) -> String? {
        let text = Array(lexicalForm.utf8)
        switch datatype {
        case Vocabulary.xsdString:
            return nil
        case Vocabulary.xsdBoolean:
            return ["true", "false", "1", "0"].contains(lexicalForm)
                ? nil : "is not a boolean (true, false, 1 or 0)"
        case Vocabulary.xsdDecimal:
            return isDecimal(text[...]) ? nil : "is not a decimal number (digits with an optional sign and decimal point)"
        case Vocabulary.xsdDouble, Vocabulary.xsdFloat:
            return isFloatingPoint(text) ? nil : "is not a floating-point number (such as 1.5, -2E3, INF or NaN)"
        case Vocabulary.xsdDate:
            return dateProblem(text)
        case Vocabulary.xsdDateTime:
            return dateTimeProblem(text)
        case Vocabulary.xsdTime:
            return timeOfDayProblem(text[...], allowTimezone: true)
        case Vocabulary.xsdGYearMonth:
            return gYearMonthProblem(text)
        case Vocabulary.xsdGYear:
            var scanner = Scanner(text)
            guard scanner.year() != nil else { return "is not a year (YYYY)" }
            return scanner.timezoneProblem() ?? (scanner.atEnd ? nil : "has unexpected text after the year")
        case Vocabulary.xsdAnyURI:
            return anyURIProblem(lexicalForm)
        default:
            if let bounds = integerBounds[datatype] { return integerProblem(text, bounds: bounds) }
            return nil
        }
    }

    /// Whether a literal of datatype `derived` is also a value of datatype `base` (the XSD
    /// derivation tree for the integer types: `xsd:nonNegativeInteger` ⊂ `xsd:integer` ⊂ `xsd:decimal`).
    public static func isDerived(_ derived: IRI, from base: IRI) -> Bool {
        if derived == base { return true }
        if base == Vocabulary.xsdDecimal { return derived == Vocabulary.xsdInteger || integerBounds[derived] != nil }
        if base == Vocabulary.xsdInteger { return integerBounds[derived] != nil }
        return false
    }

    // MARK: - Numbers

    /// Inclusive bounds of the integer types, as optional signed digit strings (nil = unbounded).
    struct IntegerBounds: Sendable {
        let minimum: String?
        let maximum: String?
    }

    static let integerBounds: [IRI: IntegerBounds] = [
        Vocabulary.xsdInteger: IntegerBounds(minimum: nil, maximum: nil),
        Vocabulary.xsdNonNegativeInteger: IntegerBounds(minimum: "0", maximum: nil),
        Vocabulary.xsdPositiveInteger: IntegerBounds(minimum: "1", maximum: nil),
        Vocabulary.xsdNonPositiveInteger: IntegerBounds(minimum: nil, maximum: "0"),
        Vocabulary.xsdNegativeInteger: IntegerBounds(minimum: nil, maximum: "-1"),
        Vocabulary.xsdLong: IntegerBounds(minimum: "-9223372036854775808", maximum: "9223372036854775807"),
        Vocabulary.xsdInt: IntegerBounds(minimum: "-2147483648", maximum: "2147483647"),
        Vocabulary.xsdShort: IntegerBounds(minimum: "-32768", maximum: "32767"),
        Vocabulary.xsdByte: IntegerBounds(minimum: "-128", maximum: "127"),
        Vocabulary.xsdUnsignedLong: IntegerBounds(minimum: "0", maximum: "18446744073709551615"),
        Vocabulary.xsdUnsignedInt: IntegerBounds(minimum: "0", maximum: "4294967295"),
        Vocabulary.xsdUnsignedShort: IntegerBounds(minimum: "0", maximum: "65535"),
        Vocabulary.xsdUnsignedByte: IntegerBounds(minimum: "0", maximum: "255"),
    ]

    private static func integerProblem(_ text: [UInt8], bounds: IntegerBounds) -> String? {
        guard let value = SignedDigits(text[...]) else { return "is not an integer (digits with an optional sign)" }
        if let minimum = bounds.minimum, let limit = SignedDigits(Array(minimum.utf8)[...]), value < limit {
            return "is less than \(minimum), the smallest value allowed"
        }
        if let maximum = bounds.maximum, let limit = SignedDigits(Array(maximum.utf8)[...]), limit < value {
            return "is greater than \(maximum), the largest value allowed"
        }
        return nil
    }

    private static func isDecimal(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = text
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let integerPart = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integerPart.count)
        var fractionDigits = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
        }
        return rest.isEmpty && (integerPart.count + fractionDigits) > 0
    }

    private static func isFloatingPoint(_ text: [UInt8]) -> Bool {
        if ["INF", "+INF", "-INF", "NaN"].contains(String(decoding: text, as: UTF8.self)) { return true }
        guard let exponentMark = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return isDecimal(text[...])
        }
        var exponent = text[(exponentMark + 1)...]
        if let first = exponent.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            exponent = exponent.dropFirst()
        }
        return isDecimal(text[..<exponentMark]) && !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }

    // MARK: - Dates and times

    private static func dateProblem(_ text: [UInt8]) -> String? {
        var scanner = Scanner(text)
        if let problem = scanner.dateProblem() { return problem }
        return scanner.timezoneProblem() ?? (scanner.atEnd ? nil : "has unexpected text after the date")
    }

    private static func gYearMonthProblem(_ text: [UInt8]) -> String? {
        var scanner = Scanner(text)
        guard scanner.year() != nil, scanner.take(UInt8(ascii: "-")), let month = scanner.digits(2) else {
            return "is not a year and month (YYYY-MM)"
        }
        guard (1...12).contains(month) else { return "has no month \(month)" }
        return scanner.timezoneProblem() ?? (scanner.atEnd ? nil : "has unexpected text after the month")
    }

    private static func dateTimeProblem(_ text: [UInt8]) -> String? {
        guard let separator = text.firstIndex(of: UInt8(ascii: "T")) else {
            return "is not a date and time (YYYY-MM-DDThh:mm:ss)"
        }
        var scanner = Scanner(Array(text[..<separator]))
        if let problem = scanner.dateProblem() { return problem }
        guard scanner.atEnd else { return "is not a date and time (YYYY-MM-DDThh:mm:ss)" }
        return timeOfDayProblem(text[(separator + 1)...], allowTimezone: true)
    }

    private static func timeOfDayProblem(_ text: ArraySlice<UInt8>, allowTimezone: Bool) -> String? {
        var scanner = Scanner(Array(text))
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2) else {
            return "is not a time of day (hh:mm:ss)"
        }
        var fractionIsZero = true
        if scanner.take(UInt8(ascii: ".")) {
            guard let fraction = scanner.digitRun(), !fraction.isEmpty else {
                return "has a decimal point in the seconds but no digits after it"
            }
            fractionIsZero = fraction.allSatisfy { $0 == UInt8(ascii: "0") }
        }
        if hour == 24 {
            guard minute == 0, second == 0, fractionIsZero else { return "has the hour 24 but a time after 24:00:00" }
        } else if hour > 24 {
            return "has no hour \(hour)"
        }
        guard minute < 60 else { return "has no minute \(minute)" }
        guard second < 60 else { return "has no second \(second)" }
        return scanner.timezoneProblem() ?? (scanner.atEnd ? nil : "has unexpected text after the time")
    }

    /// Whether the (proleptic Gregorian) year is a leap year; `-0001` is 2 BCE, `0000` is 1 BCE.
    static func isLeapYear(_ year: YearNumber) -> Bool {
        let remainder = year.remainder400
        return remainder % 400 == 0 || (remainder % 4 == 0 && remainder % 100 != 0)
    }

    static func daysIn(month: Int, of year: YearNumber) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - URIs

    private static func anyURIProblem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            if let reason = IRI.forbiddenReason(scalar) { return reason }
        }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else { continue }
            guard let high = bytes.next(), let low = bytes.next(), isHexDigit(high), isHexDigit(low) else {
                return "has a '%' that is not followed by two hexadecimal digits"
            }
        }
        return nil
    }
}

/// A year as XSD writes it: an optional minus sign and four or more digits. Kept as text so
/// years beyond `Int` still work; only the remainder modulo 400 matters for the calendar.
struct YearNumber {
    let negative: Bool
    let digits: ArraySlice<UInt8>

    /// The year modulo 400, in 0..<400 (400 divides 10 000, so the last four digits suffice).
    var remainder400: Int {
        let lastFour = digits.suffix(4).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let remainder = lastFour % 400
        return negative ? (400 - remainder) % 400 : remainder
    }
}

/// An integer as a sign and digits without leading zeros, comparable without overflow.
private struct SignedDigits: Comparable {
    let negative: Bool
    let digits: [UInt8]

    init?(_ text: ArraySlice<UInt8>) {
        var rest = text
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.allSatisfy(isDigit) else { return nil }
        let significant = Array(rest.drop(while: { $0 == UInt8(ascii: "0") }))
        self.negative = negative && !significant.isEmpty
        self.digits = significant
    }

    static func < (lhs: SignedDigits, rhs: SignedDigits) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitudeLess = lhs.digits.count != rhs.digits.count
            ? lhs.digits.count < rhs.digits.count
            : lhs.digits.lexicographicallyPrecedes(rhs.digits)
        let magnitudeEqual = lhs.digits == rhs.digits
        return lhs.negative ? (!magnitudeLess && !magnitudeEqual) : magnitudeLess
    }
}

/// Reads the pieces of XSD date and time forms from ASCII bytes.
private struct Scanner {
    let text: [UInt8]
    var position = 0

    init(_ text: [UInt8]) {
        self.text = text
    }

    var atEnd: Bool { position == text.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < text.count, text[position] == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= text.count, text[position..<(position + count)].allSatisfy(isDigit) else { return nil }
        defer { position += count }
        return text[position..<(position + count)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// All digits from here on.
    mutating func digitRun() -> ArraySlice<UInt8>? {
        let run = text[position...].prefix(while: isDigit)
        position += run.count
        return run
    }

    /// `-?YYYY+`: four or more digits, no leading zero when more than four.
    mutating func year() -> YearNumber? {
        let start = position
        let negative = take(UInt8(ascii: "-"))
        guard let run = digitRun(), run.count >= 4, run.count == 4 || run.first != UInt8(ascii: "0") else {
            position = start
            return nil
        }
        return YearNumber(negative: negative, digits: run)
    }

    /// `YYYY-MM-DD` with a real month and a day that exists in that month.
    mutating func dateProblem() -> String? {
        guard let year = year(), take(UInt8(ascii: "-")), let month = digits(2),
              take(UInt8(ascii: "-")), let day = digits(2) else {
            return "is not a date (YYYY-MM-DD)"
        }
        guard (1...12).contains(month) else { return "has no month \(month)" }
        let days = XSDLexicalSpace.daysIn(month: month, of: year)
        guard (1...days).contains(day) else {
            let yearText = (year.negative ? "-" : "") + String(decoding: year.digits, as: UTF8.self)
            return month == 2 && day == 29
                ? "is 29 February of \(yearText), which is not a leap year"
                : "has no day \(day) in month \(month) (it has \(days) days)"
        }
        return nil
    }

    /// An optional `Z` or `±hh:mm` (at most 14:00). Text after a sign without a colon is not
    /// taken for a time zone: the caller reports it as unexpected text.
    mutating func timezoneProblem() -> String? {
        if atEnd || take(UInt8(ascii: "Z")) { return nil }
        guard text[position...].contains(UInt8(ascii: ":")),
              take(UInt8(ascii: "+")) || take(UInt8(ascii: "-")) else { return nil }
        guard let hours = digits(2), take(UInt8(ascii: ":")), let minutes = digits(2) else {
            return "has a time zone that is not ±hh:mm"
        }
        guard minutes < 60, hours < 14 || (hours == 14 && minutes == 0) else {
            return "has a time zone offset beyond ±14:00"
        }
        return nil
    }
}

private func isDigit(_ byte: UInt8) -> Bool { isASCIIDigit(byte) }
