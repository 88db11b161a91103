import KnowledgeGraph
import Testing
import XMLSupport

@Suite struct XMLStreamWriterTests {
    @Test func escapesTextAndAttributes() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startDocument()
        try writer.startElement("a")
        try writer.writeAttribute("v", "x&y<\"\n\t\r")
        try writer.writeText("1 < 2 & 3 > 2\r\nKariņš")
        try writer.endElement()
        try writer.endDocument()
        let sink = MemorySink()
        try writer.drain(into: sink)
        #expect(sink.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"x&amp;y&lt;&quot;&#10;&#9;&#13;\">1 &lt; 2 &amp; 3 &gt; 2&#13;\nKariņš</a>\n")
    }

    @Test func drainsIncrementally() throws {
        let writer = try XMLStreamWriter(indent: true)
        try writer.startDocument()
        try writer.startElement("root")
        let sink = MemorySink()
        for index in 0..<3 {
            try writer.startElement("item")
            try writer.writeAttribute("n", String(index))
            try writer.endElement()
            try writer.drain(into: sink)
        }
        try writer.endDocument()
        try writer.drain(into: sink)
        #expect(sink.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <item n=\"0\"/>\n  <item n=\"1\"/>\n  <item n=\"2\"/>\n</root>\n")
    }

    @Test func forbiddenCharactersAreFound() {
        #expect(XMLCharacters.firstForbidden(in: "ok\u{7}") == "\u{7}")
        #expect(XMLCharacters.firstForbidden(in: "tab\tlf\ncr\r ok ŋ") == nil)
        #expect(XMLCharacters.firstForbidden(in: "\u{FFFE}") == "\u{FFFE}")
        #expect(XMLCharacters.isNCName("Person"))
        #expect(!XMLCharacters.isNCName("2019"))
        #expect(!XMLCharacters.isNCName("a:b"))
    }
}
