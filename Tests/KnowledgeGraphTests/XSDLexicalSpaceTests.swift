import KnowledgeGraph
import Testing

@Suite struct XSDLexicalSpaceTests {
    func problem(_ text: String, _ datatype: IRI) -> String? {
        XSDLexicalSpace.problem(with: text, datatype: datatype)
    }

    @Test(arguments: ["2024-04-02", "2024-02-29", "2000-02-29", "1600-02-29", "0000-02-29", "-0001-12-31",
                      "12024-01-01", "2024-04-02Z", "2024-04-02+14:00", "2024-04-02-05:30", "2024-01-31",
                      "2024-04-30", "2023-12-31"])
    func validDates(text: String) {
        #expect(problem(text, Vocabulary.xsdDate) == nil)
    }

    @Test(arguments: [
        ("2024-13-45", "has no month 13"),
        ("2024-00-10", "has no month 0"),
        ("2023-02-29", "is 29 February of 2023, which is not a leap year"),
        ("1900-02-29", "is 29 February of 1900, which is not a leap year"),
        ("2024-02-30", "has no day 30 in month 2 (it has 29 days)"),
        ("2024-04-31", "has no day 31 in month 4 (it has 30 days)"),
        ("2024-04-00", "has no day 0 in month 4 (it has 30 days)"),
        ("24-04-02", "is not a date (YYYY-MM-DD)"),
        ("2024-4-2", "is not a date (YYYY-MM-DD)"),
        ("02024-04-02", "is not a date (YYYY-MM-DD)"),
        ("2024-04-02T10:00:00", "has unexpected text after the date"),
        ("2024-04-02+15:00", "has a time zone offset beyond ±14:00"),
        ("2024-04-02+1:00", "has a time zone that is not ±hh:mm"),
        (" 2024-04-02", "is not a date (YYYY-MM-DD)"),
        ("April 2, 2024", "is not a date (YYYY-MM-DD)"),
    ])
    func invalidDates(text: String, reason: String) {
        #expect(problem(text, Vocabulary.xsdDate) == reason)
    }

    @Test func yearMonthsAndYears() {
        #expect(problem("2024-04", Vocabulary.xsdGYearMonth) == nil)
        #expect(problem("2024-12Z", Vocabulary.xsdGYearMonth) == nil)
        #expect(problem("2024-13", Vocabulary.xsdGYearMonth) == "has no month 13")
        #expect(problem("2024-04-02", Vocabulary.xsdGYearMonth) == "has unexpected text after the month")
        #expect(problem("2024", Vocabulary.xsdGYearMonth) == "is not a year and month (YYYY-MM)")
        #expect(problem("2024", Vocabulary.xsdGYear) == nil)
        #expect(problem("-0044", Vocabulary.xsdGYear) == nil)
        #expect(problem("24", Vocabulary.xsdGYear) == "is not a year (YYYY)")
    }

