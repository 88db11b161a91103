import KnowledgeGraph
import Testing
import XMLSupport

/// The text-node limit: libxml2 applies its 10 MB limit in its own SAX2 text handler, which the
/// event reader replaces, so a 100 MB text node used to be read whole.
@Suite struct XMLLimitTests {
    @Test func textLongerThanTheLimitIsRefusedWhereItStarts() {
        let reader = XMLEventReader(textLimit: 1_000)
        let error = xmlError("<r>\n  <a>" + String(repeating: "x", count: 1_001) + "</a></r>", reader: reader)
        #expect(error?.code == "xml-syntax")
        #expect(error?.message == "a text node is longer than the limit of 1000 bytes")
        #expect(error?.location == KnowledgeGraph.SourceLocation(file: "test.xml", line: 2, column: 6))
    }

    /// Character data, CDATA and character references are one text node, counted together.
    @Test func mergedTextCountsAsOneNode() {
        let reader = XMLEventReader(textLimit: 10)
        #expect(xmlError("<r>12345<![CDATA[678]]>&#57;0</r>", reader: reader) == nil)
        #expect(xmlError("<r>12345<![CDATA[678]]>&#57;01</r>", reader: reader)?.message
                == "a text node is longer than the limit of 10 bytes")
        // Separate text nodes each get the whole limit.
        #expect(xmlError("<r>1234567890<a/>1234567890</r>", reader: reader) == nil)
    }

    @Test func theDefaultIsLibxml2sOwnLimit() {
        #expect(XMLEventReader().textLimit == 10_000_000)
    }
}