    @Test func dateTimes() {
        for valid in ["2024-04-02T10:30:00", "2024-04-02T10:30:00Z", "2024-04-02T10:30:00.125+03:00",
                      "2024-04-02T24:00:00", "2024-02-29T23:59:59-14:00"] {
            #expect(problem(valid, Vocabulary.xsdDateTime) == nil, "\(valid)")
        }
        #expect(problem("2024-04-02", Vocabulary.xsdDateTime) == "is not a date and time (YYYY-MM-DDThh:mm:ss)")
        #expect(problem("2024-04-02T25:00:00", Vocabulary.xsdDateTime) == "has no hour 25")
        #expect(problem("2024-04-02T24:00:01", Vocabulary.xsdDateTime) == "has the hour 24 but a time after 24:00:00")
        #expect(problem("2024-04-02T10:60:00", Vocabulary.xsdDateTime) == "has no minute 60")
        #expect(problem("2024-04-02T10:00:60", Vocabulary.xsdDateTime) == "has no second 60")
        #expect(problem("2024-04-02T10:00", Vocabulary.xsdDateTime) == "is not a time of day (hh:mm:ss)")
        #expect(problem("2024-04-02T10:00:00.", Vocabulary.xsdDateTime)
                == "has a decimal point in the seconds but no digits after it")
        #expect(problem("2023-02-29T10:00:00", Vocabulary.xsdDateTime) == "is 29 February of 2023, which is not a leap year")
        #expect(problem("10:30:00", Vocabulary.xsdTime) == nil)
    }

    @Test func integers() {
        for valid in ["0", "12", "-12", "+12", "007", "123456789012345678901234567890"] {
            #expect(problem(valid, Vocabulary.xsdInteger) == nil, "\(valid)")
        }
        #expect(problem("twelve", Vocabulary.xsdInteger) == "is not an integer (digits with an optional sign)")
        #expect(problem("12.0", Vocabulary.xsdInteger) == "is not an integer (digits with an optional sign)")
        #expect(problem("", Vocabulary.xsdInteger) == "is not an integer (digits with an optional sign)")
        #expect(problem("1 000", Vocabulary.xsdInteger) == "is not an integer (digits with an optional sign)")
        #expect(problem("0", Vocabulary.xsdNonNegativeInteger) == nil)
        #expect(problem("-0", Vocabulary.xsdNonNegativeInteger) == nil)
        #expect(problem("32", Vocabulary.xsdNonNegativeInteger) == nil)
        #expect(problem("-1", Vocabulary.xsdNonNegativeInteger) == "is less than 0, the smallest value allowed")
        #expect(problem("0", Vocabulary.xsdPositiveInteger) == "is less than 1, the smallest value allowed")
        #expect(problem("128", Vocabulary.xsdByte) == "is greater than 127, the largest value allowed")
        #expect(problem("-128", Vocabulary.xsdByte) == nil)
        #expect(problem("-9223372036854775809", Vocabulary.xsdLong) == "is less than -9223372036854775808, the smallest value allowed")
    }

    @Test func decimalsDoublesBooleans() {
        for valid in ["1", "1.5", "-1.5", "+.5", "5.", "0.875"] {
            #expect(problem(valid, Vocabulary.xsdDecimal) == nil, "\(valid)")
        }
        for invalid in [".", "1e3", "1,5", "--1", ""] {
            #expect(problem(invalid, Vocabulary.xsdDecimal) != nil, "\(invalid)")
        }
        for valid in ["1", "1.5", "8.75E-1", "-2e3", "INF", "-INF", "NaN", ".5e+2"] {
            #expect(problem(valid, Vocabulary.xsdDouble) == nil, "\(valid)")
        }
        #expect(problem("1e", Vocabulary.xsdDouble) == "is not a floating-point number (such as 1.5, -2E3, INF or NaN)")
        #expect(problem("inf", Vocabulary.xsdDouble) != nil)
        for valid in ["true", "false", "1", "0"] {
            #expect(problem(valid, Vocabulary.xsdBoolean) == nil)
        }
        #expect(problem("yes", Vocabulary.xsdBoolean) == "is not a boolean (true, false, 1 or 0)")
        #expect(problem("True", Vocabulary.xsdBoolean) != nil)
    }

    @Test func anyURIs() {
        #expect(problem("https://example.org/a?b=c#d", Vocabulary.xsdAnyURI) == nil)
        #expect(problem("relative/path", Vocabulary.xsdAnyURI) == nil)
        #expect(problem("https://example.org/a b", Vocabulary.xsdAnyURI) == "contains a space")
        #expect(problem("https://example.org/%zz", Vocabulary.xsdAnyURI)
                == "has a '%' that is not followed by two hexadecimal digits")
        #expect(problem("https://example.org/<x>", Vocabulary.xsdAnyURI) == "contains the character '<', which IRIs forbid")
    }

    @Test func unknownDatatypesAreNotChecked() {
        #expect(problem("anything", IRI(unchecked: "http://example.org/dt")) == nil)
        #expect(problem("anything", Vocabulary.xsdString) == nil)
    }

    @Test func derivation() {
        #expect(XSDLexicalSpace.isDerived(Vocabulary.xsdNonNegativeInteger, from: Vocabulary.xsdInteger))
        #expect(XSDLexicalSpace.isDerived(Vocabulary.xsdInteger, from: Vocabulary.xsdDecimal))
        #expect(!XSDLexicalSpace.isDerived(Vocabulary.xsdDecimal, from: Vocabulary.xsdInteger))
        #expect(!XSDLexicalSpace.isDerived(Vocabulary.xsdString, from: Vocabulary.xsdDate))
    }
}
